// End to end: the real-I/O lessons (fetch through the bundled mock API's
// service worker, batch-llm, executor with a real Web Worker), and the loop panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForRunState, tasks, shot } from './harness.mjs';
import { assertOnTime } from './timing.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('fetch: five real requests to the mock API overlap and end at the latency', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=fetch&tasks=5&delay=600&autorun=1`);
  await waitForRunState(page, 'finished');
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker answers');
  const elapsed = Number(await page.getAttribute('[data-testid=playground]', 'data-elapsed-ms'));
  await assertOnTime(page, elapsed, 600, 'elapsed');
  assert.equal(Number(await page.textContent('[data-testid=stat-max-concurrency]')), 5);
  const ts = await tasks(page);
  assert.equal(ts.length, 6);
  assert.ok(ts.every((t) => t.state === 'done'), JSON.stringify(ts));
  const lines = await page.$$eval('[data-testid=console] > *', (l) => l.map((x) => x.textContent));
  assert.ok(lines.some((l) => l.includes('"name":"user3"')), lines.join('\n'));
  assert.ok(lines.at(-1).includes('5 of 5 requests succeeded'));
  await shot(page, 'lesson-fetch');
  assert.deepEqual(errors, []);
  await context.close();
});

test('fetch: requests really go over HTTP, and Stop aborts them', async () => {
  const { page, context } = await openPage(browser, `${srv.base}?example=fetch&tasks=3&delay=5000`);
  // Let the service worker take control first (a fresh profile registers it now).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const seen = [];
  page.on('request', (r) => { if (r.url().includes('mock-api/get')) seen.push(r.url()); });
  const failed = [];
  page.on('requestfailed', (r) => { if (r.url().includes('mock-api/get')) failed.push(r.failure()?.errorText); });
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelectorAll('[data-task][data-state=fetching]').length === 3);
  await page.click('[data-testid=stop]');
  await waitForRunState(page, 'stopped');
  // The browser reports each aborted request as failed: wait for the three
  // reports (a barrier), not for a fixed time.
  for (let i = 0; i < 100 && failed.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(seen.length, 3, seen.join('\n'));
  assert.equal(failed.length, 3, `aborted: ${failed.join(', ')}`);
  assert.ok((await tasks(page)).every((t) => t.state === 'cancelled'));
  await context.close();
});

test('fetch: a URL that refuses is a failed lane with the reason in words', async () => {
  const { page, context } = await openPage(browser, `${srv.base}?example=fetch&tasks=2&url=${encodeURIComponent('http://127.0.0.1:9/nothing')}&autorun=1`);
  await waitForRunState(page, 'finished');
  const ts = await tasks(page);
  assert.deepEqual(ts.slice(1).map((t) => t.state), ['failed', 'failed']);
  const label = await page.getAttribute('[data-task-name="fetch_user(0)"]', 'aria-label');
  // The Rust version names it NetworkError; the interpreted lesson raises
  // aiohttp's ClientConnectorError, as aiohttp does.
  assert.match(label ?? '', /NetworkError|ClientConnectorError/);
  await shot(page, 'lesson-fetch-refused');
  await context.close();
});

test('batch-llm: limit honoured, results in prompt order, totals printed', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=batch-llm&prompts=12&limit=4&latency_min=200&latency_max=600&timeout=500&fail_rate=20&seed=3&autorun=1`);
  await waitForRunState(page, 'finished', 20000);
  assert.ok(Number(await page.textContent('[data-testid=stat-max-concurrency]')) <= 4);
  const lines = await page.$$eval('[data-testid=console] > * .line-text', (l) => l.map((x) => x.textContent));
  const order = lines.filter((l) => / (ok|error): /.test(l)).map((l) => Number(l.split(' ')[0]));
  assert.deepEqual(order, [...Array(12).keys()]);
  assert.match(lines.at(-1), /\d+ ok, \d+ failed, \d+ timed out/);
  const ts = await tasks(page);
  assert.equal(ts.length, 13);
  assert.ok(ts.slice(1).every((t) => ['done', 'failed'].includes(t.state)));
  await shot(page, 'lesson-batch-llm');
  // A failing prompt is the mock API answering 500: the browser logs it.
  assert.deepEqual(errors.filter((e) => !/status of 500/.test(e)), []);
  await context.close();
});

test('executor: a real worker keeps the loop free; inline freezes it', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=executor&work=800&offload=1&autorun=1`);
  await waitForRunState(page, 'finished');
  const lagOff = Number(await page.getAttribute('[data-testid=stat-loop-lag]', 'data-value'));
  // The claim is relative: with the worker the loop is never held for the
  // work's 800 ms (a busy machine adds its own lateness, far below that).
  assert.ok(lagOff < 400, `loop lag with the worker: ${lagOff}`);
  const ts = await tasks(page);
  assert.ok(ts.some((t) => t.name.startsWith('run_in_executor') && t.state === 'done'));
  await shot(page, 'lesson-executor');
  await page.goto(`${srv.base}?example=executor&work=800&offload=0&autorun=1`);
  await waitForRunState(page, 'finished');
  const lagOn = Number(await page.getAttribute('[data-testid=stat-loop-lag]', 'data-value'));
  assert.ok(lagOn >= 600, `loop lag inline: ${lagOn}`);
  await shot(page, 'lesson-executor-inline');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the loop panel shows holders and waiters of a semaphore mid-run', async () => {
  const { page, context } = await openPage(browser, `${srv.base}?example=semaphore&tasks=5&limit=2&delay=1500&autorun=1`);
  await page.waitForFunction(() => document.querySelectorAll('[data-task][data-state=sleeping]').length === 2);
  // The semaphore is named as the code binds it (`sem`; the Rust
  // version calls it Semaphore(2)).
  const panel = await page.textContent('[data-testid=loop-panel] [data-resource="sem"], [data-testid=loop-panel] [data-resource="Semaphore(2)"]');
  assert.match(panel, /held by download\(0\), download\(1\)/);
  assert.match(panel, /waiting download\(2\) → download\(3\) → download\(4\)/);
  await shot(page, 'loop-panel-semaphore');
  await page.click('[data-testid=stop]');
  await context.close();
});
