// End to end, issue 13 part 5: embeds pass the same accessibility bar.
// axe-core over every lesson in the embed layout (?example=<id>&autorun=1&embed=1),
// light and dark, once its run has ended, and over the one-line embed's host
// page (two <async-playground> elements on a page of another origin, and
// inside their frames). No serious or critical violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, LESSON_IDS } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = fs.readFileSync(path.resolve(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// Every lesson (the lesson folders, in catalog order).
const LESSONS = LESSON_IDS;
const ENDED = ['finished', 'stopped', 'deadlock', 'error'];

let app, course, browser, dir;
before(async () => {
  app = await serve();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'a11y-course-'));
  fs.writeFileSync(path.join(dir, 'course.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Course page with two embeds</title><link rel="icon" href="data:,">
<script src="${app.base}embed.js" defer></script></head><body><main>
<h1>Week 3</h1><p>A lesson, then our own program.</p>
<async-playground example="queue" items="4" autorun="1"></async-playground>
<async-playground title="async playground: our program" autorun="1" code="import asyncio&#10;&#10;async def main():&#10;    await asyncio.sleep(0.1)&#10;    print('hi')&#10;&#10;asyncio.run(main())&#10;"></async-playground>
</main></body></html>`);
  course = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await app?.close(); await course?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function axe(frame) {
  await frame.evaluate(AXE);
  const r = await frame.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
  return r.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: every lesson in the embed layout, ${scheme}`, async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 480 }, colorScheme: scheme });
    const failures = [];
    for (const id of LESSONS) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${app.base}?example=${id}&autorun=1&embed=1&speed=4`);
      await page.waitForFunction((s) => s.includes(document.querySelector('[data-testid=playground]')?.dataset.runState),
        ENDED, { timeout: 30000 });
      const bad = await axe(page);
      if (bad.length) failures.push({ id, bad });
      if (errors.length) failures.push({ id, errors });
      await page.close();
    }
    assert.deepEqual(failures, [], JSON.stringify(failures, null, 1));
    await context.close();
  });
}

test('axe-core: the one-line embed host page and its two frames', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 3000 } });
  const page = await context.newPage();
  await page.goto(`${course.base}course.html`);
  const frames = [];
  for (const el of await page.$$('async-playground')) {
    const f = await (await el.$('iframe')).contentFrame();
    await f.waitForFunction((s) => s.includes(document.querySelector('[data-testid=playground]')?.dataset.runState),
      ENDED, { timeout: 30000 });
    frames.push(f);
  }
  assert.equal(frames.length, 2);
  assert.deepEqual(await axe(page), [], 'host page');
  for (const f of frames) assert.deepEqual(await axe(f), [], f.url());
  await context.close();
});
