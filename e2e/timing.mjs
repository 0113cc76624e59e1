// Timing checks that hold on a busy machine. A claim about order or ideal
// timing is checked in scenario time (the log's data-start-ms / data-end-ms,
// data-ideal-ms). A claim about the real run ("it ends at its ideal, late
// only by what the machine added") is checked against the lateness the page
// itself measured in the same run: its event loop's heartbeat (a 50 ms timer
// beside the lesson; every late beat is lateness the lesson's timers met
// too), plus how much later than their latency the mock API's answers came
// (the service worker and the browser's network run outside the page's loop,
// where the heartbeat cannot see). On an idle machine that allowance is about BASE_MS; under load it
// grows with the load, and a run late for a reason of its own still fails.
// Works with Playwright and Puppeteer pages and frames (only evaluate()).
import assert from 'node:assert/strict';

/** A real run's own slack: rounding, the frame that shows the end, the last timer. */
export const BASE_MS = 100;

/** What the page measured in its last run: heartbeat lateness in total and at worst, and the mock
 * API's answers' lateness in total (scenario ms). */
export function measured(page) {
  return page.evaluate(() => {
    const lane = document.querySelector('[data-testid=loop-lane]');
    const num = (v) => (v === null || v === undefined || v === '' ? NaN : Number(v));
    const total = num(lane?.getAttribute('data-total-lag-ms'));
    const worst = num(document.querySelector('[data-testid=stat-loop-lag]')?.getAttribute('data-value'));
    const beats = num(lane?.getAttribute('data-heartbeats'));
    const network = num(lane?.getAttribute('data-network-lag-ms'));
    return { total, worst, beats, network };
  });
}

/** How late (ms) the last run may be beyond its ideal, from what the page measured. */
export async function allowance(page) {
  const m = await measured(page);
  const total = Number.isFinite(m.total) ? m.total : 0;
  const worst = Number.isFinite(m.worst) ? m.worst : 0;
  const network = Number.isFinite(m.network) ? m.network : 0;
  return { ...m, ms: BASE_MS + total + 2 * worst + network };
}

/** Asserts `actual` (real run, scenario ms) is at or after `ideal` and late
 * by no more than the page's own measured lateness allows. */
export async function assertOnTime(page, actual, ideal, what) {
  const a = await allowance(page);
  assert.ok(Number.isFinite(actual), `${what}: no time (${actual})`);
  assert.ok(actual >= ideal - 2 && actual <= ideal + a.ms,
    `${what}: ${actual} ms, ideal ${ideal} ms; allowed ${Math.round(a.ms)} ms late ` +
    `(heartbeat lateness this run: total ${m(a.total)}, worst ${m(a.worst)}, ${a.beats} beats; ` +
    `mock API answers late by ${m(a.network)} in all)`);
}
const m = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'none');

/** The root's data-ideal-ms, once known (null before or where not shown). */
export async function idealMs(page) {
  const v = await page.evaluate(() => document.querySelector('[data-testid=playground]')?.getAttribute('data-ideal-ms'));
  return v === null || v === undefined ? null : Number(v);
}

/** Checks the root's data-ideal-ms (where the page shows it) equals the lesson's ideal. */
export async function assertIdeal(page, ideal, what) {
  const shown = await idealMs(page);
  if (shown !== null) assert.ok(Math.abs(shown - ideal) <= 1, `${what}: data-ideal-ms ${shown}, expected ${ideal}`);
}
