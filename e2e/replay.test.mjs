// End to end: time travel over a recorded run (scrub, step, play, keys,
// t= in the URL), comparing two runs, and the Python / Rust code toggle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForRunState, tasks, shot } from './harness.mjs';
import { allowance } from './timing.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function seek(page, t) {
  await page.$eval('[data-testid=scrubber]', (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, t);
}

const byName = (ts) => Object.fromEntries(ts.map((t) => [t.name, t.state]));

test('scrubbing shows every task as it was at the playhead, and t= follows', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=semaphore&tasks=6&limit=2&delay=1000&autorun=1`);
  await waitForRunState(page, 'finished', 30000);
  // Mid-way through the second pair's 1 s sleep as this run recorded it
  // (the first pair's end to the second's), whatever lateness the machine added.
  const endOf = (n) => page.getAttribute(`[data-task-name="download(${n})"]`, 'data-end-ms').then(Number);
  const mid = Math.round((await endOf(1) + await endOf(2)) / 2);
  assert.ok(mid > 1000 && mid < 2000 + 500, `second pair's sleep is centred at ${mid} ms`);
  await seek(page, mid);
  await page.waitForFunction(() => document.querySelector('[data-task-name="download(4)"]')?.dataset.state === 'waiting');
  const at1500 = byName(await tasks(page));
  assert.deepEqual(at1500, {
    'main()': 'waiting', 'download(0)': 'done', 'download(1)': 'done',
    'download(2)': 'sleeping', 'download(3)': 'sleeping', 'download(4)': 'waiting', 'download(5)': 'waiting',
  });
  assert.equal(await page.getAttribute('[data-testid=playhead-time]', 'data-value'), String(mid));
  assert.match(await page.textContent('[data-testid=explanation]'), /^t = /);
  await page.waitForFunction((m) => location.search.includes(`t=${m}`), mid);
  // The figures follow the playhead too.
  assert.equal(await page.textContent('[data-testid=stat-progress]').then((s) => s.trim().startsWith('2')), true);
  await shot(page, 'replay-scrubbed-450');
  // Home, then step forward with the keyboard: the playhead moves to the next event.
  await page.click('h1');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('[data-testid=playhead-time]')?.dataset.value === '0');
  // At 0 ms nothing has ended yet (real timestamps: tasks start a little after 0).
  assert.ok((await tasks(page)).every((t) => t.state !== 'done'));
  // The next moment may be a fraction of a ms after 0 (the browser's clock
  // counts in steps of 0.1 ms; the time shown is rounded to 0): the step is
  // seen as a later time or as the explanation moving on to the next event.
  const atHome = await page.textContent('[data-testid=explanation]');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((home) => Number(document.querySelector('[data-testid=playhead-time]')?.dataset.value) > 0
    || document.querySelector('[data-testid=explanation]')?.textContent !== home, atHome);
  await page.keyboard.press('End');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-task]')].every((e) => e.dataset.state === 'done'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a shared link with t= opens the finished run at that moment', async () => {
  // Half-way through the second pair's 1 s sleep: the pair may start as late
  // as the machine makes it (up to 500 ms) and still be asleep at 1500.
  const { page, context } = await openPage(browser, `${srv.base}?example=semaphore&tasks=6&limit=2&delay=1000&t=1500&autorun=1`);
  await waitForRunState(page, 'finished', 30000);
  await page.waitForFunction(() => document.querySelector('[data-task-name="download(2)"]')?.dataset.state === 'sleeping');
  assert.equal(await page.getAttribute('[data-testid=playhead-time]', 'data-value'), '1500');
  const at = byName(await tasks(page));
  assert.equal(at['download(0)'], 'done');
  assert.equal(at['download(4)'], 'waiting');
  await context.close();
});

test('playing the recording back moves the playhead to the end', async () => {
  const { page, context } = await openPage(browser, `${srv.base}?example=coroutine&delay=300&autorun=1`);
  await waitForRunState(page, 'finished');
  await page.selectOption('[data-testid=replay-rate]', '5');
  await page.click('[data-testid=to-start]');
  await page.click('[data-testid=play]');
  // To the end of this run, in scenario time: a real run ends a little
  // after its ideal 300 ms (more on a busy machine), so at 300 it may still sleep.
  const end = Number(await page.getAttribute('[data-testid=playground]', 'data-elapsed-ms'));
  await page.waitForFunction((e) => Number(document.querySelector('[data-testid=playhead-time]')?.dataset.value) >= e, end, { timeout: 5000 });
  assert.equal(byName(await tasks(page))['main()'], 'done');
  await context.close();
});

test('compare: gather vs sequential, both elapsed figures and the difference', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=sequential-vs-gather&tasks=3&delay=300&mode=gather&autorun=1`);
  await waitForRunState(page, 'finished');
  // Each real run is late by what the machine added, as its page measured.
  const lateKept = await allowance(page);
  await page.click('[data-testid=compare-keep]');
  await page.waitForFunction(() => location.search.includes('compare='));
  await page.selectOption('#param-mode', 'sequential');
  await page.click('[data-testid=run]');
  await waitForRunState(page, 'running');
  await waitForRunState(page, 'finished');
  const lateNow = await allowance(page);
  const cmp = await page.$('[data-testid=compare]');
  const now = Number(await cmp.getAttribute('data-elapsed-current'));
  const kept = Number(await cmp.getAttribute('data-elapsed-kept'));
  assert.ok(now >= 900 && now <= 900 + lateNow.ms, `sequential ${now}, allowed ${Math.round(lateNow.ms)} ms late`);
  assert.ok(kept >= 300 && kept <= 300 + lateKept.ms, `gather ${kept}, allowed ${Math.round(lateKept.ms)} ms late`);
  assert.match(await page.textContent('[data-testid=compare-summary]'), /now \(mode=sequential\): .* vs kept \(mode=gather\): .*× slower/);
  await shot(page, 'compare-gather-vs-sequential');
  // The comparison is a link: opening it runs both.
  const url = page.url();
  assert.match(url, /compare=mode%3Dgather/);
  await page.goto(url.replace(/&t=\d+/, '') + '&autorun=1');
  await page.waitForSelector('[data-testid=compare][data-elapsed-kept]', { timeout: 15000 });
  await waitForRunState(page, 'finished');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=compare]')?.dataset.elapsedCurrent) >= 900);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the code panel shows Python or the Rust that runs, remembered', async () => {
  const { page, context } = await openPage(browser, `${srv.base}?example=semaphore&tasks=12&limit=3&delay=800`);
  // The lesson's parameters are literals near the top of its code.
  assert.match(await page.textContent('.code'), /^LIMIT = 3\b/m);
  assert.match(await page.textContent('.code'), /asyncio\.Semaphore\(LIMIT\)/);
  await page.click('[data-testid=lang-rust]');
  await page.waitForFunction(() => location.search.includes('lang=rust'));
  const rust = await page.textContent('.code');
  assert.match(rust, /async fn main/);
  assert.match(rust, /p\.of\(TASKS\) \/\* = 12 \*\//);
  await shot(page, 'code-rust');
  await page.goto(`${srv.base}?example=coroutine`);
  await page.waitForSelector('[data-testid=playground]');
  assert.match(await page.textContent('.code'), /async fn main/, 'the choice is remembered');
  await page.click('[data-testid=lang-python]');
  await context.close();
});

test('clicking a lane explains it and marks the line of code the task is at', async () => {
  const { page, context } = await openPage(browser, `${srv.base}?example=semaphore&tasks=6&limit=2&delay=300&autorun=1`);
  await waitForRunState(page, 'finished');
  const track = await page.$('[data-task-name="download(3)"] .lane-track');
  // The panels above the timeline (the prediction's) may push it below the fold.
  await track.scrollIntoViewIfNeeded();
  const box = await track.boundingBox();
  const axis = await page.$$eval('.axis .tick', (t) => Number(t.at(-1).textContent.replace(/[^\d.]/g, '')) * (t.at(-1).textContent.includes(' s') ? 1000 : 1));
  // Click mid-way through download(3)'s wait for the semaphore as this run
  // recorded it (from its start to the first pair's end), however late the
  // machine made the run.
  const at = (n, a) => page.getAttribute(`[data-task-name="download(${n})"]`, a).then(Number);
  const mid = (await at(3, 'data-start-ms') + await at(1, 'data-end-ms')) / 2;
  await page.mouse.click(box.x + box.width * (mid / axis), box.y + box.height / 2);
  await page.waitForFunction(() => /download\(3\) waited/.test(document.querySelector('[data-testid=explanation]')?.textContent ?? ''));
  // The interpreter names a resource as the code binds it (`sem`); the
  // Rust version as `Semaphore(2)`.
  assert.match(await page.textContent('[data-testid=explanation]'), /on (sem|Semaphore\(2\))\b/);
  assert.match(await page.textContent('.code-line.here'), /async with sem/);
  await shot(page, 'replay-explain-lane');
  await context.close();
});
