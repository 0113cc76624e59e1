// End to end, issue 11: the page works wherever it is served or embedded.
// Each optional browser API is removed or broken by an init script (before
// the app's own code runs), and the page must still render, run a lesson,
// and say what the missing API costs in [data-testid=feature-note] (or in
// the feature itself). Then the framings that once gave a blank page: a
// sandbox="allow-scripts" iframe (opaque origin), an about:blank parent, a
// srcdoc parent (sandboxed too), and an insecure context (plain http from
// a LAN name, mapped to loopback with --host-resolver-rules).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { serve, launch, waitForRunState, tasks, SHOTS } from './harness.mjs';

let srv, open_, other, browser;
before(async () => {
  srv = await serve();
  // For the opaque-origin frames: every file the app loads is then a
  // cross-origin request (Origin: null), which a host must allow.
  open_ = await serve(undefined, '/', { cors: true });
  // A bare parent page on another origin (what a course or notebook host is).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parent-'));
  fs.writeFileSync(path.join(dir, 'parent.html'), '<!doctype html><meta charset="utf-8"><title>parent</title><link rel="icon" href="data:,"><body></body>');
  other = await serve(dir);
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); await open_?.close(); await other?.close(); });

/** A page with `init` run before any script of every frame; records errors. */
async function open(url, init, { width = 1280, height = 900, browserToUse = browser } = {}) {
  const context = await browserToUse.newContext({ viewport: { width, height } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, context, errors };
}

const note = (p) => p.evaluate(() => {
  const n = document.querySelector('[data-testid=feature-note]');
  return n && !n.hidden ? n.textContent : '';
});

const lessonRuns = async (p, id, end = 'finished') => {
  await p.waitForSelector(`[data-testid=playground][data-example="${id}"]`);
  await waitForRunState(p, end, 30000);
  assert.ok((await tasks(p)).length > 0, `${id}: lanes`);
};

// Each case: what the init script breaks, the URL, and what must show.
const CASES = [
  ['no service worker (navigator.serviceWorker undefined)',
    () => { Object.defineProperty(Navigator.prototype, 'serviceWorker', { configurable: true, get: () => undefined }); },
    'example=fetch&tasks=3&delay=200&autorun=1', 'fetch', /No service worker here/],
  ['service worker throws (as in a sandboxed frame)',
    () => { Object.defineProperty(Navigator.prototype, 'serviceWorker', { configurable: true, get() { throw new DOMException('The document is sandboxed', 'SecurityError'); } }); },
    'example=batch-llm&prompts=4&limit=2&latency_min=100&latency_max=200&autorun=1', 'batch-llm', /No service worker here/],
  ['no requestIdleCallback (Safari): a 300-task run still writes every [data-task]',
    () => { delete window.requestIdleCallback; delete window.cancelIdleCallback; },
    'example=semaphore&tasks=300&limit=50&delay=50&autorun=1', 'semaphore', null],
  ['localStorage throws (storage blocked): choosing a language says it is not remembered',
    () => { Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } }); },
    'example=coroutine&delay=200&autorun=1', 'coroutine', null],
  ['no Clipboard API: Share selects the text for a manual copy',
    () => { Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined }); },
    'example=coroutine&delay=200&autorun=1', 'coroutine', null],
  ['no ResizeObserver',
    () => { delete window.ResizeObserver; },
    'example=semaphore&tasks=4&limit=2&delay=100&autorun=1', 'semaphore', null],
  ['no Worker: the executor refuses offload=1 with a message',
    () => { delete window.Worker; },
    'example=executor&work=200&offload=1&autorun=1', 'executor', /no Web Workers here/],
  ['no matchMedia',
    () => { delete window.matchMedia; },
    'example=semaphore&tasks=4&limit=2&delay=100&autorun=1', 'semaphore', /matchMedia is missing/],
  ['matchMedia throws',
    () => { window.matchMedia = () => { throw new Error('broken'); }; },
    'example=coroutine&delay=100&autorun=1', 'coroutine', /matchMedia is missing/],
  ['all of them at once',
    () => {
      for (const k of ['requestIdleCallback', 'ResizeObserver', 'Worker', 'matchMedia']) delete window[k];
      for (const k of ['serviceWorker', 'clipboard']) Object.defineProperty(Navigator.prototype, k, { configurable: true, get: () => undefined });
      Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });
    },
    'example=fetch&tasks=2&delay=100&autorun=1', 'fetch', /No service worker here/],
];

for (const [name, init, q, id, expectNote] of CASES) {
  test(`degraded: ${name}`, async () => {
    const { page, context, errors } = await open(`${srv.base}?${q}`, init);
    const end = id === 'executor' ? ['finished', 'error'] : 'finished';
    await lessonRuns(page, id, end);
    if (expectNote) assert.match(await note(page), expectNote);
    if (id === 'semaphore' && q.includes('tasks=300')) {
      await page.waitForFunction(() => document.querySelectorAll('[data-task][data-state=done]').length === 301, null, { timeout: 20000 });
    }
    if (name.startsWith('localStorage')) {
      await page.click('[data-testid=lang-rust]');
      await page.waitForFunction(() => location.search.includes('lang=rust'));
      assert.match(await note(page), /blocks storage/);
    }
    if (name.startsWith('no Clipboard')) {
      await page.click('[data-testid=share]');
      await page.click('[data-testid=copy-link]');
      await page.waitForFunction(() => /selected/.test(document.querySelector('[data-testid=share-status]').textContent));
    }
    if (id === 'executor') {
      // The task that would offload says why it cannot, in words.
      // The run says it could not offload: a failed lane (the Rust
      // version), or a traceback on stderr / the code error (interpreted),
      // naming the worker; never a silent success.
      const said = await page.evaluate(() => [
        ...document.querySelectorAll('[data-task][data-state=failed]'),
        ...document.querySelectorAll('[data-testid=console] [data-stream=stderr], [data-testid=code-error]'),
      ].length);
      assert.ok(said >= 1, 'the run says the work could not be offloaded');
      assert.match(await page.evaluate(() => document.body.innerText), /no Web Workers here/);
      // offload=0 still runs the work inline.
      await page.goto(`${srv.base}?example=executor&work=200&offload=0&autorun=1`);
      await lessonRuns(page, 'executor');
    }
    await page.screenshot({ path: path.join(SHOTS, `degrade-${name.split(' ').slice(0, 3).join('-').replace(/[^a-zA-Z-]/g, '')}.png`) });
    // No uncaught exception. Chromium logs a failed fetch of a blocked API
    // as an error in some cases; none is expected here.
    assert.deepEqual(errors, [], name);
    await context.close();
  });
}

test('a Blob-URL worker forbidden by the page\'s CSP: the executor says so, the page runs', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/index.html*', async (route) => {
    const resp = await route.fetch();
    const body = (await resp.text()).replace("worker-src 'self' blob:", "worker-src 'none'");
    await route.fulfill({ response: resp, body });
  });
  await context.route((u) => u.pathname === '/' || u.pathname.endsWith('/'), async (route) => {
    const resp = await route.fetch();
    const body = (await resp.text()).replace("worker-src 'self' blob:", "worker-src 'none'");
    await route.fulfill({ response: resp, body });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${srv.base}?example=executor&work=200&offload=1&autorun=1`);
  assert.match(await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content'), /worker-src 'none'/);
  await lessonRuns(page, 'executor', ['finished', 'error']);
  const text = await page.evaluate(() => document.body.innerText);
  assert.match(text, /cannot start Web Workers from Blob URLs/);
  assert.ok(await page.evaluate(() => [
    ...document.querySelectorAll('[data-task][data-state=failed]'),
    ...document.querySelectorAll('[data-testid=console] [data-stream=stderr], [data-testid=code-error]'),
  ].length) >= 1, 'the run says the work could not be offloaded');
  assert.match(await page.evaluate(() => document.querySelector('[data-testid=feature-note]')?.textContent ?? ''), /Content-Security-Policy forbids them/);
  await page.screenshot({ path: path.join(SHOTS, 'degrade-worker-csp.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

/** Collects the app's messages to `page` (the frame's parent) in window.__msgs. */
const collect = () => {
  window.__msgs = [];
  window.addEventListener('message', (e) => {
    if (e.data && e.data.source === 'async-playground') window.__msgs.push(e.data);
  });
};

async function framedRun(page, send, id) {
  await page.waitForFunction(() => window.__msgs?.some((m) => m.type === 'ready'), null, { timeout: 20000 });
  await page.waitForFunction(() => window.__msgs.some((m) => m.type === 'run-finished'), null, { timeout: 30000 });
  const done = await page.evaluate(() => window.__msgs.find((m) => m.type === 'run-finished'));
  assert.equal(done.example, id);
  assert.equal(done.state, 'finished');
  assert.ok(done.tasks.length > 0);
  assert.ok(await page.evaluate(() => window.__msgs.some((m) => m.type === 'resize' && m.height > 100)));
  // The parent can drive it: a run message starts another run.
  await page.evaluate(send);
  await page.waitForFunction(() => window.__msgs.filter((m) => m.type === 'run-finished').length >= 2, null, { timeout: 30000 });
}

// The parents below are pages of another loopback origin (a top-level
// about:blank page counts as public, and Chromium refuses it frames of a
// loopback address outright; a course's own about:blank or srcdoc frame
// does not have that problem).
test('a sandbox="allow-scripts" iframe (opaque origin) renders, runs, and talks to its parent', async () => {
  const url = `${open_.base}?example=semaphore&tasks=4&limit=2&delay=150&autorun=1&embed=1`;
  const { page, context, errors } = await open(`${other.base}parent.html`);
  await page.evaluate(collect);
  await page.evaluate((u) => {
    document.body.innerHTML = `<iframe id="f" sandbox="allow-scripts" style="width:700px;height:600px" src="${u}"></iframe>`;
  }, url);
  await framedRun(page, () => document.getElementById('f').contentWindow.postMessage({ source: 'async-playground', type: 'run' }, '*'), 'semaphore');
  const frame = page.frames().find((f) => f.url().startsWith(open_.base));
  assert.equal(await frame.evaluate(() => window.origin), 'null', 'an opaque origin');
  assert.equal(await frame.getAttribute('[data-testid=playground]', 'data-run-state'), 'finished');
  await page.screenshot({ path: path.join(SHOTS, 'degrade-sandboxed-iframe.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an about:blank parent and a srcdoc parent (sandboxed too) embed it', async () => {
  const url = `${open_.base}?example=coroutine&delay=150&autorun=1&embed=1`;
  // The relay a notebook cell would not need: it passes the app's messages
  // up to the test's page, and the page's down to the app.
  const relay = '<script>addEventListener("message", (e) => { const app = document.getElementById("app").contentWindow; ' +
    'if (e.source === app) parent.postMessage(e.data, "*"); else app.postMessage(e.data, "*"); });<\/script>';
  const inner = `<iframe id='app' src='${url}' style='width:680px;height:560px'></iframe>${relay}`;
  for (const [name, sandbox, how] of [['about-blank', '', 'dom'], ['srcdoc', '', 'srcdoc'], ['srcdoc-sandboxed', 'sandbox="allow-scripts"', 'srcdoc']]) {
    const { page, context, errors } = await open(`${other.base}parent.html`);
    await page.evaluate(collect);
    await page.evaluate(([html, sb, mode, u]) => {
      document.body.innerHTML = `<iframe id="cell" ${sb} style="width:720px;height:620px"></iframe>`;
      const cell = document.getElementById('cell');
      if (mode === 'srcdoc') { cell.srcdoc = html; return; }
      // about:blank: the course page builds the cell's content with the DOM
      // (document.write would give the cell the course page's URL).
      const w = cell.contentWindow;
      w.addEventListener('message', (e) => { if (e.data && e.data.source === 'async-playground') window.__msgs.push(e.data); });
      const f = w.document.createElement('iframe');
      f.id = 'app'; f.src = u; f.style.cssText = 'width:680px;height:560px';
      w.document.body.append(f);
    }, [inner, sandbox, how, url]);
    let send = () => document.getElementById('cell').contentWindow.postMessage({ source: 'async-playground', type: 'run' }, '*');
    if (how === 'dom') {
      assert.equal(await page.evaluate(() => document.getElementById('cell').contentWindow.location.href), 'about:blank');
      // Posted from the cell's own realm, so the app sees its parent as the sender.
      send = () => {
        const w = document.getElementById('cell').contentWindow;
        w.Function('m', 'document.getElementById("app").contentWindow.postMessage(m, "*")')({ source: 'async-playground', type: 'run' });
      };
    }
    await framedRun(page, send, 'coroutine');
    await page.screenshot({ path: path.join(SHOTS, `degrade-parent-${name}.png`) });
    assert.deepEqual(errors, [], name);
    await context.close();
  }
});

test('insecure context (http://school.lan): no service worker, the page and the mock API still work', async () => {
  const lan = await launch(['--host-resolver-rules=MAP school.lan 127.0.0.1']);
  try {
    const port = new URL(srv.base).port;
    const { page, context, errors } = await open(`http://school.lan:${port}/?example=fetch&tasks=3&delay=200&autorun=1`, null, { browserToUse: lan });
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
    await lessonRuns(page, 'fetch');
    assert.match(await note(page), /No service worker here/);
    const ts = await tasks(page);
    assert.ok(ts.filter((t) => t.name.startsWith('fetch')).every((t) => t.state === 'done'), JSON.stringify(ts));
    // Without the service worker's wait, the run is not held up: the ideal
    // is the latency, and each request ends at or after it (scenario time).
    for (const t of ts.filter((x) => x.name !== 'main()')) assert.ok(t.end >= 200, `${t.name} ${t.end}`);
    await page.screenshot({ path: path.join(SHOTS, 'degrade-insecure-school-lan.png') });
    // Another lesson and the catalog too.
    await page.goto(`http://school.lan:${port}/?example=semaphore&tasks=4&limit=2&delay=100&autorun=1`);
    await lessonRuns(page, 'semaphore');
    await page.goto(`http://school.lan:${port}/`);
    await page.waitForSelector('.catalog');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await lan.close();
  }
});
