// End to end, issue 12 section 1: predict, then run. The questions before
// a lesson's first Run, scored after it against the run's own log with the
// evidence on screen; Run alone, autorun=1 and predict=0 never blocked;
// remembered per lesson; a program of one's own gets the generic
// questions; every lesson asks and scores; an embed sends each scored
// answer to its parent on another origin as a `prediction` message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, waitForRunState, shot, LESSON_IDS } from './harness.mjs';

let app, parent, browser, parentDir;
before(async () => {
  app = await serve();
  parentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'predict-parent-'));
  fs.writeFileSync(path.join(parentDir, 'index.html'), `<!doctype html>
<meta charset="utf-8"><title>course</title><link rel="icon" href="data:,">
<script>
  window.messages = [];
  addEventListener('message', (e) => {
    if (e.data && e.data.source === 'async-playground') window.messages.push({ origin: e.origin, ...e.data });
  });
</script>
<iframe id="app" title="playground" width="1000" height="1400"></iframe>
<script>document.getElementById('app').src = new URLSearchParams(location.search).get('app');</script>
`);
  parent = await serve(parentDir);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await app?.close(); await parent?.close();
  if (parentDir) fs.rmSync(parentDir, { recursive: true, force: true });
});

// Every lesson (the lesson folders, in catalog order).
const LESSONS = LESSON_IDS;

const phase = (page) => page.getAttribute('[data-testid=predict]', 'data-phase');

/** Answers every question of the open form with its first choice, or `value`. */
async function answerAll(page, value = '1') {
  const qs = await page.$$('[data-testid=predict] [data-question]');
  for (const q of qs) {
    const radio = await q.$('input[type=radio]');
    if (radio) { await radio.check(); continue; }
    const select = await q.$('select');
    if (select) {
      const opts = await select.$$eval('option', (os) => os.map((o) => o.value).filter(Boolean));
      await select.selectOption(opts[0]);
      continue;
    }
    await (await q.$('input')).fill(value);
  }
  return qs.length;
}

async function waitScored(page, timeout = 20000) {
  await page.waitForFunction(() => document.querySelector('[data-testid=predict]')?.dataset.phase === 'scored',
    null, { timeout });
}

const results = (page) => page.$$eval('[data-testid=predict] li[data-question]', (els) => els.map((e) => ({
  id: e.dataset.question, correct: e.dataset.correct ?? null, text: e.textContent,
})));

test('semaphore: predict, lock in and run, scored against the log with the evidence on screen', async () => {
  const { page, context, errors } = await openPage(browser, `${app.base}index.html?example=semaphore`);
  await page.waitForSelector('[data-testid=predict] form');
  assert.equal(await phase(page), 'asking');
  const keys = await page.$$eval('[data-testid=predict] [data-question]', (els) => els.map((e) => e.dataset.question));
  assert.deepEqual(keys, ['max-in-flight', 'end-time']);
  // Real labelled form controls.
  await page.getByLabel('At most how many downloads run at once?').fill('3');
  await page.getByLabel('When does main() end?').fill('9');
  await shot(page, 'predict-asking-light');
  await page.click('[data-testid=predict-run]');
  // Focus moves to the panel's status, then to the results.
  await waitForRunState(page, 'finished', 20000);
  await waitScored(page);
  await page.waitForFunction(() => document.activeElement?.id === 'predict-results');
  const r = await results(page);
  assert.deepEqual(r.map((x) => [x.id, x.correct]), [['max-in-flight', 'true'], ['end-time', 'false']]);
  assert.match(r[0].text, /3 tasks were in flight at once \(download\(0\), download\(1\), download\(2\)\)/);
  // The real run's end (a few ms after the ideal 2.4 s; more on a busy machine).
  assert.match(r[1].text, /the run: 2\.\d+/);
  assert.match(r[1].text, /main\(\) returned at 2\.\d\d s/);
  // The evidence: the playhead moves to the moment, the lane is marked.
  await page.click('[data-testid=predict] li[data-question=end-time] [data-testid=predict-show]');
  await page.waitForSelector('[data-task-name="main()"].evidence');
  const url = new URL(page.url());
  const t = Number(url.searchParams.get('t'));
  const end = Number(await page.getAttribute('[data-task-name="main()"]', 'data-end-ms'));
  assert.ok(Math.abs(t - end) <= 1, `playhead ${t} at main()'s end ${end}`);
  await page.click('[data-testid=predict] li[data-question=max-in-flight] [data-testid=predict-show]');
  await page.waitForSelector('[data-task-name="download(2)"].evidence');
  assert.equal(await page.$$eval('.lane.evidence', (els) => els.length), 3);
  // Narrated in the existing live region.
  await page.waitForFunction(() => /Prediction: 1 of 2 right/.test(document.querySelector('[data-testid=narration]')?.textContent ?? ''), null, { timeout: 8000 });
  await shot(page, 'predict-scored-light');
  assert.deepEqual(errors, []);
  await context.close();
});

test('deadlock: the hang and the last print, with the console line marked (dark theme)', async () => {
  const { page, context, errors } = await openPage(browser, `${app.base}index.html?example=deadlock&theme=dark`, { colorScheme: 'dark' });
  await page.waitForSelector('[data-testid=predict] form');
  await page.getByLabel('It hangs (a deadlock)').check();
  await page.getByLabel('Which print prints last?').selectOption({ label: 'line 25: print(f"task_2 wants {s}")' });
  await shot(page, 'predict-asking-dark');
  await page.getByRole('button', { name: 'Lock in and run' }).click();
  await waitForRunState(page, 'deadlock', 20000);
  await waitScored(page);
  const r = await results(page);
  assert.deepEqual(r.map((x) => [x.id, x.correct]), [['ending', 'true'], ['last-print', 'true']]);
  assert.match(r[0].text, /lock_b/);
  await page.click('[data-testid=predict] li[data-question=last-print] [data-testid=predict-show]');
  await page.waitForSelector('[data-testid=console] [data-text="task_2 wants a"].evidence');
  await page.waitForSelector('[data-task-name="task_2()"].evidence');
  await shot(page, 'predict-scored-dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Run alone, autorun=1 and predict=0 are never blocked; Skip is remembered per lesson', async () => {
  // Run alone: runs at once, the questions close for that run.
  let { page, context } = await openPage(browser, `${app.base}index.html?example=coroutine`);
  await page.waitForSelector('[data-testid=predict] form');
  await page.click('[data-testid=run]');
  await waitForRunState(page, 'finished', 20000);
  assert.equal(await phase(page), 'closed');
  // Predict the next run: focus lands on the first question.
  await page.click('[data-testid=predict-open]');
  await page.waitForFunction(() => document.activeElement?.id === 'predict-q0');
  await answerAll(page, '1');
  await page.keyboard.press('Enter');
  await waitScored(page);
  assert.equal((await results(page)).length, 2);
  // Remembered: the next visit does not open it.
  await page.goto(`${app.base}index.html?example=coroutine`);
  await page.waitForSelector('[data-testid=predict]');
  assert.equal(await phase(page), 'closed');
  // Skip is remembered too, per lesson.
  await page.goto(`${app.base}index.html?example=timeout`);
  await page.waitForSelector('[data-testid=predict] form');
  await page.click('[data-testid=predict-skip]');
  assert.equal(await phase(page), 'closed');
  await page.goto(`${app.base}index.html?example=timeout`);
  await page.waitForSelector('[data-testid=predict]');
  assert.equal(await phase(page), 'closed');
  await page.goto(`${app.base}index.html?example=retry`);
  await page.waitForSelector('[data-testid=predict] form');
  await context.close();

  // autorun=1 runs at once; the prediction is not asked for that run.
  ({ page, context } = await openPage(browser, `${app.base}index.html?example=semaphore&autorun=1`));
  await waitForRunState(page, 'finished', 20000);
  assert.equal(await phase(page), 'closed');
  await context.close();

  // predict=0: no panel; a bad value is a notice and the default.
  ({ page, context } = await openPage(browser, `${app.base}index.html?example=semaphore&predict=0`));
  await page.waitForSelector('[data-testid=run]');
  assert.equal(await page.$('[data-testid=predict]'), null);
  assert.match(page.url(), /predict=0/);
  await context.close();
  ({ page, context } = await openPage(browser, `${app.base}index.html?example=semaphore&predict=maybe`));
  await page.waitForSelector('[data-testid=predict] form');
  assert.match(await page.textContent('[data-testid=notice]'), /predict/);
  await context.close();
});

test('a program of one\'s own and an edited lesson get the generic questions', async () => {
  const code = 'import asyncio\n\nasync def main():\n    print("one")\n    await asyncio.sleep(0.3)\n    print("two")\n\nasyncio.run(main())\n';
  const { page, context, errors } = await openPage(browser, `${app.base}index.html?code=${encodeURIComponent(code)}`);
  await page.waitForSelector('[data-testid=predict] form');
  const keys = await page.$$eval('[data-testid=predict] [data-question]', (els) => els.map((e) => e.dataset.question));
  assert.deepEqual(keys, ['end-time', 'first-print', 'last-print', 'ending']);
  await page.getByLabel('When does main() end?').fill('0.3');
  await page.locator('[data-question=first-print] input[value="4"]').check();
  await page.locator('[data-question=last-print] input[value="6"]').check();
  await page.getByLabel('It finishes').check();
  await page.click('[data-testid=predict-run]');
  await waitScored(page);
  const r = await results(page);
  // The end time is scored against this run's own log: main() ends at 0.3 s
  // plus whatever the machine made its timers late, so 0.3 counts exactly
  // when the recorded end is within 0.1 s or 10 % of it.
  const end = Number(await page.getAttribute('[data-task-name="main()"]', 'data-end-ms')) / 1000;
  const endRight = Math.abs(0.3 - end) <= Math.max(0.1, end * 0.1) + 1e-9;
  assert.deepEqual(r.map((x) => x.correct), [String(endRight), 'true', 'true', 'true'], `main() ended at ${end} s`);
  await context.close();

  // The semaphore lesson with its code edited: the generic questions.
  const edited = 'import asyncio\n\nasync def main():\n    print("mine")\n    await asyncio.sleep(0.2)\n    print("done")\n\nasyncio.run(main())\n';
  const p2 = await openPage(browser, `${app.base}index.html?example=semaphore&code=${encodeURIComponent(edited)}`);
  await p2.page.waitForSelector('[data-testid=predict] form');
  const k2 = await p2.page.$$eval('[data-testid=predict] [data-question]', (els) => els.map((e) => e.dataset.question));
  assert.deepEqual(k2, ['end-time', 'first-print', 'last-print', 'ending']);
  assert.deepEqual(errors, []);
  await p2.context.close();
});

test('the questions follow the editor as it is typed in, not once typing pauses', async () => {
  const code = 'import asyncio\n\nasync def main():\n    print("one")\n    await asyncio.sleep(0.3)\n    print("two")\n\nasyncio.run(main())\n';
  const { page, context, errors } = await openPage(browser, `${app.base}index.html?code=${encodeURIComponent(code)}`);
  await page.waitForSelector('[data-testid=predict] form');
  const lines = () => page.$$eval('[data-question=first-print] input', (els) => els.map((e) => e.value));
  assert.deepEqual(await lines(), ['4', '6']);
  // Two more prints, further down: the choices are the new program's lines
  // at once (the page's own code follows only when typing pauses).
  const longer = 'import asyncio\n\n\nasync def main():\n    print("zero")\n    print("one")\n    await asyncio.sleep(0.3)\n    print("two")\n    print("three")\n\nasyncio.run(main())\n';
  await page.fill('[data-testid=editor]', longer);
  // Seen while the address still holds the old program (it follows 400 ms
  // after typing stops): the panel read the editor, not the page's code.
  await page.waitForFunction(() => document.querySelectorAll('[data-question=first-print] input').length === 4
    && !new URLSearchParams(location.search).get('code')?.includes('zero'), undefined, { timeout: 2000 });
  assert.deepEqual(await lines(), ['5', '6', '8', '9']);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('code')?.includes('zero'), undefined, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('every lesson asks one to three questions and scores each after its run', async () => {
  const { page, context, errors } = await openPage(browser, `${app.base}index.html?example=coroutine&speed=10`);
  for (const id of LESSONS) {
    await page.goto(`${app.base}index.html?example=${id}&speed=10`);
    await page.waitForSelector('[data-testid=predict] form');
    const n = await answerAll(page, '1');
    assert.ok(n >= 1 && n <= 3, `${id}: ${n} questions`);
    await page.click('[data-testid=predict-run]');
    await waitScored(page, 30000);
    const r = await results(page);
    assert.equal(r.length, n, id);
    for (const x of r) assert.ok(x.correct === 'true' || x.correct === 'false', `${id} ${x.id}: scored (${x.text})`);
  }
  // batch-llm's mock API answers some calls with a 500 on purpose.
  assert.deepEqual(errors.filter((e) => !/status of 500/.test(e)), []);
  await context.close();
});

test('narrow 375 px: the questions fit', async () => {
  const { page, context } = await openPage(browser, `${app.base}index.html?example=gather-errors`, { width: 375, height: 800 });
  await page.waitForSelector('[data-testid=predict] form');
  const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 0, `page wider than the screen by ${over}px`);
  await shot(page, 'predict-narrow');
  await context.close();
});

test('embed on another origin: each scored answer reaches the parent as a prediction message', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await context.newPage();
  const appUrl = `${app.base}index.html?example=race-condition&embed=1`;
  await page.goto(`${parent.base}index.html?app=${encodeURIComponent(appUrl)}`);
  const frame = await (await page.waitForSelector('#app')).contentFrame();
  await frame.waitForSelector('[data-testid=predict] form');
  await frame.getByLabel('What is counter at the end?').fill('9');
  await frame.getByLabel('When does main() end?').fill('1.2');
  await shot(page, 'predict-embed-asking');
  await frame.click('[data-testid=predict-run]');
  await page.waitForFunction(() => window.messages.filter((m) => m.type === 'prediction').length >= 2, null, { timeout: 20000 });
  const msgs = await page.evaluate(() => window.messages.filter((m) => m.type === 'prediction'));
  const origin = new URL(app.base).origin;
  assert.notEqual(origin, new URL(parent.base).origin);
  for (const m of msgs) {
    assert.equal(m.origin, origin);
    assert.equal(m.source, 'async-playground');
    assert.equal(typeof m.question, 'string');
    assert.equal(typeof m.answer, 'string');
    assert.equal(typeof m.expected, 'string');
    assert.equal(typeof m.correct, 'boolean');
  }
  const counter = msgs.find((m) => m.id === 'counter');
  assert.deepEqual([counter.question, counter.answer, counter.expected, counter.correct],
    ['What is counter at the end?', '9', '3', false]);
  // Right within 0.1 s or 10 % of the real end (late on a busy machine).
  const end = msgs.find((m) => m.id === 'end-time');
  const real = Number(end.expected);
  assert.ok(real >= 1.2 && real < 3, end.expected);
  assert.equal(end.correct, Math.abs(real - 1.2) <= Math.max(0.1, real * 0.1) + 1e-9);
  assert.equal(end.answer, '1.2 s');
  assert.equal(end.example, 'race-condition');
  await waitScored(frame);
  await shot(page, 'predict-embed-scored');
  await context.close();
});
