// End to end, issue 4: embeds on a course page of another origin (the
// postMessage API of CONTRACT.md section 3), the trace export (section 4),
// SVG/PNG export, share menu, themes, keyboard, narration, table view,
// reduced motion, axe-core, sub-path hosting, and screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage, waitForRunState, tasks, shot, DIST } from './harness.mjs';
import { assertOnTime, allowance } from './timing.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = fs.readFileSync(path.resolve(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let app, course, browser;
before(async () => {
  // Two servers, two origins: the course page is served by one, the app by the other.
  app = await serve();
  course = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); await course?.close(); });

/** The course page on its own origin, embedding the app from the other. */
async function openCourse(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const appUrl = `${app.base}index.html`;
  await page.goto(`${course.base}course.html?app=${encodeURIComponent(appUrl)}`);
  return { page, context, errors };
}

const messages = (page, frame, type) => page.evaluate(([f, t]) =>
  window.playgroundMessages.filter((m) => (!f || m.frame === f) && (!t || m.type === t)), [frame, type]);

async function waitForMessage(page, frame, type, count = 1, timeout = 15000) {
  await page.waitForFunction(([f, t, n]) =>
    window.playgroundMessages.filter((m) => m.frame === f && m.type === t).length >= n,
  [frame, type, count], { timeout });
  return (await messages(page, frame, type)).at(-1);
}

/** Posts `msg` from the course page (the embed's parent) to an embed. */
const post = (page, frame, msg) => page.evaluate(([f, m]) => {
  document.getElementById(f).contentWindow.postMessage(m, '*');
}, [frame, msg]);

async function embedFrame(page, id) {
  const handle = await page.$(`#${id}`);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('[data-testid=playground]');
  return frame;
}

function checkRunFinished(m) {
  assert.equal(m.source, 'async-playground');
  assert.equal(typeof m.example, 'string');
  assert.equal(typeof m.params, 'object');
  assert.equal(typeof m.elapsed_ms, 'number');
  assert.ok(Array.isArray(m.tasks) && m.tasks.length > 0);
  for (const t of m.tasks) {
    assert.equal(typeof t.name, 'string');
    assert.equal(typeof t.state, 'string');
    assert.equal(typeof t.start_ms, 'number');
    assert.ok(t.end_ms === null || typeof t.end_ms === 'number');
  }
}

test('course page on another origin: ready, resize, set-params, run, run-finished', async () => {
  const { page, context, errors } = await openCourse();
  // Both embeds say ready, then their height.
  for (const id of ['lesson-1', 'lesson-2']) {
    const ready = await waitForMessage(page, id, 'ready');
    assert.equal(ready.source, 'async-playground');
    const resize = await waitForMessage(page, id, 'resize');
    assert.ok(resize.height > 300 && resize.height < 4000, `height ${resize.height}`);
  }
  // lesson-2 starts below the fold (a frame out of view gets no animation
  // frames, yet it said ready and its height). Show both for the rest.
  await page.setViewportSize({ width: 1100, height: 3600 });
  const f1 = await embedFrame(page, 'lesson-1');
  const f2 = await embedFrame(page, 'lesson-2');
  assert.equal(new URL(f1.url()).origin, new URL(app.base).origin);
  assert.notEqual(new URL(page.url()).origin, new URL(app.base).origin);
  assert.equal(await f1.getAttribute('[data-testid=playground]', 'data-example'), 'sequential-vs-gather');
  assert.equal(await f1.isVisible('.site-header'), false, 'no site chrome in the embed');
  assert.equal(await f1.isVisible('.catalog'), false);

  // The resize script sized each frame to its content: no inner scroll bar.
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height));
  for (const [id, f] of [['lesson-1', f1], ['lesson-2', f2]]) {
    const last = (await messages(page, id, 'resize')).at(-1);
    await page.waitForFunction(([i, h]) => document.getElementById(i).style.height === `${h}px`, [id, last.height]);
    const inner = await f.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    assert.ok(inner <= 1, `${id} scrolls inside by ${inner}px`);
  }

  // set-params from the parent, validated like the URL, then run.
  await post(page, 'lesson-1', { source: 'async-playground', type: 'set-params', params: { tasks: 2, delay: '200', mode: 'gather' } });
  await f1.waitForFunction(() => location.search.includes('tasks=2&delay=200&mode=gather'));
  assert.equal(await f1.inputValue('#param-delay'), '200');
  await post(page, 'lesson-1', { source: 'async-playground', type: 'run' });
  const started = await waitForMessage(page, 'lesson-1', 'run-started');
  assert.equal(started.example, 'sequential-vs-gather');
  const done = await waitForMessage(page, 'lesson-1', 'run-finished');
  checkRunFinished(done);
  assert.equal(done.example, 'sequential-vs-gather');
  assert.deepEqual(done.params, { tasks: '2', delay: '200', mode: 'gather' });
  assert.equal(done.state, 'finished');
  await assertOnTime(f1, done.elapsed_ms, 200, 'elapsed');
  assert.equal(done.tasks.length, 3);
  assert.equal(done.tasks[0].name, 'main()');
  assert.ok(done.tasks.every((t) => t.state === 'done' && t.end_ms !== null));
  // The message agrees with the DOM of the embed.
  const dom = await tasks(f1);
  assert.deepEqual(done.tasks.map((t) => [t.name, t.state, t.start_ms, t.end_ms]),
    dom.map((t) => [t.name, t.state, t.start, t.end]));
  assert.equal(Number(await f1.getAttribute('[data-testid=playground]', 'data-elapsed-ms')), done.elapsed_ms);

  // Corrections of set-params go to the notices.
  await post(page, 'lesson-2', { source: 'async-playground', type: 'set-params', params: { limit: 0, delay: 100 } });
  await f2.waitForSelector('[data-testid=notice]:not([hidden])');
  assert.match(await f2.textContent('[data-testid=notice]'), /limit 0 is below 1; using 1/);
  await f2.waitForFunction(() => location.search.includes('limit=1'));

  // Malformed or foreign messages change nothing.
  const before = await f2.evaluate(() => ({
    url: location.search, state: document.querySelector('[data-testid=playground]').dataset.runState,
    notice: document.querySelector('[data-testid=notice]').textContent,
    lanes: document.querySelectorAll('[data-task]').length,
  }));
  const nMsgs = (await messages(page, 'lesson-2')).length;
  await page.evaluate(() => {
    const w = document.getElementById('lesson-2').contentWindow;
    const cyclic = { source: 'async-playground', type: 'run' }; cyclic.self = cyclic;
    for (const m of [
      'run', '{"source":"async-playground","type":"run"}', 42, null, [1, 2], {},
      { type: 'run' }, { source: 'someone-else', type: 'run' }, { source: 'async-playground', type: 'RUN' },
      { source: 'async-playground', type: 'launch' }, { source: 'async-playground' },
      { source: 'async-playground', type: 'set-params' },
      { source: 'async-playground', type: 'set-params', params: 'tasks=9' },
      { source: 'async-playground', type: 'set-params', params: { tasks: { n: 9 } } },
      { source: 'async-playground', type: 'set-params', params: { tasks: null } },
      { source: 'async-playground', type: 'set-params', params: [['tasks', 9]] },
      { source: 'async-playground', type: 'run', params: 'limit=3' },
      cyclic,
    ]) w.postMessage(m, '*');
  });
  // A well-formed message, but not from the parent: from the other embed.
  await f1.evaluate(() => parent.frames[1].postMessage({ source: 'async-playground', type: 'run' }, '*'));
  await f1.evaluate(() => parent.frames[1].postMessage({ source: 'async-playground', type: 'set-params', params: { tasks: 9 } }, '*'));
  // A sentinel instead of a fixed wait: a well-formed set-params from the
  // parent, posted after all of the above. Messages to a window are handled
  // in the order they were posted, so once its effect shows, every message
  // before it has been handled (and ignored). Then it is undone the same way.
  await post(page, 'lesson-2', { source: 'async-playground', type: 'set-params', params: { delay: 123 } });
  await f2.waitForFunction(() => location.search.includes('delay=123'));
  await post(page, 'lesson-2', { source: 'async-playground', type: 'set-params', params: { limit: 0, delay: 100 } });
  await f2.waitForFunction(() => /delay=100(&|$)/.test(location.search));
  const afterBad = await f2.evaluate(() => ({
    url: location.search, state: document.querySelector('[data-testid=playground]').dataset.runState,
    notice: document.querySelector('[data-testid=notice]').textContent,
    lanes: document.querySelectorAll('[data-task]').length,
  }));
  assert.deepEqual(afterBad, before);
  assert.deepEqual((await messages(page, 'lesson-2')).slice(nMsgs).filter((m) => m.type !== 'resize'), []);

  // Run then stop from the parent: run-finished says stopped; a restart
  // reports the replaced run as stopped too.
  await post(page, 'lesson-2', { source: 'async-playground', type: 'set-params', params: { delay: 5000 } });
  await post(page, 'lesson-2', { source: 'async-playground', type: 'run' });
  await waitForMessage(page, 'lesson-2', 'run-started');
  await f2.waitForSelector('[data-testid=playground][data-run-state=running]');
  await post(page, 'lesson-2', { source: 'async-playground', type: 'stop' });
  const stopped = await waitForMessage(page, 'lesson-2', 'run-finished');
  checkRunFinished(stopped);
  assert.equal(stopped.state, 'stopped', JSON.stringify({ ...stopped, tasks: stopped.tasks.length }));
  assert.ok(stopped.tasks.every((t) => ['cancelled', 'done'].includes(t.state) && t.end_ms !== null));
  await post(page, 'lesson-2', { source: 'async-playground', type: 'run' });
  await waitForMessage(page, 'lesson-2', 'run-started', 2);
  await post(page, 'lesson-2', { source: 'async-playground', type: 'run', params: { delay: 100, tasks: 2 } });
  const replaced = await waitForMessage(page, 'lesson-2', 'run-finished', 2);
  assert.equal(replaced.state, 'stopped');
  const third = await waitForMessage(page, 'lesson-2', 'run-finished', 3);
  assert.equal(third.state, 'finished');
  assert.deepEqual(third.params, { tasks: '2', limit: '1', delay: '100' });
  assert.equal(third.tasks.length, 3);

  await shot(page, 'course-page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('exported trace: valid JSON, one track per task, times as in the DOM; SVG and PNG', async () => {
  const { page, context, errors } = await openPage(browser, `${app.base}?example=semaphore&tasks=5&limit=2&delay=200&autorun=1`);
  await waitForRunState(page, 'finished');
  const dom = await tasks(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-trace]')]);
  assert.match(dl.suggestedFilename(), /\.json$/);
  const doc = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.ok(Array.isArray(doc.traceEvents));
  const tracks = doc.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name');
  assert.equal(tracks.length, dom.length, 'one track per task');
  assert.equal(new Set(tracks.map((t) => t.tid)).size, dom.length);
  for (const t of dom) {
    const track = tracks.find((x) => x.args.name === t.name);
    assert.ok(track, t.name);
    const slices = doc.traceEvents.filter((e) => e.ph === 'X' && e.tid === track.tid);
    const start = Math.min(...slices.map((e) => e.ts)) / 1000;
    const end = Math.max(...slices.map((e) => e.ts + e.dur)) / 1000;
    assert.ok(Math.abs(start - t.start) <= 1, `${t.name} start ${start} vs ${t.start}`);
    assert.ok(Math.abs(end - t.end) <= 1, `${t.name} end ${end} vs ${t.end}`);
  }
  const names = new Set(doc.traceEvents.filter((e) => e.ph === 'i').map((e) => e.name));
  assert.ok(names.has('print') && names.has('wake-up'), [...names].join());
  assert.deepEqual(doc.otherData.format, 'async-playground-trace');
  assert.equal(doc.otherData.version, 1);
  assert.equal(doc.otherData.example, 'semaphore');
  assert.deepEqual(doc.otherData.params, { tasks: '5', limit: '2', delay: '200' });

  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-svg]')]);
  const svgText = fs.readFileSync(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((svgText.match(/<g>/g) ?? []).length, dom.length);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
  const pngBytes = fs.readFileSync(await png.path());
  assert.deepEqual([...pngBytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG signature');
  assert.ok(pngBytes.length > 5000, `png ${pngBytes.length} bytes`);
  fs.copyFileSync(await png.path(), path.join(here, 'artifacts', 'export-timeline.png'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: Tab to Run, Enter; shortcuts R, S, V, ?, Esc, never while typing', async () => {
  const { page, context, errors } = await openPage(browser, `${app.base}?example=sequential-vs-gather&tasks=3&delay=200&mode=gather`);
  // Tab from the top of the page to the Run button, with a visible focus ring.
  let focused = null;
  for (let i = 0; i < 40 && focused !== 'run'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.dataset?.testid ?? null);
  }
  assert.equal(focused, 'run');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none');
  await page.keyboard.press('Enter');
  await waitForRunState(page, 'finished');
  assert.equal((await tasks(page)).length, 4);

  // R runs again (a new run: its state goes through running).
  await page.evaluate(() => { document.activeElement.blur(); });
  await page.keyboard.press('r');
  await waitForRunState(page, 'running');
  await waitForRunState(page, 'finished');

  // Typing in a field never triggers a shortcut.
  await page.fill('#param-delay', '');
  await page.type('#param-delay', '5000');
  await page.focus('#param-tasks');
  await page.keyboard.press('r');
  await page.keyboard.press('s');
  // A sentinel: keys are handled in order, so once a shortcut pressed after
  // these has acted (V shows the table), r and s were handled, as text.
  await page.evaluate(() => { document.activeElement.blur(); });
  await page.keyboard.press('v');
  await page.waitForSelector('[data-testid=run-table]');
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-run-state'), 'finished');
  await page.keyboard.press('v');
  await page.waitForSelector('.timeline', { state: 'visible' });

  // R with the long delay, then S stops it.
  await page.evaluate(() => { document.activeElement.blur(); });
  await page.keyboard.press('R');
  await waitForRunState(page, 'running');
  await page.keyboard.press('S');
  await waitForRunState(page, 'stopped');

  // V switches to the table and back; the lanes stay one per task.
  await page.keyboard.press('v');
  await page.waitForSelector('[data-testid=run-table]');
  assert.equal(await page.$$eval('[data-testid=run-table] tbody tr', (r) => r.length), 4);
  assert.equal(await page.$$eval('[data-task]', (r) => r.length), 4);
  assert.equal(await page.isVisible('.timeline'), false);
  await shot(page, 'table-view');
  await page.keyboard.press('v');
  await page.waitForSelector('.timeline', { state: 'visible' });

  // ? opens the help, Esc closes it and focus comes back.
  await page.focus('[data-testid=view-table]');
  await page.keyboard.press('?');
  await page.waitForSelector('dialog#help-dialog[open]');
  assert.match(await page.textContent('dialog#help-dialog'), /Run the lesson/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog#help-dialog:not([open])', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'view-table');
  assert.deepEqual(errors, []);
  await context.close();
});

test('share menu: copy link and embed code, and the manual fallback', async () => {
  const { page, context, errors } = await openPage(browser, `${app.base}?example=semaphore&tasks=4&limit=2&delay=300`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.base).origin });
  await page.click('[data-testid=share]');
  await page.click('[data-testid=copy-link]');
  await page.waitForFunction(() => /copied/.test(document.querySelector('[data-testid=share-status]').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${app.base}?example=semaphore&tasks=4&limit=2&delay=300`);
  await page.click('[data-testid=copy-embed]');
  await page.waitForFunction(() => /Embed code copied/.test(document.querySelector('[data-testid=share-status]').textContent));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /^<iframe src="[^"]+\?example=semaphore&amp;tasks=4&amp;limit=2&amp;delay=300&amp;embed=1" title="async playground: [^"]+"/);
  assert.match(code, /loading="lazy"/);
  assert.match(code, /height="\d+"/);
  assert.match(await page.inputValue('[data-testid=share-script]'), /m\.type !== "resize"/);
  // Esc closes the menu and focus returns to its button.
  await page.focus('[data-testid=copy-link]');
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#share-panel'), false);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'share');
  await context.close();

  // No Clipboard API: the text is selected for a manual copy, and said so.
  const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx2.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const p2 = await ctx2.newPage();
  const errors2 = [];
  p2.on('pageerror', (e) => errors2.push(String(e)));
  await p2.goto(`${app.base}?example=coroutine&delay=300`);
  await p2.click('[data-testid=share]');
  await p2.click('[data-testid=copy-embed]');
  await p2.waitForFunction(() => /selected/.test(document.querySelector('[data-testid=share-status]').textContent));
  const sel = await p2.evaluate(() => {
    const t = document.activeElement;
    return { id: t.id, all: t.selectionStart === 0 && t.selectionEnd === t.value.length && t.value.length > 0 };
  });
  assert.deepEqual(sel, { id: 'share-embed', all: true });
  await shot(p2, 'share-fallback');
  assert.deepEqual(errors, []);
  assert.deepEqual(errors2, []);
  await ctx2.close();
});

test('themes: toggle writes theme= to the URL; T cycles; both themes differ', async () => {
  const { page, context, errors } = await openPage(browser, `${app.base}?example=coroutine&delay=200`);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.click('[data-testid=theme-dark]');
  await page.waitForFunction(() => location.search.includes('theme=dark'));
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.notEqual(await bg(), light);
  assert.equal(await page.getAttribute('[data-testid=theme-dark]', 'aria-pressed'), 'true');
  await page.keyboard.press('t');
  await page.waitForFunction(() => !location.search.includes('theme='));
  assert.equal(await page.getAttribute('html', 'data-theme'), 'auto');
  await page.keyboard.press('t');
  await page.waitForFunction(() => location.search.includes('theme=light'));
  assert.equal(await bg(), light);
  assert.deepEqual(errors, []);
  await context.close();
});

test('narration: polite, paced, summarised on large runs', async () => {
  const { page, context, errors } = await openPage(browser, `${app.base}?example=coroutine&delay=2000&autorun=1`);
  const live = '[data-testid=narration]';
  assert.equal(await page.getAttribute(live, 'aria-live'), 'polite');
  // A real run's sleep ends at its start's real time plus 2 s: "2.0 s" on an
  // idle machine, a little later under load (as late as the page measured).
  const until = await page.waitForFunction((s) => {
    const m = /sleeping until (\d+(?:\.\d)?) s/.exec(document.querySelector(s).textContent);
    return m && Number(m[1]);
  }, live);
  const untilS = await until.jsonValue();
  await waitForRunState(page, 'finished');
  const late = await allowance(page);
  assert.ok(untilS >= 2.0 && untilS <= 2.0 + late.ms / 1000 + 0.05,
    `narrated "sleeping until ${untilS} s"; ideal 2.0 s, allowed ${Math.round(late.ms)} ms late`);
  await page.waitForFunction((s) => /Run finished after/.test(document.querySelector(s).textContent), live, { timeout: 5000 });
  await context.close();

  // 60 tasks at speed 10: few announcements, each short.
  const big = await openPage(browser, `${app.base}?example=semaphore&tasks=60&limit=6&delay=300&speed=10&autorun=1`);
  const said = [];
  await big.page.exposeFunction('heard', (t) => said.push(t));
  await big.page.evaluate((s) => {
    new MutationObserver(() => window.heard(document.querySelector(s).textContent))
      .observe(document.querySelector(s), { childList: true, subtree: true, characterData: true });
  }, live);
  await waitForRunState(big.page, 'finished', 30000);
  // The last announcement says the run finished: a barrier, not a fixed wait.
  await big.page.waitForFunction((s) => /Run finished after/.test(document.querySelector(s).textContent), live, { timeout: 10000 });
  assert.ok(said.length >= 1 && said.length <= 8, `${said.length} announcements: ${said.join(' | ')}`);
  assert.ok(said.every((t) => t.length < 200), said.join(' | '));
  assert.deepEqual(errors, []);
  assert.deepEqual(big.errors, []);
  await big.context.close();
});

test('reduced motion: no moving playhead, the states still change', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${app.base}?example=semaphore&tasks=4&limit=2&delay=300&autorun=1`);
  await page.waitForSelector('[data-task][data-state=sleeping]');
  assert.equal(await page.$eval('.playhead', (e) => getComputedStyle(e).display), 'none');
  // An open bar does not slide frame by frame (it may take one half-second step).
  const widths = await page.evaluate(async () => {
    const bar = () => [...document.querySelectorAll('[data-state=sleeping] .span.s-sleeping')].at(-1)?.style.width;
    const out = [];
    for (let i = 0; i < 6; i += 1) {
      out.push(bar());
      await new Promise((r) => requestAnimationFrame(r));
    }
    return out;
  });
  assert.ok(new Set(widths).size <= 2, `bar slid: ${widths}`);
  await waitForRunState(page, 'finished');
  assert.ok((await tasks(page)).every((t) => t.state === 'done'));
  assert.deepEqual(errors, []);
  await context.close();
});

async function axe(page, frame = page) {
  await frame.evaluate(AXE);
  const r = await frame.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
  return r.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('axe-core: no serious or critical violations (lesson light/dark, table, help, embed, catalog)', async () => {
  for (const [name, q, opts, prep] of [
    ['lesson light', '?example=semaphore&tasks=4&limit=2&delay=200&autorun=1', { colorScheme: 'light' }],
    ['lesson dark', '?example=semaphore&tasks=4&limit=2&delay=200&autorun=1', { colorScheme: 'dark' }],
    ['table + share', '?example=semaphore&tasks=4&limit=2&delay=200&autorun=1&theme=dark', {}, async (p) => {
      await p.click('[data-testid=view-table]'); await p.click('[data-testid=share]');
    }],
    ['help', '?example=coroutine&delay=200&autorun=1', {}, async (p) => { await p.click('[data-testid=help]'); }],
    ['embed', '?example=semaphore&tasks=4&limit=2&delay=200&autorun=1&embed=1', { width: 600, height: 400 }],
    ['embed dark', '?example=semaphore&tasks=4&limit=2&delay=200&autorun=1&embed=1&theme=dark', { width: 600, height: 400 }],
    ['catalog', '', {}],
  ]) {
    const { page, context, errors } = await openPage(browser, app.base + q, opts);
    if (q.includes('autorun')) await waitForRunState(page, 'finished');
    if (prep) await prep(page);
    const bad = await axe(page);
    assert.deepEqual(bad, [], `${name}: ${JSON.stringify(bad, null, 1)}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  // And inside a real embed on the course page.
  const { page, context } = await openCourse();
  await waitForMessage(page, 'lesson-2', 'ready');
  const bad = await axe(page, await embedFrame(page, 'lesson-2'));
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  assert.deepEqual(await axe(page), [], 'course page');
  await context.close();
});

test('screenshots: light, dark, narrow 375, embed 600x400 and 1200', async () => {
  const url = `${app.base}?example=semaphore&tasks=6&limit=2&delay=200&autorun=1`;
  for (const [name, opts, extra] of [
    ['issue4-light', { colorScheme: 'light' }, ''],
    ['issue4-dark', { colorScheme: 'dark' }, ''],
    ['issue4-narrow-375', { width: 375, height: 800 }, ''],
    ['issue4-embed-600x400', { width: 600, height: 400 }, '&embed=1'],
    ['issue4-embed-1200', { width: 1200, height: 800 }, '&embed=1&theme=dark'],
  ]) {
    const { page, context, errors } = await openPage(browser, url + extra, opts);
    await waitForRunState(page, 'finished');
    if (name.includes('600x400')) {
      // What a 600 x 400 frame shows before the page follows `resize`.
      await page.screenshot({ path: path.join(here, 'artifacts', `${name}-viewport.png`) });
    }
    // The whole page at its content height, as a frame sized by `resize`
    // shows it (a full-page capture would leave the console's
    // content-visibility lines below the viewport unpainted).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: opts.width ?? 1280, height });
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(here, 'artifacts', `${name}.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name}: page scrolls sideways by ${overflow}px`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('served under a sub-path: the app and the course page work', async () => {
  const sub = await serve(DIST, '/courses/async-python/');
  try {
    for (const q of ['?example=coroutine&delay=300&autorun=1', 'index.html?example=coroutine&delay=300&autorun=1']) {
      const { page, context, errors } = await openPage(browser, sub.base + q);
      await waitForRunState(page, 'finished');
      assert.ok(new URL(page.url()).pathname.startsWith('/courses/async-python/'));
      assert.match(page.url(), /example=coroutine&delay=300/);
      assert.deepEqual(errors, []);
      await context.close();
    }
    // The course page with its default app address (./index.html, same sub-path).
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${sub.base}course.html`);
    await page.waitForFunction(() => window.playgroundMessages?.filter((m) => m.type === 'ready').length === 2);
    assert.ok((await page.$eval('#lesson-1', (f) => f.src)).startsWith(`${sub.base}index.html?`));
    await context.close();
  } finally {
    await sub.close();
  }
});
