// End to end, issue 13 part 2: the one-line embed (CONTRACT.md section 4).
// A course page on a second loopback origin loads embed.js from the app's
// origin and holds two <async-playground> elements: a lesson, and an
// author's own program (`code`). Each makes its own frame, sizes it from its
// own resize messages, raises its own playground-* events, and obeys its
// own run(), stop() and setParams().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, shot, DIST } from './harness.mjs';

const PROGRAM = `import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")

async def main():
    await asyncio.gather(worker("a", 0.2), worker("b", 0.1))

asyncio.run(main())
`;

const COURSE = (app) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Week 3: waiting well</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>body{font:17px/1.5 Georgia,serif;max-width:52rem;margin:0 auto;padding:1rem;background:#fbfaf7;color:#22252b}
async-playground{margin:1rem 0;border:1px solid #ddd8cc;border-radius:10px;overflow:hidden}</style>
<script src="${app}embed.js" defer></script>
</head><body><main>
<h1>Waiting well: asyncio by running it</h1>
<p>Three downloads, awaited together with <code>gather</code>:</p>
<async-playground id="lesson" example="sequential-vs-gather" tasks="2" delay="200" mode="gather"><a href="${app}?example=sequential-vs-gather">Open the lesson</a></async-playground>
<p>And the program from this week's notes:</p>
<async-playground id="own" title="async playground: the program from the notes" code="${PROGRAM.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></async-playground>
</main>
<script>
  window.events = [];
  for (const t of ['ready', 'resize', 'run-started', 'run-finished']) {
    document.addEventListener('playground-' + t, (e) => window.events.push({ id: e.target.id, type: e.type, detail: e.detail }));
  }
</script>
</body></html>`;

let app, course, browser, dir;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'course-'));
  app = await serve();
  fs.writeFileSync(path.join(dir, 'week3.html'), COURSE(app.base));
  course = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await app?.close(); await course?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openCourse() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 3200 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${course.base}week3.html`);
  return { page, context, errors };
}

const events = (page, id, type) => page.evaluate(([i, t]) =>
  window.events.filter((e) => e.id === i && e.type === `playground-${t}`).map((e) => e.detail), [id, type]);

async function waitEvent(page, id, type, count = 1, timeout = 20000) {
  await page.waitForFunction(([i, t, n]) =>
    window.events.filter((e) => e.id === i && e.type === `playground-${t}`).length >= n, [id, type, count], { timeout });
  return (await events(page, id, type)).at(-1);
}

async function frameOf(page, id) {
  const f = await (await page.$(`#${id} >> iframe`)).contentFrame();
  await f.waitForSelector('[data-testid=playground]');
  return f;
}

const sized = (page, id) => page.waitForFunction((i) => {
  const el = document.getElementById(i);
  const last = window.events.filter((e) => e.id === i && e.type === 'playground-resize').at(-1);
  return last && el.frame.style.height === `${last.detail.height}px`;
}, id);

test('embed.js is in the built site, small and without dependencies', () => {
  const js = fs.readFileSync(path.join(DIST, 'embed.js'), 'utf8');
  assert.ok(js.includes("customElements.define('async-playground'"));
  assert.ok(!/\bimport\b|\brequire\(/.test(js.replace(/\/\*[\s\S]*?\*\//g, '')), 'no imports');
  assert.ok(js.length < 8000, `embed.js is ${js.length} bytes`);
});

test('two <async-playground> on a course page of another origin: frames, sizes, events, run/stop/setParams', async () => {
  const { page, context, errors } = await openCourse();
  // Each element made its own lazily loaded, titled frame of the app in embed mode.
  const frames = await page.evaluate(() => ['lesson', 'own'].map((id) => {
    const f = document.getElementById(id).frame;
    return { src: f.src, title: f.title, loading: f.getAttribute('loading') };
  }));
  for (const f of frames) {
    assert.equal(new URL(f.src).origin, new URL(app.base).origin);
    assert.equal(new URL(f.src).searchParams.get('embed'), '1');
    assert.equal(f.loading, 'lazy');
    assert.ok(f.title.startsWith('async playground'), f.title);
  }
  assert.notEqual(new URL(page.url()).origin, new URL(app.base).origin);
  assert.equal(new URL(frames[0].src).searchParams.get('mode'), 'gather');
  assert.equal(new URL(frames[1].src).searchParams.get('code'), PROGRAM);
  assert.equal(frames[1].title, 'async playground: the program from the notes');
  // The fallback link is not shown once the element is defined.
  assert.equal(await page.isVisible('#lesson > a'), false);

  // Each says ready (its own event, its own detail), then sizes itself.
  const r1 = await waitEvent(page, 'lesson', 'ready');
  const r2 = await waitEvent(page, 'own', 'ready');
  assert.equal(r1.example, 'sequential-vs-gather');
  assert.equal(r2.example, 'code');
  const f1 = await frameOf(page, 'lesson');
  const f2 = await frameOf(page, 'own');
  for (const [id, f] of [['lesson', f1], ['own', f2]]) {
    await waitEvent(page, id, 'resize');
    await sized(page, id);
    const inner = await f.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    assert.ok(inner <= 1, `${id} scrolls inside by ${inner}px`);
  }

  // run() on each: its own run-started and run-finished.
  await page.evaluate(() => { document.getElementById('lesson').run(); document.getElementById('own').run(); });
  const d1 = await waitEvent(page, 'lesson', 'run-finished');
  const d2 = await waitEvent(page, 'own', 'run-finished');
  assert.equal(d1.example, 'sequential-vs-gather');
  assert.equal(d1.state, 'finished');
  assert.deepEqual(d1.tasks.map((t) => t.name).slice(0, 1), ['main()']);
  assert.equal(d1.tasks.length, 3);
  assert.equal(d2.example, 'code');
  assert.equal(d2.state, 'finished');
  assert.ok(d2.tasks.some((t) => t.name.startsWith('worker')), JSON.stringify(d2.tasks));
  assert.equal((await events(page, 'lesson', 'run-started')).length, 1);
  assert.equal((await events(page, 'own', 'run-started')).length, 1);
  const lines = await f2.$$eval('[data-testid=console] [data-text]', (ls) => ls.map((l) => l.dataset.text));
  assert.deepEqual(lines, ['b done', 'a done']);
  // The run grew the frames' content; each frame follows its own.
  await sized(page, 'lesson');
  await sized(page, 'own');
  await shot(page, 'issue13-course-two-embeds-run');

  // setParams(): validated like the URL (corrections as notices), then run.
  await page.evaluate(() => document.getElementById('lesson').setParams({ tasks: 4, delay: 100, mode: 'sequential' }));
  await f1.waitForFunction(() => location.search.includes('tasks=4&delay=100&mode=sequential'));
  await page.evaluate(() => document.getElementById('lesson').run());
  const d3 = await waitEvent(page, 'lesson', 'run-finished', 2);
  assert.deepEqual(d3.params, { tasks: '4', delay: '100', mode: 'sequential' });
  assert.equal(d3.tasks.length, 5);
  assert.equal((await events(page, 'own', 'run-finished')).length, 1, 'the other embed did not run');

  // stop(): a long run ends stopped.
  await page.evaluate(() => document.getElementById('lesson').setParams({ delay: 5000 }));
  await f1.waitForFunction(() => location.search.includes('delay=5000'));
  await page.evaluate(() => document.getElementById('lesson').run());
  await waitEvent(page, 'lesson', 'run-started', 3);
  await page.evaluate(() => document.getElementById('lesson').stop());
  const d4 = await waitEvent(page, 'lesson', 'run-finished', 3);
  assert.equal(d4.state, 'stopped');

  // An attribute change after connect: a parameter goes as set-params ...
  await page.evaluate(() => document.getElementById('lesson').setAttribute('delay', '300'));
  await f1.waitForFunction(() => location.search.includes('delay=300'));
  assert.equal((await events(page, 'lesson', 'ready')).length, 1, 'no reload for a parameter');
  // ... `example` reloads the frame with the new lesson.
  await page.evaluate(() => {
    const el = document.getElementById('lesson');
    for (const a of ['tasks', 'delay', 'mode']) el.removeAttribute(a);
    el.setAttribute('example', 'coroutine');
  });
  const r3 = await waitEvent(page, 'lesson', 'ready', 2);
  assert.equal(r3.example, 'coroutine');
  assert.equal(await page.evaluate(() => document.getElementById('lesson').frame.title), 'async playground: coroutine');
  await sized(page, 'lesson');
  await page.waitForTimeout(300);
  await shot(page, 'issue13-course-two-embeds-after');
  assert.deepEqual(errors, []);
  await context.close();
});

test('methods called before the frame is ready are held until it is; a made element works too', async () => {
  const { page, context, errors } = await openCourse();
  await waitEvent(page, 'lesson', 'ready');
  await page.evaluate(() => {
    const el = document.createElement('async-playground');
    el.id = 'late';
    el.setAttribute('example', 'coroutine');
    el.setAttribute('delay', '100');
    document.querySelector('main').prepend(el);
    el.setParams({ delay: 150 });
    el.run();
  });
  const d = await waitEvent(page, 'late', 'run-finished');
  assert.equal(d.example, 'coroutine');
  assert.deepEqual(d.params, { delay: '150' });
  assert.equal(d.state, 'finished');
  // Messages from another frame never reach this element.
  assert.equal((await events(page, 'lesson', 'run-finished')).length, 0);
  // A forged message from the course page itself is not an app message.
  await page.evaluate(() => window.postMessage({ source: 'async-playground', type: 'run-finished' }, '*'));
  await page.waitForTimeout(200);
  assert.equal((await events(page, 'late', 'run-finished')).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Share offers the one-line embed first; pasted as is into a course page, it works', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${app.base}?example=semaphore&tasks=3&limit=2&delay=100`);
  await page.waitForSelector('[data-testid=playground]');
  await page.click('[data-testid=share]');
  const order = await page.$$eval('#share-panel textarea', (ts) => ts.map((t) => t.dataset.testid));
  assert.deepEqual(order.slice(0, 3), ['share-link', 'share-element', 'share-embed']);
  const buttons = await page.$$eval('#share-panel .share-actions button', (bs) => bs.map((b) => b.dataset.testid).filter(Boolean));
  assert.ok(buttons.indexOf('copy-element') < buttons.indexOf('copy-embed'), buttons.join(' '));
  const snippet = await page.inputValue('[data-testid=share-element]');
  assert.match(snippet, /^<script src="[^"]+\/embed\.js" defer><\/script>\n<async-playground example="semaphore" tasks="3" limit="2" delay="100" title="async playground: [^"]+"><a href="[^"]+">/);
  // Copy: to the clipboard, or (none here) selected with a note.
  await page.click('[data-testid=copy-element]');
  await page.waitForFunction(() => /One-line embed copied|Copying is not available/.test(document.querySelector('[data-testid=share-status]').textContent));
  await context.close();

  fs.writeFileSync(path.join(dir, 'pasted.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title>
<link rel="icon" href="data:,"></head><body><h1>Semaphores</h1>\n${snippet}\n</body></html>`);
  const c2 = await browser.newContext({ viewport: { width: 1000, height: 2000 } });
  const p2 = await c2.newPage();
  p2.on('pageerror', (e) => errors.push(String(e)));
  await p2.goto(`${course.base}pasted.html`);
  const f = await (await p2.$('async-playground iframe')).contentFrame();
  await f.waitForSelector('[data-testid=playground][data-example=semaphore]');
  assert.equal(await f.inputValue('#param-tasks'), '3');
  await p2.waitForFunction(() => document.querySelector('async-playground').frame.style.height !== '680px');
  await f.waitForFunction(() => document.documentElement.scrollHeight - innerHeight <= 1);
  const inner = await f.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  assert.ok(inner <= 1, `scrolls inside by ${inner}px`);
  assert.deepEqual(errors, []);
  await c2.close();
});
