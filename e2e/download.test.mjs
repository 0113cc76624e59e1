// "Download .py" in Chromium: the button saves the program on screen as a
// file (a Blob URL download, or a data: URL where Blob URLs fail), and that
// file, run under python3, prints what the page's console printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, waitForRunState, shot } from './harness.mjs';

/** CPython on a virtual clock: each line's ideal time. */
const ORACLE = fileURLToPath(new URL('../scripts/oracle.py', import.meta.url));

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function download(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.click('[data-testid=download-py]'),
  ]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(saved, 'utf8'), url: file.url(), saved };
}

const stdout = (page) => page.$$eval('[data-testid=console] [data-stream=stdout]', (els) => els.map((e) => e.dataset.text));

test('a lesson at its parameters downloads as <id>.py that CPython runs with the same lines', async () => {
  const { page, context, errors } = await openPage(browser, `${server.base}?example=semaphore&tasks=4&limit=2&delay=300`);
  try {
    await page.click('[data-testid=run]');
    await waitForRunState(page, 'finished');
    const shown = await stdout(page);
    const file = await download(page);
    assert.equal(file.name, 'semaphore.py');
    assert.ok(file.url.startsWith('blob:'), `a Blob URL download (${file.url.slice(0, 30)})`);
    assert.match(file.text, /^# semaphore\.py: downloaded from the async playground\.\n/);
    assert.match(file.text, /^TASKS = 4 /m);
    assert.match(file.text, /^DELAY = 0\.3 /m);
    assert.match(file.text, /# The same run on the page: http:\/\/127\.0\.0\.1:\d+\/\?example=semaphore&tasks=4&limit=2&delay=300/);
    const note = await page.textContent('[data-testid=download-note]');
    assert.match(note, /Saved semaphore\.py: run it with python3 semaphore\.py/);
    // The saved file as it is, under python3. Both are real runs: lines due
    // at the same ideal moment (two sleeps ending together, a permit handed
    // on) come in either order, as the machine's timers decide, in CPython as
    // in the page. So each line is placed at its ideal time (CPython's own on
    // the oracle's virtual clock): the same lines at the same moments, and
    // neither run prints a line before one due earlier.
    const ran = execFileSync('python3', [file.saved], { encoding: 'utf8', timeout: 20000 }).trimEnd().split('\n');
    const oracle = JSON.parse(execFileSync('python3', [ORACLE, file.saved], { encoding: 'utf8', timeout: 20000 }));
    const ideal = new Map(Object.values(oracle)[0].lines.filter((l) => l[1] === 'stdout').map((l) => [l[2], l[0]]));
    assert.equal(ideal.size, shown.length, `each line printed once (oracle: ${[...ideal.keys()]})`);
    const at = (l) => ideal.get(l) ?? NaN;
    const byIdeal = (lines) => [...lines].sort((a, b) => at(a) - at(b) || (a < b ? -1 : 1));
    assert.deepEqual(byIdeal(ran), byIdeal(shown), 'CPython prints what the page printed');
    for (const [who, lines] of [['CPython', ran], ['the page', shown]]) {
      lines.forEach((l, i) => assert.ok(i === 0 || at(lines[i - 1]) <= at(l), `${who}: "${l}" (due ${at(l)} ms) after "${lines[i - 1]}" (due ${at(lines[i - 1])} ms)`));
    }
    await shot(page, 'download-semaphore');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('edited code downloads as the learner wrote it; the network lesson points at the public server', async () => {
  const code = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    print("mine")\n\nasyncio.run(main())\n';
  const { page, context } = await openPage(browser, `${server.base}?code=${encodeURIComponent(code)}`);
  try {
    const file = await download(page);
    assert.equal(file.name, 'my_code.py');
    assert.ok(file.text.endsWith(`\n${code}`), file.text);
  } finally {
    await context.close();
  }
  const net = await openPage(browser, `${server.base}?example=fetch&tasks=2&delay=200`);
  try {
    const file = await download(net.page);
    assert.equal(file.name, 'fetch.py');
    const top = file.text.split('\n').slice(0, 20).join('\n');
    assert.match(top, /# NETWORK: .*\n(#.*\n)*# Here they go to the public service https:\/\/httpbin\.org/);
    assert.match(file.text, /^import aiohttp$/m);
    assert.match(await net.page.textContent('[data-testid=download-note]'), /httpbin\.org/);
  } finally {
    await net.context.close();
  }
});

test('where Blob URLs fail, the file still downloads (a data: URL) and the note says so', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    URL.createObjectURL = () => { throw new Error('blocked'); };
  });
  const page = await context.newPage();
  try {
    await page.goto(`${server.base}?example=coroutine&delay=100`);
    await page.waitForSelector('[data-testid=playground]');
    const file = await download(page);
    assert.equal(file.name, 'coroutine.py');
    assert.ok(file.url.startsWith('data:'), file.url.slice(0, 30));
    assert.match(file.text, /^DELAY = 0\.1 /m);
    assert.match(await page.textContent('[data-testid=download-note]'), /through a data: link/);
  } finally {
    await context.close();
  }
});
