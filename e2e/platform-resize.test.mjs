// End to end, issue 13 part 1: a plain <iframe> of the app on a host page of
// another origin that plays a learning platform's side of its resize
// protocol, with no script of ours on the page:
// - Canvas: listens for {subject: "lti.frameResize", height} and sets the
//   frame's height;
// - H5P's resizer (what h5p-resizer.js does on Moodle and every H5P host,
//   written here from its protocol, not copied): announces itself with
//   `ready`, answers `hello`, on `prepareResize` shrinks the frame to
//   clientHeight + 75 and answers `resizePrepared`, on `resize` sets it to
//   scrollHeight + 75, and tells the frame `resize` when its window resizes.
// In both the frame grows with its content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, shot } from './harness.mjs';

let app, host, browser, dir;

const CANVAS = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Canvas-like host</title>
<link rel="icon" href="data:,"></head><body><h1>Module 3</h1>
<iframe id="tool" title="async playground" style="width:100%;height:150px;border:0"></iframe>
<script>
  window.got = [];
  const tool = document.getElementById('tool');
  tool.src = new URLSearchParams(location.search).get('app');
  // Canvas accepts the message as an object or as its JSON text.
  addEventListener('message', (e) => {
    let m = e.data;
    if (typeof m === 'string') { try { m = JSON.parse(m); } catch { return; } }
    if (!m || m.subject !== 'lti.frameResize' || e.source !== tool.contentWindow) return;
    window.got.push(m);
    tool.style.height = m.height + 'px';
  });
</script></body></html>`;

// The parent side of H5P's resizer protocol, loaded after the frame
// (?late=ms): the frame's first hellos are lost, the parent's `ready` brings
// the handshake about.
const H5P_PARENT = `(function () {
  window.h5pLog = [];
  function frameOf(source) {
    for (const f of document.getElementsByTagName('iframe')) if (f.contentWindow === source) return f;
    return null;
  }
  addEventListener('message', (e) => {
    const d = e.data;
    if (!d || d.context !== 'h5p') return;
    const f = frameOf(e.source);
    if (!f) return;
    window.h5pLog.push(d);
    const respond = (action) => e.source.postMessage({ context: 'h5p', action }, e.origin);
    if (d.action === 'hello') {
      f.style.width = '100%';
      addEventListener('resize', () => { if (f.contentWindow) respond('resize'); });
      respond('hello');
    } else if (d.action === 'prepareResize') {
      if (f.clientHeight !== d.scrollHeight || d.scrollHeight !== d.clientHeight) {
        f.style.height = (d.clientHeight + 75) + 'px';
        respond('resizePrepared');
      }
    } else if (d.action === 'resize') {
      f.style.height = (d.scrollHeight + 75) + 'px';
    }
  });
  for (const f of document.getElementsByTagName('iframe')) f.contentWindow.postMessage({ context: 'h5p', action: 'ready' }, '*');
})();`;

const H5P = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>H5P-like host</title>
<link rel="icon" href="data:,"></head><body><h1>Lesson</h1>
<iframe id="h5p" title="async playground" style="height:150px;border:0"></iframe>
<script>
  const q = new URLSearchParams(location.search);
  // What the frame says, recorded from the start (apart from the resizer).
  window.seen = [];
  addEventListener('message', (e) => { if (e.data && e.data.context === 'h5p') window.seen.push(e.data.action); });
  document.getElementById('h5p').src = q.get('app');
  setTimeout(() => { const s = document.createElement('script'); s.src = 'h5p-parent.js'; document.body.append(s); },
    Number(q.get('late') || 0));
</script></body></html>`;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-hosts-'));
  fs.writeFileSync(path.join(dir, 'canvas.html'), CANVAS);
  fs.writeFileSync(path.join(dir, 'h5p.html'), H5P);
  fs.writeFileSync(path.join(dir, 'h5p-parent.js'), H5P_PARENT);
  app = await serve();
  host = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await app?.close(); await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(file, appQuery, extra = '') {
  const context = await browser.newContext({ viewport: { width: 1000, height: 2400 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const src = `${app.base}?${appQuery}&embed=1`;
  await page.goto(`${host.base}${file}?app=${encodeURIComponent(src)}${extra}`);
  const frame = await (await page.$('iframe')).contentFrame();
  await frame.waitForSelector('[data-testid=playground]');
  assert.notEqual(new URL(page.url()).origin, new URL(frame.url()).origin, 'host and app on two origins');
  return { page, context, errors, frame };
}

const contentHeight = (frame) => frame.evaluate(() => document.querySelector('[data-testid=playground]').offsetHeight);
const frameHeight = (page) => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);

test('Canvas host: lti.frameResize sizes a plain iframe, and it grows with the run', async () => {
  const { page, context, errors, frame } = await open('canvas.html', 'example=sequential-vs-gather&tasks=2&delay=100&mode=gather');
  await page.waitForFunction(() => window.got.length > 0);
  const first = await page.evaluate(() => window.got[0]);
  assert.deepEqual(Object.keys(first).sort(), ['height', 'subject']);
  assert.ok(Number.isInteger(first.height) && first.height > 300, `height ${first.height}`);
  const before = await contentHeight(frame);
  assert.ok(Math.abs((await frameHeight(page)) - before) <= 1, 'frame as tall as its content');
  // More lanes: taller content, the frame follows.
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage(
    { source: 'async-playground', type: 'run', params: { tasks: 12 } }, '*'));
  await frame.waitForFunction(() => ['finished'].includes(document.querySelector('[data-testid=playground]').dataset.runState), null, { timeout: 20000 });
  await frame.waitForFunction(() => document.querySelectorAll('[data-task]').length === 13);
  const after = await contentHeight(frame);
  assert.ok(after > before + 100, `content grew: ${before} -> ${after}`);
  await page.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1, after);
  const inner = await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  assert.ok(inner <= 1, `scrolls inside by ${inner}px`);
  assert.equal((await page.evaluate(() => window.got.at(-1))).height, after);
  await shot(page, 'issue13-canvas-host');
  assert.deepEqual(errors, []);
  await context.close();
});

test('H5P host (resizer loaded late): ready, hello, prepareResize, resizePrepared, resize; frame = content + 75', async () => {
  const { page, context, errors, frame } = await open('h5p.html', 'example=semaphore&tasks=3&limit=2&delay=100', '&late=1500');
  // The app is up (its hellos went unanswered), then the resizer arrives.
  await page.waitForFunction(() => window.h5pLog && window.h5pLog.some((m) => m.action === 'resize'), null, { timeout: 20000 });
  const log = await page.evaluate(() => window.h5pLog.map((m) => m.action));
  const i = log.indexOf('hello');
  assert.ok(i >= 0, `hello in ${log}`);
  // hello, then prepareResize; each resize answers a resizePrepared, so it
  // follows a prepareResize (a height change may add one in between).
  // (A height change may say hello again before the parent's answer came.)
  const after = log.slice(i);
  assert.equal(after.find((x) => x !== 'hello'), 'prepareResize', log.join(' '));
  const k = after.indexOf('resize');
  assert.ok(k > 1, log.join(' '));
  assert.ok(after.filter((a) => a === 'resize').length <= after.filter((a) => a === 'prepareResize').length, log.join(' '));
  const prep = await page.evaluate(() => window.h5pLog.find((m) => m.action === 'prepareResize'));
  assert.ok(Number.isInteger(prep.scrollHeight) && Number.isInteger(prep.clientHeight), JSON.stringify(prep));
  let h = await contentHeight(frame);
  await page.waitForFunction((want) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - want) <= 1, h + 75);
  assert.equal(await page.evaluate(() => document.querySelector('iframe').style.width), '100%', 'hello made it responsive');

  // The content grows (a run with more tasks): the frame follows.
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage(
    { source: 'async-playground', type: 'run', params: { tasks: 10 } }, '*'));
  await frame.waitForFunction(() => document.querySelector('[data-testid=playground]').dataset.runState === 'finished', null, { timeout: 20000 });
  await frame.waitForFunction(() => document.querySelectorAll('[data-task]').length === 11);
  const grown = await contentHeight(frame);
  assert.ok(grown > h + 100, `content grew: ${h} -> ${grown}`);
  await page.waitForFunction((want) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - want) <= 1, grown + 75);
  const inner = await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  assert.ok(inner <= 1, `scrolls inside by ${inner}px`);

  // The host window resizes: it says `resize`, the frame measures again.
  const n = await page.evaluate(() => window.h5pLog.filter((m) => m.action === 'prepareResize').length);
  await page.setViewportSize({ width: 640, height: 2400 });
  await page.waitForFunction((k) => window.h5pLog.filter((m) => m.action === 'prepareResize').length > k, n);
  h = await contentHeight(frame);
  await page.waitForFunction((want) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - want) <= 1, h + 75);
  await shot(page, 'issue13-h5p-host');
  assert.deepEqual(errors, []);
  await context.close();
});

test('H5P and Canvas messages from a page that is not the parent, or malformed, are ignored', async () => {
  const { page, context, errors, frame } = await open('h5p.html', 'example=coroutine&delay=100', '&late=600000');
  // No resizer on this page: what the frame says is only recorded.
  await page.waitForFunction(() => window.seen.includes('hello'), null, { timeout: 20000 });
  for (const m of [{ context: 'h5p' }, { context: 'h5p', action: 7 }, { context: ['h5p'], action: 'hello' },
    'hello', null, 42, { subject: 'lti.frameResize', height: 'x' }]) {
    await page.evaluate((msg) => document.querySelector('iframe').contentWindow.postMessage(msg, '*'), m);
  }
  // A message from the frame itself (not its parent) is not obeyed.
  await frame.evaluate(() => window.postMessage({ context: 'h5p', action: 'hello' }, '*'));
  await frame.evaluate(() => window.postMessage({ source: 'async-playground', type: 'run' }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await frame.getAttribute('[data-testid=playground]', 'data-run-state'), 'idle');
  // Never a handshake: hellos only (no prepareResize, no resize).
  assert.deepEqual([...new Set(await page.evaluate(() => window.seen))], ['hello']);
  assert.deepEqual(errors, []);
  await context.close();
});
