// End to end: code of one's own. The editor (typing with auto-indent,
// Tab / Shift+Tab, undo, Esc then Tab leaves), Run runs what is in it, a
// `?code=` link with autorun, CPython's syntax errors and tracebacks, a
// lane's line marked in the code, Reset, and Share carrying the program.
// Each test leaves a screenshot in e2e/artifacts/code-*.png.
//
// The tests marked [interpreter] need the Python parser and evaluator
// (src/python/); the others test the page alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForRunState, tasks, shot } from './harness.mjs';
import { DEEP, DEEP_STDOUT, DEEP_LAST, rerunToError } from './deep-recursion.mjs';

// Real timers on a shared 2-core machine: a line may be printed this much
// (ms) after its ideal time, plus the loop lag the page measured.
const TOLERANCE_MS = 150;

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const enc = (s) => encodeURIComponent(s);

const PROGRAM = `import asyncio


async def worker(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} done")
    return name


async def main():
    results = await asyncio.gather(worker("a", 0.3), worker("b", 0.5))
    print("all done", results)


asyncio.run(main())
`;

// When each line is printed on the virtual clock (ms).
const IDEAL_LINES = [
  ['a starts', 0], ['b starts', 0], ['a done', 300], ['b done', 500], ["all done ['a', 'b']", 500],
];

const SYNTAX = `import asyncio

async def main():
    print((1, 2)
    await asyncio.sleep(0.1)

asyncio.run(main())
`;

const RAISES = `import asyncio


async def fail_later():
    await asyncio.sleep(0.2)
    raise ValueError("boom")


async def main():
    print("before")
    await fail_later()
    print("never")


asyncio.run(main())
`;

async function editorValue(page) {
  return page.$eval('[data-testid=editor]', (e) => e.value);
}

async function consoleLines(page) {
  return page.$$eval('[data-testid=console] > li', (els) => els.map((e) => ({
    stream: e.dataset.stream, at: Number(e.dataset.atMs), text: e.dataset.text,
  })));
}

async function stat(page, name) {
  return Number((await page.textContent(`[data-testid=stat-${name}]`)).replace(/[^0-9.]/g, '')) || 0;
}

/** The printed lines match the ideal run's, in order, each within the
 * tolerance plus the page's measured loop lag. */
async function checkLines(page) {
  const lines = (await consoleLines(page)).filter((l) => l.stream === 'stdout');
  assert.deepEqual(lines.map((l) => l.text), IDEAL_LINES.map(([t]) => t));
  const lag = await stat(page, 'loop-lag');
  for (const [i, [text, ideal]] of IDEAL_LINES.entries()) {
    const at = lines[i].at;
    assert.ok(Number.isFinite(at), `${text}: data-at-ms`);
    assert.ok(at >= ideal - 2 && at <= ideal + TOLERANCE_MS + lag, `${text} at ${at} ms, ideal ${ideal} ms (lag ${lag} ms)`);
  }
}

test('[interpreter] a program typed into the editor runs and animates', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=code`);
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-example'), 'code');
  const editor = page.locator('[data-testid=editor]');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Typed as a person types: Enter indents after ':' and keeps the level;
  // after `return`, Enter dedents; Shift+Tab dedents by hand.
  const keys = [
    'import asyncio', 'Enter', 'Enter', 'Enter',
    'async def worker(name, delay):', 'Enter',
    'print(f"{name} starts")', 'Enter',
    'await asyncio.sleep(delay)', 'Enter',
    'print(f"{name} done")', 'Enter',
    'return name', 'Enter', 'Enter', 'Enter',
    'async def main():', 'Enter',
    'results = await asyncio.gather(worker("a", 0.3), worker("b", 0.5))', 'Enter',
    'print("all done", results)', 'Enter', 'Shift+Tab', 'Enter', 'Enter',
    'asyncio.run(main())', 'Enter',
  ];
  for (const k of keys) {
    if (['Enter', 'Shift+Tab'].includes(k)) await page.keyboard.press(k);
    else await page.keyboard.type(k);
  }
  assert.equal(await editorValue(page), PROGRAM);
  await shot(page, 'code-editor-typed');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-task]', { timeout: 5000 });
  // It animates: lanes appear while it runs, then it ends.
  await waitForRunState(page, 'running', 5000).catch(() => {});
  const live = await tasks(page);
  assert.ok(live.length >= 1, 'lanes while running');
  await waitForRunState(page, 'finished', 15000);
  const ts = await tasks(page);
  assert.equal(ts.length, 3, JSON.stringify(ts));
  assert.equal(ts[0].name, 'main()');
  assert.ok(ts.slice(1).every((t) => t.name.startsWith('worker(')), JSON.stringify(ts));
  assert.ok(ts.every((t) => t.state === 'done'));
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-ideal-ms'), '500');
  await checkLines(page);
  // Lanes know their line: main() ended at its print, each worker in its
  // body (lines 5 to 8).
  const lines = await page.$$eval('[data-task]', (els) => els.map((e) => Number(e.dataset.line)));
  assert.equal(lines[0], 13, `main()'s last line: ${lines}`);
  assert.ok(lines.slice(1).every((l) => l >= 5 && l <= 8), `workers' last lines: ${lines}`);
  // The URL carries the typed program.
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('code'), PROGRAM);
  await shot(page, 'code-typed-run');
  assert.deepEqual(errors, []);
  await context.close();
});

test('[interpreter] a ?code= link runs with autorun', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?code=${enc(PROGRAM)}&autorun=1`);
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-example'), 'code');
  await waitForRunState(page, 'finished', 15000);
  assert.equal(await editorValue(page), PROGRAM);
  const root = await page.$('[data-testid=playground]');
  assert.equal(await root.getAttribute('data-ideal-ms'), '500');
  const elapsed = Number(await root.getAttribute('data-elapsed-ms'));
  assert.ok(elapsed >= 498 && elapsed <= 500 + TOLERANCE_MS + await stat(page, 'loop-lag'), `elapsed ${elapsed}`);
  await checkLines(page);
  await shot(page, 'code-link-autorun');
  // The same in an embed, 600 x 400.
  const embed = await openPage(browser, `${srv.base}?code=${enc(PROGRAM)}&autorun=1&embed=1`, { width: 600, height: 400 });
  await waitForRunState(embed.page, 'finished', 15000);
  await shot(embed.page, 'code-embed-600x400');
  await embed.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('[interpreter] a syntax error shows CPython\'s message and line; the run does not start', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=code&code=${enc(SYNTAX)}`);
  await page.click('[data-testid=run]');
  const err = await page.waitForSelector('[data-testid=code-error]', { timeout: 5000 });
  const text = await err.textContent();
  assert.match(text, /SyntaxError: '\(' was never closed/);
  assert.match(text, /line 4/);
  assert.equal(await err.getAttribute('data-line'), '4');
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-run-state'), 'idle');
  assert.equal((await tasks(page)).length, 0, 'nothing ran');
  // The line is marked in the editor (and its number in the gutter).
  assert.match(await page.textContent('.editor-layer .code-line.err'), /print\(\(1, 2\)/);
  assert.equal(await page.textContent('.editor-gutter .err'), '4');
  assert.equal(await page.getAttribute('[data-testid=editor]', 'aria-invalid'), 'true');
  await shot(page, 'code-syntax-error');
  // Fixing the line clears the error.
  await page.fill('[data-testid=editor]', SYNTAX.replace('print((1, 2)', 'print((1, 2))'));
  await page.waitForSelector('[data-testid=code-error]', { state: 'detached', timeout: 2000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('[interpreter] an uncaught exception prints its traceback and ends in error', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?code=${enc(RAISES)}&autorun=1`);
  await waitForRunState(page, 'error', 15000);
  const lines = await consoleLines(page);
  assert.deepEqual(lines.filter((l) => l.stream === 'stdout').map((l) => l.text), ['before']);
  const stderr = lines.filter((l) => l.stream === 'stderr').map((l) => l.text);
  assert.equal(stderr[0], 'Traceback (most recent call last):');
  assert.equal(stderr.at(-1), 'ValueError: boom');
  assert.ok(stderr.includes('  File "main.py", line 6, in fail_later'), stderr.join('\n'));
  const err = await page.waitForSelector('[data-testid=code-error]');
  assert.match(await err.textContent(), /ValueError: boom/);
  assert.match(await err.textContent(), /line 6/);
  assert.match(await page.textContent('.editor-layer .code-line.err'), /raise ValueError/);
  // stderr lines are styled apart.
  const [outBg, errBg] = await page.$$eval('[data-testid=console] > li', (els) => [
    getComputedStyle(els.find((e) => e.dataset.stream === 'stdout')).backgroundColor,
    getComputedStyle(els.find((e) => e.dataset.stream === 'stderr')).backgroundColor,
  ]);
  assert.notEqual(outBg, errBg);
  await shot(page, 'code-traceback');
  assert.deepEqual(errors, []);
  await context.close();
});

test('[interpreter] clicking a lane marks the line its task is at', async () => {
  const { page, context } = await openPage(browser, `${srv.base}?code=${enc(PROGRAM)}&autorun=1`);
  await waitForRunState(page, 'finished', 15000);
  const lane = (await page.$$('[data-task] .lane-track'))[2];
  await lane.scrollIntoViewIfNeeded();
  const box = await lane.boundingBox();
  // At 250 ms worker("b", 0.5) sleeps, at line 6.
  const axis = await page.$$eval('.axis .tick', (t) => Number(t.at(-1).textContent.replace(/[^\d.]/g, '')) * (t.at(-1).textContent.includes(' s') ? 1000 : 1));
  await page.mouse.click(box.x + box.width * (250 / axis), box.y + box.height / 2);
  await page.waitForFunction(() => document.querySelectorAll('[data-task]')[2]?.dataset.line === '6');
  assert.match(await page.textContent('.editor-layer .code-line.here'), /await asyncio\.sleep\(delay\)/);
  await shot(page, 'code-lane-marked');
  // Dark theme and a narrow phone screen.
  await page.goto(`${srv.base}?code=${enc(PROGRAM)}&autorun=1&theme=dark`);
  await waitForRunState(page, 'finished', 15000);
  await shot(page, 'code-dark');
  await context.close();
});

test('the editor: Edit opens it on the lesson, Reset restores, the URL follows', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=coroutine&delay=700`);
  const original = await page.textContent('[data-testid=code]');
  await page.click('[data-testid=edit]');
  const editor = await page.waitForSelector('[data-testid=editor]');
  assert.equal(await editorValue(page), original);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'editor');
  assert.equal(await page.isDisabled('[data-testid=reset-code]'), true);
  // Tab indents; Esc then Tab leaves.
  await page.keyboard.press('Tab');
  assert.equal((await editorValue(page)).slice(0, 4), '    ');
  await page.keyboard.press('Control+Z');
  assert.equal(await editorValue(page), original);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.testid), 'editor', 'Esc then Tab leaves');
  // An edit reaches the URL once typing pauses.
  await editor.fill(original.replace('print("start")', 'print("edited")'));
  await page.waitForFunction(() => new URLSearchParams(location.search).get('code')?.includes('print("edited")'));
  assert.equal(await page.isDisabled('[data-testid=reset-code]'), false);
  await page.waitForSelector('[data-testid=params-note]');
  // A control rewrites its literal in the edited code.
  await page.fill('#param-delay', '1500');
  await page.dispatchEvent('#param-delay', 'change');
  await page.waitForFunction(() => document.querySelector('[data-testid=editor]').value.includes('DELAY = 1.5'));
  assert.match(await editorValue(page), /print\("edited"\)/);
  // A literal edited in the code moves its control.
  await editor.fill((await editorValue(page)).replace('DELAY = 1.5', 'DELAY = 0.25'));
  await page.waitForFunction(() => document.querySelector('#param-delay').value === '250');
  // A literal that is gone: its control says so.
  await editor.fill((await editorValue(page)).replace(/^DELAY = .*$/m, 'DELAY = 2 * 0.1'));
  const note = await page.waitForSelector('[data-testid=literal-note][data-key=delay]');
  assert.match(await note.textContent(), /no longer sets DELAY to a literal/);
  await shot(page, 'code-editor-lesson');
  await page.click('[data-testid=reset-code]');
  assert.equal(await editorValue(page), original.replace('DELAY = 0.7', 'DELAY = 0.25'), 'Reset keeps the parameters');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('code'));
  // Editing only a literal is turning its control: no code= in the URL.
  await editor.fill((await editorValue(page)).replace('DELAY = 0.25', 'DELAY = 0.9'));
  await page.waitForFunction(() => document.querySelector('#param-delay').value === '900');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('delay') === '900');
  assert.equal(new URL(page.url()).searchParams.has('code'), false);
  assert.equal(await page.isDisabled('[data-testid=reset-code]'), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Share carries the edited code, and the link opens it', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?example=semaphore&tasks=4`);
  await page.click('[data-testid=edit]');
  const edited = (await editorValue(page)).replace('print(f"download({i}) start")', 'print(f"download({i}) begins")');
  assert.notEqual(edited, await editorValue(page));
  await page.fill('[data-testid=editor]', edited);
  // At once: the Share menu takes the editor's latest text.
  await page.click('[data-testid=share]');
  const link = await page.inputValue('[data-testid=share-link]');
  assert.equal(new URL(link).searchParams.get('code'), edited);
  const embed = await page.inputValue('[data-testid=share-embed]');
  assert.match(embed, /code=/);
  await page.goto(link);
  await page.waitForSelector('[data-testid=editor]');
  assert.equal(await editorValue(page), edited);
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-example'), 'semaphore');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Your code in the catalog, and on a phone', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}`, { width: 375, height: 812 });
  await page.click('a[data-lesson=code]');
  await page.waitForSelector('[data-testid=editor]');
  assert.equal(await page.getAttribute('[data-testid=playground]', 'data-example'), 'code');
  assert.match(await editorValue(page), /asyncio\.gather\(/);
  // Phone: no Tab key, so the buttons indent and undo.
  await page.tap?.('[data-testid=editor]').catch(() => {});
  await page.click('[data-testid=editor-indent]');
  assert.match(await editorValue(page), /^ {4}/);
  await page.click('[data-testid=editor-undo]');
  assert.match(await editorValue(page), /^import asyncio/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await shot(page, 'code-phone-375');
  assert.deepEqual(errors, []);
  await context.close();
});

test('[interpreter] recursion past the browser\'s stack is a RecursionError, and the page goes on', async () => {
  const { page, context, errors } = await openPage(browser, `${srv.base}?code=${enc(DEEP)}&autorun=1`);
  await waitForRunState(page, 'error', 20000);
  const lines = await consoleLines(page);
  assert.deepEqual(lines.filter((l) => l.stream === 'stdout').map((l) => l.text), DEEP_STDOUT);
  assert.equal(lines.filter((l) => l.stream === 'stderr').at(-1)?.text, DEEP_LAST);
  assert.match(await page.textContent('[data-testid=code-error]'), /RecursionError: maximum recursion depth exceeded/);
  // The page still works: Run again ends the same way.
  await rerunToError(page);
  assert.deepEqual((await consoleLines(page)).filter((l) => l.stream === 'stdout').map((l) => l.text), DEEP_STDOUT);
  await shot(page, 'code-recursion');
  assert.deepEqual(errors, []);
  await context.close();
});
