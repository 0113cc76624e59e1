// The end-to-end core in Firefox (Debian's firefox-esr through
// puppeteer-core over WebDriver BiDi): every lesson opened by URL with
// autorun=1, embed messages on a course page of another origin (with a
// sentinel for "malformed messages changed nothing"), replay, and the
// reliability cases (bad and hostile URLs, a restart storm, missing APIs,
// a sandboxed frame). The full suite runs in Chromium; this core is what
// must hold in both. Real-time claims are checked against the lateness the
// page measured in the same run (timing.mjs), so a busy machine is no failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, LESSON_IDS } from './harness.mjs';
import { assertOnTime } from './timing.mjs';
import { haveFirefox, launchFirefox, ffPage, ffRunState, ffTasks, ffAttr, ffShot } from './firefox-harness.mjs';
import { DEEP, DEEP_STDOUT, DEEP_LAST, rerunToError } from './deep-recursion.mjs';

const skip = haveFirefox() ? false : 'firefox-esr is not installed (scripts/setup.sh installs it)';
const STATES = ['created', 'ready', 'running', 'sleeping', 'fetching', 'waiting', 'done', 'failed', 'cancelled'];
const FINAL = ['done', 'failed', 'cancelled'];

let app, course, cors, browser;
before(async () => {
  if (skip) return;
  app = await serve();
  course = await serve();
  cors = await serve(undefined, '/', { cors: true });
  browser = await launchFirefox();
});
after(async () => { await browser?.close(); await app?.close(); await course?.close(); await cors?.close(); });

// Every lesson: URL parameters, how it ends, its ideal (scenario ms; null:
// the page's own ideal run says), and a claim checked in scenario time.
const LESSONS = [
  ['coroutine', 'delay=300', 'finished', 300],
  ['sequential-vs-gather', 'tasks=3&delay=200&mode=sequential', 'finished', 600, (ts) => {
    const d = ts.filter((t) => t.name !== 'main()').sort((a, b) => a.start - b.start);
    for (let i = 1; i < d.length; i++) assert.ok(d[i].start >= d[i - 1].end - 1, 'one after the other');
  }],
  ['sequential-vs-gather', 'tasks=3&delay=200&mode=gather', 'finished', 200],
  ['async-iterator', 'count=4&delay=100', 'finished', 400],
  ['context-manager', 'connect=200&query=300&fail=0', 'finished', 500],
  ['create-task', 'interval_a=300&interval_b=700&cancel_after=1000', 'finished', 1000, (ts) => {
    assert.ok(ts.some((t) => t.state === 'cancelled'), 'a task is cancelled');
  }],
  ['daemon', 'main=600&interval=200', 'finished', 600, (ts) => {
    assert.equal(ts.find((t) => t.name.startsWith('heartbeat')).state, 'cancelled');
  }],
  ['semaphore', 'tasks=6&limit=2&delay=300', 'finished', 900, (ts) => {
    // At most two in flight at any instant, in scenario time.
    const d = ts.filter((t) => t.name !== 'main()');
    for (const t of d) assert.ok(d.filter((u) => u.end - 300 <= t.end - 300 + 1 && u.end > t.end - 300 + 1).length <= 2);
  }],
  ['semaphore-inside', 'tasks=4&limit=2&delay=300', 'finished', 300],
  ['gather-errors', 'tasks=4&fail=1&return_exceptions=1', 'finished', null, (ts) => {
    assert.ok(ts.some((t) => t.state === 'failed'));
  }],
  ['timeout', 'delay=2000&timeout=500', 'finished', 500, (ts) => {
    assert.ok(ts.some((t) => t.state === 'cancelled'));
  }],
  ['retry', 'retries=3&base=100&failures=2', 'finished', null],
  ['queue', 'items=4&consumers=2&maxsize=1&produce=100&consume=200', 'finished', null],
  ['race-condition', 'tasks=3&increments=2&lock=1&pause=0', 'finished', 600],
  ['deadlock', 'hold=300&order=opposite', 'deadlock', 300],
  ['blocking-call', 'tasks=2&delay=200&block=400', 'finished', null],
  ['forgotten-await', 'delay=300', 'finished', 300, (ts, lines) => {
    // Never runs: its lane stays created, or (interpreted, as CPython) it
    // has no lane and the warning says so on stderr.
    assert.ok(ts.some((t) => t.state === 'created') || lines.some((l) => l.stream === 'stderr' && /never awaited/.test(l.text)),
      'the forgotten coroutine never runs');
    assert.ok(!ts.some((t) => /report/.test(t.name) && t.state === 'done'), 'save("report") never ran');
  }],
  ['fetch', 'tasks=3&delay=300', 'finished', 300],
  ['batch-llm', 'prompts=6&limit=2&latency_min=100&latency_max=300&timeout=250&fail_rate=20&seed=3', 'finished', null],
  ['executor', 'work=300&offload=1', 'finished', null],
];
// A lesson folder the table does not name yet runs at its defaults and must
// end in some final state (so a new lesson needs no edit here to be covered).
const ENDED = ['finished', 'stopped', 'deadlock', 'error'];
for (const id of LESSON_IDS) {
  if (!LESSONS.some(([l]) => l === id)) LESSONS.push([id, '', ENDED, null]);
}

/** The page's own ideal (its virtual-clock run), in ms, from the timeline's summary. */
async function pageIdeal(page) {
  const attr = await ffAttr(page, '[data-testid=playground]', 'data-ideal-ms');
  if (attr !== null) return Number(attr);
  const text = await page.evaluate(() => document.querySelector('[data-testid=ideal-summary]')?.textContent ?? '');
  const m = text.match(/Ideal run \(virtual clock\): ([\d.,]+) (ms|s)/);
  return m ? Number(m[1].replace(',', '')) * (m[2] === 's' ? 1000 : 1) : null;
}

test('firefox: every lesson autoruns to its end, on time, with the contract\'s attributes', { skip }, async () => {
  const seen = new Set();
  for (const [id, params, end, ideal, check] of LESSONS) {
    const { page, context, errors } = await ffPage(browser, `${app.base}?example=${id}&${params ? `${params}&` : ''}autorun=1`);
    await ffRunState(page, end, 30000);
    assert.equal(await ffAttr(page, '[data-testid=playground]', 'data-example'), id);
    const ts = await ffTasks(page);
    assert.ok(ts.length > 0, id);
    for (const t of ts) {
      assert.ok(t.name && STATES.includes(t.state), `${id}: ${JSON.stringify(t)}`);
      assert.ok(Number.isFinite(t.start) && t.start >= 0, `${id}: ${t.name} start`);
      if (FINAL.includes(t.state)) assert.ok(t.end >= t.start, `${id}: ${t.name} end`);
    }
    const elapsed = Number(await ffAttr(page, '[data-testid=playground]', 'data-elapsed-ms'));
    const want = ideal ?? await pageIdeal(page);
    if (ideal !== null) {
      const shown = await pageIdeal(page);
      if (shown !== null && end === 'finished') assert.ok(Math.abs(shown - ideal) <= 1, `${id}: page's ideal ${shown}, expected ${ideal}`);
    }
    if (want !== null && end === 'finished') await assertOnTime(page, elapsed, want, `${id} ${params}`);
    const lines = await page.evaluate(() => [...document.querySelectorAll('[data-testid=console] > *')]
      .map((l) => ({ stream: l.dataset.stream, text: l.dataset.text ?? l.textContent })));
    if (check) check(ts, lines);
    if (!seen.has(id)) await ffShot(page, `lesson-${id}`);
    seen.add(id);
    assert.deepEqual(errors, [], id);
    await context.close();
  }
  assert.deepEqual([...seen].sort(), [...LESSON_IDS].sort(), 'every lesson');
});

test('firefox: embeds on a course page of another origin: ready, resize, set-params, run, stop, malformed ignored', { skip }, async () => {
  const { page, context, errors } = await ffPage(browser, null, { height: 3200 });
  await page.goto(`${course.base}course.html?app=${encodeURIComponent(`${app.base}index.html`)}`);
  const msgs = (frame, type) => page.evaluate(([f, t]) => window.playgroundMessages.filter((m) => m.frame === f && (!t || m.type === t)), [frame, type]);
  const waitMsg = (frame, type, n = 1) => page.waitForFunction(([f, t, k]) =>
    (window.playgroundMessages ?? []).filter((m) => m.frame === f && m.type === t).length >= k, { timeout: 20000 }, [frame, type, n]);
  const post = (frame, m) => page.evaluate(([f, msg]) => document.getElementById(f).contentWindow.postMessage(msg, '*'), [frame, m]);
  for (const id of ['lesson-1', 'lesson-2']) { await waitMsg(id, 'ready'); await waitMsg(id, 'resize'); }
  assert.ok((await msgs('lesson-1', 'resize')).at(-1).height > 300);

  await post('lesson-1', { source: 'async-playground', type: 'set-params', params: { tasks: 2, delay: '200', mode: 'gather' } });
  await post('lesson-1', { source: 'async-playground', type: 'run' });
  await waitMsg('lesson-1', 'run-finished');
  const done = (await msgs('lesson-1', 'run-finished')).at(-1);
  assert.equal(done.state, 'finished');
  assert.deepEqual(done.params, { tasks: '2', delay: '200', mode: 'gather' });
  assert.equal(done.tasks.length, 3);
  assert.ok(done.elapsed_ms >= 200);

  // Malformed messages, then a sentinel: messages from one sender arrive in
  // order, so once the sentinel's effect shows, the others were handled.
  const before = (await msgs('lesson-2')).filter((m) => m.type !== 'resize').length;
  await page.evaluate(() => {
    const w = document.getElementById('lesson-2').contentWindow;
    for (const m of ['run', 42, null, {}, { type: 'run' }, { source: 'x', type: 'run' }, { source: 'async-playground', type: 'RUN' },
      { source: 'async-playground', type: 'set-params', params: 'tasks=9' }, { source: 'async-playground', type: 'run', params: 'x' }]) w.postMessage(m, '*');
    w.postMessage({ source: 'async-playground', type: 'set-params', params: { delay: 123 } }, '*');
  });
  const frame2 = page.frames().find((f) => f.url().includes('tasks=') && f.url().includes('limit='));
  await frame2.waitForFunction(() => location.search.includes('delay=123'), { timeout: 10000 });
  assert.equal(await frame2.evaluate(() => document.querySelector('[data-testid=playground]').dataset.runState), 'idle');
  assert.equal((await msgs('lesson-2')).filter((m) => m.type !== 'resize').length, before, 'no message answered the malformed ones');

  // Run with a long delay, then stop: run-finished says stopped.
  await post('lesson-2', { source: 'async-playground', type: 'run', params: { delay: 5000 } });
  await waitMsg('lesson-2', 'run-started');
  await post('lesson-2', { source: 'async-playground', type: 'stop' });
  await waitMsg('lesson-2', 'run-finished');
  assert.equal((await msgs('lesson-2', 'run-finished')).at(-1).state, 'stopped');
  await ffShot(page, 'course-page');
  assert.deepEqual(errors.filter((e) => !/course\.html/.test(e)), []);
  await context.close();
});

test('firefox: replay: scrubbing shows each task as it was at the playhead', { skip }, async () => {
  const { page, context, errors } = await ffPage(browser, `${app.base}?example=semaphore&tasks=6&limit=2&delay=300&autorun=1`);
  await ffRunState(page, 'finished');
  await page.$eval('[data-testid=scrubber]', (el) => { el.value = '450'; el.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.waitForFunction(() => document.querySelector('[data-task-name="download(4)"]')?.dataset.state === 'waiting');
  const at = Object.fromEntries((await ffTasks(page)).map((t) => [t.name, t.state]));
  assert.deepEqual(at, {
    'main()': 'waiting', 'download(0)': 'done', 'download(1)': 'done',
    'download(2)': 'sleeping', 'download(3)': 'sleeping', 'download(4)': 'waiting', 'download(5)': 'waiting',
  });
  await page.waitForFunction(() => location.search.includes('t=450'));
  await ffShot(page, 'replay-450');
  assert.deepEqual(errors, []);
  await context.close();
});

test('firefox: reliability: bad and hostile URLs, a restart storm, missing APIs, a sandboxed frame', { skip }, async () => {
  // A bad URL: corrections in words, and it runs.
  {
    const { page, context, errors } = await ffPage(browser, `${app.base}?example=semaphore&tasks=abc&limit=0&delay=100&speed=NaN`);
    const notice = await page.$eval('[data-testid=notice]', (n) => n.textContent);
    assert.match(notice, /tasks "abc" is not a whole number; using 9/);
    assert.match(notice, /limit 0 is below 1; using 1/);
    // Hostile values: nothing injected, the lesson still runs.
    await page.goto(`${app.base}?example=semaphore&tasks=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&delay=1e308&autorun=1`);
    await page.waitForSelector('[data-testid=run]');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.evaluate(() => document.querySelectorAll('body script').length), 0);
    await page.goto(`${app.base}?example=${'a'.repeat(5000)}`);
    await page.waitForSelector('.catalog');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // A restart storm: 60 Run clicks leave one run and its tasks only.
  {
    const { page, context, errors } = await ffPage(browser, `${app.base}?example=semaphore&tasks=4&limit=2&delay=300`);
    await page.evaluate(async () => {
      const run = document.querySelector('[data-testid=run]');
      for (let i = 0; i < 60; i++) { run.click(); await new Promise((r) => setTimeout(r, 5)); }
    });
    await ffRunState(page, 'finished');
    const ts = await ffTasks(page);
    assert.equal(ts.length, 5);
    assert.ok(ts.every((t) => t.state === 'done'));
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-testid=console] > *').length), 9);
    assert.deepEqual(errors, []);
    await context.close();
  }
  // Missing APIs: no service worker, storage that throws, no Worker.
  {
    const init = () => {
      Object.defineProperty(Navigator.prototype, 'serviceWorker', { configurable: true, get: () => undefined });
      Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });
      delete window.Worker;
      delete window.requestIdleCallback;
    };
    const { page, context, errors } = await ffPage(browser, `${app.base}?example=fetch&tasks=2&delay=200&autorun=1`, { init });
    await ffRunState(page, 'finished');
    assert.match(await page.$eval('[data-testid=feature-note]', (n) => n.textContent), /No service worker here/);
    await page.goto(`${app.base}?example=executor&work=200&offload=1&autorun=1`);
    await ffRunState(page, ['finished', 'error']);
    assert.match(await page.evaluate(() => document.body.textContent), /no Web Workers here/);
    assert.ok(await page.evaluate(() => [
      ...document.querySelectorAll('[data-task][data-state=failed]'),
      ...document.querySelectorAll('[data-testid=console] [data-stream=stderr], [data-testid=code-error]'),
    ].length) >= 1, 'the run says the work could not be offloaded');
    await ffShot(page, 'degraded-executor');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // A sandbox="allow-scripts" frame (opaque origin) on a host that allows
  // cross-origin requests: renders, runs, tells its parent.
  {
    const { page, context, errors } = await ffPage(browser, null);
    await page.goto(`${course.base}course.html`);
    await page.evaluate((u) => {
      window.__msgs = [];
      addEventListener('message', (e) => { if (e.data?.source === 'async-playground') window.__msgs.push(e.data); });
      document.body.innerHTML = `<iframe sandbox="allow-scripts" style="width:700px;height:600px" src="${u}"></iframe>`;
    }, `${cors.base}?example=coroutine&delay=150&autorun=1&embed=1`);
    await page.waitForFunction(() => window.__msgs.some((m) => m.type === 'run-finished'), { timeout: 30000 });
    assert.equal((await page.evaluate(() => window.__msgs.find((m) => m.type === 'run-finished'))).state, 'finished');
    await ffShot(page, 'sandboxed-frame');
    assert.deepEqual(errors.filter((e) => !/course\.html/.test(e)), []);
    await context.close();
  }
});

test('firefox: [interpreter] recursion past the browser\'s stack is a RecursionError, and the page goes on', { skip }, async () => {
  const { page, context, errors } = await ffPage(browser, `${app.base}?code=${encodeURIComponent(DEEP)}&autorun=1`);
  await ffRunState(page, ['error'], 30000);
  const lines = await page.evaluate(() => [...document.querySelectorAll('[data-testid=console] > li')].map((e) => ({ stream: e.dataset.stream, text: e.dataset.text })));
  assert.deepEqual(lines.filter((l) => l.stream === 'stdout').map((l) => l.text), DEEP_STDOUT);
  assert.equal(lines.filter((l) => l.stream === 'stderr').at(-1)?.text, DEEP_LAST);
  await rerunToError(page);
  await ffShot(page, 'firefox-recursion');
  assert.deepEqual(errors, []);
  await context.close();
});
