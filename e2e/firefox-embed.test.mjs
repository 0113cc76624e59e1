// Issue 13's core in Firefox (firefox-esr through puppeteer-core): two
// <async-playground> elements on a course page of another origin run, raise
// their own events and size their frames; a plain iframe on a Canvas-like
// host is sized by lti.frameResize. The full checks run in Chromium
// (e2e/embed-element.test.mjs, e2e/platform-resize.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './harness.mjs';
import { haveFirefox, launchFirefox, ffShot } from './firefox-harness.mjs';

const skip = haveFirefox() ? false : 'firefox-esr is not installed (scripts/setup.sh installs it)';
let app, course, browser, dir;

before(async () => {
  if (skip) return;
  app = await serve();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ff-course-'));
  fs.writeFileSync(path.join(dir, 'two.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Two embeds</title><link rel="icon" href="data:,"><script src="${app.base}embed.js" defer></script></head><body>
<async-playground id="a" example="coroutine" delay="100"></async-playground>
<async-playground id="b" code="import asyncio&#10;async def main():&#10;    await asyncio.sleep(0.1)&#10;    print('from b')&#10;asyncio.run(main())&#10;"></async-playground>
<script>window.events = [];
for (const t of ['ready', 'resize', 'run-finished']) document.addEventListener('playground-' + t, (e) => window.events.push([e.target.id, t, e.detail]));</script>
</body></html>`);
  fs.writeFileSync(path.join(dir, 'canvas.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Canvas-like</title>
<link rel="icon" href="data:,"></head><body><iframe id="t" title="tool" style="width:100%;height:150px;border:0"
src="${app.base}?example=semaphore&amp;tasks=4&amp;limit=2&amp;delay=100&amp;embed=1"></iframe>
<script>window.got = []; addEventListener('message', (e) => { const m = e.data;
if (m && m.subject === 'lti.frameResize' && e.source === document.getElementById('t').contentWindow) { window.got.push(m.height); document.getElementById('t').style.height = m.height + 'px'; } });</script>
</body></html>`);
  course = await serve(dir);
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close(); await app?.close(); await course?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('firefox: two one-line embeds run, raise their own events, size their frames', { skip }, async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 3000 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  await page.goto(`${course.base}two.html`);
  const count = (id, t) => page.evaluate(([i, k]) => window.events.filter((e) => e[0] === i && e[1] === k).length, [id, t]);
  await page.waitForFunction(() => ['a', 'b'].every((i) => window.events.some((e) => e[0] === i && e[1] === 'resize')), { timeout: 30000 });
  await page.evaluate(() => { document.getElementById('a').run(); document.getElementById('b').run(); });
  await page.waitForFunction(() => ['a', 'b'].every((i) => window.events.some((e) => e[0] === i && e[1] === 'run-finished')), { timeout: 30000 });
  const done = await page.evaluate(() => window.events.filter((e) => e[1] === 'run-finished').map((e) => [e[0], e[2].example, e[2].state]));
  assert.deepEqual(done.sort(), [['a', 'coroutine', 'finished'], ['b', 'code', 'finished']]);
  assert.equal(await count('a', 'ready'), 1);
  // Each frame is as tall as its last resize said.
  await page.waitForFunction(() => ['a', 'b'].every((i) => {
    const last = window.events.filter((e) => e[0] === i && e[1] === 'resize').at(-1);
    return last && document.getElementById(i).frame.style.height === `${last[2].height}px`;
  }));
  await ffShot(page, 'issue13-two-embeds');
  assert.deepEqual(errors, []);
  await context.close();
});

test('firefox: a Canvas-like host sizes a plain iframe from lti.frameResize', { skip }, async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 2400 });
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e?.message ?? e}`));
  await page.goto(`${course.base}canvas.html`);
  try {
    await page.waitForFunction(() => window.got.length > 0 && window.got.at(-1) > 300, { timeout: 30000 });
  } catch (e) {
    // Say what the host got and what the framed page looked like, so a
    // miss here can be told apart: no start, or a height that stayed small.
    const got = await page.evaluate(() => window.got).catch(() => 'unreadable');
    const framed = await Promise.all(page.frames().map((f) => f.evaluate(() => {
      const root = document.querySelector('[data-testid=playground]');
      return { url: location.href, ready: document.readyState, root: root ? root.offsetHeight : null };
    }).catch((err) => ({ error: String(err) }))));
    throw new Error(`no lti.frameResize above 300 px in 30 s: got ${JSON.stringify(got)}; frames ${JSON.stringify(framed)}; console ${JSON.stringify(logs.slice(-20))}`, { cause: e });
  }
  // The iframe follows the latest message: the framed page may send a
  // newer height (its layout settling) after the one first seen here.
  await page.waitForFunction(
    () => Math.abs(document.getElementById('t').getBoundingClientRect().height - window.got.at(-1)) <= 1,
    { timeout: 30000 },
  ).catch(async (e) => {
    const seen = await page.evaluate(() => ({ got: window.got, height: document.getElementById('t').getBoundingClientRect().height }));
    throw new Error(`the iframe is not the last lti.frameResize height: ${JSON.stringify(seen)}`, { cause: e });
  });
  await context.close();
});
