// End to end: "Explore timings" — N jittered runs on the virtual clock,
// grouped by outcome, each outcome opened as the shown run; the page keeps
// painting while it explores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForRunState, tasks, shot, LESSON_IDS } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

// Every lesson (the lesson folders, in catalog order).
const LESSONS = LESSON_IDS;

async function explore(page, { runs, jitter } = {}, timeout = 60000) {
  if (runs !== undefined) await page.fill('[data-testid=explore-runs]', String(runs));
  if (jitter !== undefined) await page.fill('[data-testid=explore-jitter]', String(jitter));
  await page.click('[data-testid=explore-run]');
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid=explore]')?.dataset.exploreState;
    return s === 'done' || s === 'error';
  }, null, { timeout });
  return page.$$eval('[data-outcome]', (els) => els.map((e) => ({
    count: Number(e.dataset.count), ending: e.dataset.ending,
    summary: e.querySelector('.explore-summary')?.textContent ?? '',
  })));
}

test('race condition as written: several final counts; opening one shows its run; the page keeps painting', async () => {
  const url = `${srv.base}?example=race-condition`;
  const { page, context, errors } = await openPage(browser, url);
  await page.waitForSelector('[data-testid=explore]');
  // A requestAnimationFrame counter: it must keep ticking while exploring.
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => window.__frames.length);
  const t0 = Date.now();
  const outcomes = await explore(page);
  const took = Date.now() - t0;
  const frames = await page.evaluate((b) => {
    const f = window.__frames.slice(b);
    let gap = 0;
    for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]);
    return { n: f.length, gap };
  }, before);
  assert.ok(outcomes.length >= 2, `several outcomes: ${JSON.stringify(outcomes)}`);
  assert.equal(outcomes.reduce((a, o) => a + o.count, 0), 200);
  assert.ok(outcomes.every((o) => /^finished · counter = \d+, expected 9/.test(o.summary)), JSON.stringify(outcomes));
  const counts = new Set(outcomes.map((o) => o.summary.match(/counter = (\d+)/)[1]));
  assert.ok(counts.size >= 2, 'different final counts');
  assert.ok(frames.n >= 3, `frames kept coming while exploring (${frames.n} in ${took} ms)`);
  assert.ok(frames.gap < 500, `no long freeze: longest gap between frames ${frames.gap.toFixed(0)} ms`);
  assert.equal(await page.getAttribute('[data-testid=explore-status]', 'role'), 'status');
  await shot(page, 'explore-race-light');

  // Open the second most frequent outcome: its run is the shown run.
  const second = outcomes[1].summary.match(/counter = (\d+)/)[1];
  await page.click('[data-outcome="1"] [data-testid=explore-open]');
  await waitForRunState(page, 'finished');
  const lanes = await tasks(page);
  assert.ok(lanes.some((t) => t.name === 'main()'), JSON.stringify(lanes));
  assert.equal(lanes.filter((t) => /^worker\(/.test(t.name)).length, 3, JSON.stringify(lanes));
  assert.ok(lanes.every((t) => t.state === 'done'));
  const printed = await page.$$eval('[data-testid=console] [data-text]', (els) => els.map((e) => e.dataset.text));
  assert.ok(printed.includes(`counter = ${second}, expected 9, lost ${9 - second}`), JSON.stringify(printed));
  assert.equal(await page.getAttribute('[data-outcome="1"] [data-testid=explore-open]', 'aria-pressed'), 'true');
  // Its replay works like any run's: the scrubber goes through it.
  assert.ok(Number(await page.getAttribute('[data-testid=playground]', 'data-elapsed-ms')) > 500);
  await page.waitForSelector('[data-testid=scrubber]');
  assert.deepEqual(errors, []);
  await context.close();
});

test('race condition without the pause: the same lost updates in every run; with the lock, one right count', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=race-condition&pause=0`);
  let outcomes = await explore(page, { runs: 100 });
  assert.deepEqual(outcomes.map((o) => [o.summary, o.count]), [['finished · counter = 3, expected 9, lost 6', 100]]);
  await page.goto(`${srv.base}?example=race-condition&lock=1`);
  outcomes = await explore(page, { runs: 100 });
  assert.deepEqual(outcomes.map((o) => [o.summary, o.count]), [['finished · counter = 9, expected 9, lost 0', 100]]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every lesson explores and shows its outcomes; queue, gather-errors, timeout and batch-llm show several', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=coroutine`);
  const found = {};
  for (const id of LESSONS) {
    const extra = id === 'timeout' ? '&delay=1100' : '';
    await page.goto(`${srv.base}?example=${id}${extra}`);
    await page.waitForSelector('[data-testid=explore]');
    const outcomes = await explore(page, { runs: 60 });
    const state = await page.getAttribute('[data-testid=explore]', 'data-explore-state');
    assert.equal(state, 'done', `${id}: ${await page.textContent('[data-testid=explore-status]')}`);
    assert.ok(outcomes.length >= 1, id);
    assert.equal(outcomes.reduce((a, o) => a + o.count, 0), 60, id);
    found[id] = outcomes.length;
  }
  for (const id of ['queue', 'gather-errors', 'timeout', 'batch-llm']) {
    assert.ok(found[id] >= 2, `${id} shows several possible orders: ${found[id]}`);
  }
  assert.equal(found.coroutine, 1);
  console.log('outcomes per lesson (60 runs, ±20 %):', JSON.stringify(found));
  assert.deepEqual(errors, []);
  await context.close();
});

test('your own code: outcomes of a learner program; one that never ends says so; keyboard only', async () => {
  const own = `import asyncio

async def job(name, t):
    await asyncio.sleep(t)
    print(f"{name} done")

async def main():
    await asyncio.gather(job("a", 0.5), job("b", 0.55))

asyncio.run(main())
`;
  const { page, context, errors } = await openPage(browser, `${srv.base}?code=${encodeURIComponent(own)}`);
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-example'), 'code');
  // Keyboard: the labelled inputs, then Enter submits.
  const runs = page.getByLabel('Runs');
  await runs.focus();
  await runs.fill('80');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'explore-jitter');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=explore]')?.dataset.exploreState === 'done');
  const outcomes = await page.$$eval('[data-outcome]', (els) => els.map((e) => Number(e.dataset.count)));
  assert.equal(outcomes.length, 2, 'a before b, or b before a');
  assert.equal(outcomes.reduce((a, b) => a + b, 0), 80);
  // Open by keyboard.
  await page.focus('[data-outcome="0"] [data-testid=explore-open]');
  await page.keyboard.press('Enter');
  await waitForRunState(page, 'finished');
  const names = (await tasks(page)).map((t) => t.name);
  assert.equal(names.length, 3, JSON.stringify(names));
  assert.ok(names.includes('main()'));

  // A program that never ends on the virtual clock: said in words, page alive.
  const forever = 'import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n';
  await page.goto(`${srv.base}?code=${encodeURIComponent(forever)}`);
  await page.click('[data-testid=explore-run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=explore]')?.dataset.exploreState === 'error', null, { timeout: 30000 });
  assert.match(await page.textContent('[data-testid=explore-status]'), /does not end/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: light, dark, 375 px', async () => {
  const url = `${srv.base}?example=queue`;
  for (const [name, opts] of [['explore-light', {}], ['explore-dark', { colorScheme: 'dark' }], ['explore-375', { width: 375, height: 800 }]]) {
    const { page, context, errors } = await openPage(browser, url, opts);
    await explore(page);
    await page.click('[data-outcome="0"] [data-testid=explore-open]');
    await waitForRunState(page, 'finished');
    await page.click('[data-outcome="1"] .explore-details summary');
    await page.locator('[data-testid=explore]').screenshot({ path: `e2e/artifacts/${name}.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: no horizontal scroll (${overflow} px)`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
