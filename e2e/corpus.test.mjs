// End to end: the CPython corpus in the real page. Every program of
// tests/python_corpus/ (the differential corpus the native oracle test runs
// on the virtual clock) is opened as a learner's link, `?code=...&autorun=1`,
// and runs on the browser's real loop; what the page shows must be what
// CPython 3.11 gives (scripts/oracle.py, run live here with --lanes):
// - the console's stdout lines (data-text), each at its ideal time
//   (data-at-ms) within the lateness the page measured (timing.mjs), in
//   CPython's order — lines CPython prints within the same millisecond from
//   different turns may come in either order in any real run, so only those
//   may trade places;
// - the ending: `ok` is data-run-state=finished, `error: T: msg` is `error`
//   with the traceback's last line `T: msg` on stderr and in
//   [data-testid=code-error], `deadlock` is `deadlock`;
// - the lanes: the [data-task] names are the oracle's lanes;
// - data-ideal-ms and data-elapsed-ms: the run ends on time.
// Chromium runs every program; Firefox a fixed sample (every fourth).
// A program whose ending is `limit` (an hour of scenario time) is left out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch } from './harness.mjs';
import { allowance } from './timing.mjs';
import { haveFirefox, launchFirefox, ffPage, ffRunState } from './firefox-harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(here, '..', 'tests', 'python_corpus');
const ORACLE = path.resolve(here, '..', 'scripts', 'oracle.py');

const FILES = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.py')).sort();
const ENDING_STATE = { ok: 'finished', error: 'error', deadlock: 'deadlock' };

let srv, expected;
before(async () => {
  srv = await serve();
  // CPython, live, on its virtual clock (as tests/python_oracle.rs runs it).
  const out = execFileSync('python3', [ORACLE, '--lanes', ...FILES], {
    cwd: CORPUS, encoding: 'utf8', maxBuffer: 64 << 20,
    env: { ...process.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' },
  });
  expected = JSON.parse(out);
});
after(async () => { await srv?.close(); });

/** What the page shows once its run has ended (works on Playwright and Puppeteer pages). */
function readPage(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid=playground]');
    const num = (v) => (v === null || v === undefined ? null : Number(v));
    return {
      state: root?.dataset.runState,
      ideal: num(root?.getAttribute('data-ideal-ms')),
      elapsed: num(root?.getAttribute('data-elapsed-ms')),
      lines: [...document.querySelectorAll('[data-testid=console] > li')].map((e) => ({
        stream: e.dataset.stream, at: Number(e.dataset.atMs), text: e.dataset.text,
      })),
      // A coroutine never awaited is shown as a lane that stays `created`
      // (to teach it); CPython has no task for it.
      lanes: [...document.querySelectorAll('[data-task]')].filter((e) => e.dataset.state !== 'created').map((e) => e.dataset.taskName),
      error: document.querySelector('[data-testid=code-error]')?.textContent ?? null,
    };
  });
}

/** A program that prints readings of the clock (`loop.time()`, `time.monotonic()`,
 * logging's `asctime`): in a real run each reading carries the real lateness. */
const READS_CLOCK = /\.time\(\)|monotonic\(|perf_counter\(|asctime/;
const NUMBER = /\d+(?:\.\d+)?/g;

/** Whether a page line's text is CPython's: the same text, or for a program
 * that reads the clock the same text around its numbers, each decimal reading
 * (seconds) later than CPython's by at most the allowance (plus its rounding). */
function sameText(got, want, clock, lateMs) {
  if (got === want) return true;
  if (!clock || got.replace(NUMBER, '#') !== want.replace(NUMBER, '#')) return false;
  const g = got.match(NUMBER) ?? [];
  const w = want.match(NUMBER) ?? [];
  return g.every((x, i) => {
    if (!x.includes('.')) return true; // asctime's fields, counts: the shape was compared
    const unit = 10 ** -(x.split('.')[1].length);
    return Number(x) >= Number(w[i]) - unit && Number(x) <= Number(w[i]) + lateMs / 1000 + unit;
  });
}

/** The lane of a task as both sides can name it: the function of a call
 * (`job(1, fail=True)` is `job`) or the name given (tests/python_oracle.rs,
 * lane_key: the page names a call by its arguments as written, the oracle by
 * the bound parameters). */
const laneKey = (name) => name.split('(')[0];
/** Programs whose printed order is a race between timers on the real clock:
 * which line comes first depends on how late each timer fires, in CPython
 * as here. Their ending and lanes are compared, not their lines. */
const REAL_TIME_RACES = new Map([
  ['tut_create_task_cancel.py', "a ticker's three chained 100 ms sleeps drift, each a little late, past main's one 350 ms sleep"],
]);

/** Matches the page's stdout lines to CPython's: same texts, each page line
 * one of the earliest CPython lines not yet matched (those within 1 ms of the
 * earliest). Returns [pageLine, idealMs] pairs, or throws saying where they part. */
function matchLines(got, want, clock = false, lateMs = 0) {
  const left = want.map(([at, , text]) => ({ at, text }));
  const pairs = [];
  for (const [i, g] of got.entries()) {
    const first = left[0];
    const j = first ? left.findIndex((w) => w.at <= first.at + 1 && sameText(g.text, w.text, clock, lateMs)) : -1;
    if (j < 0) {
      const ctx = left.slice(0, 3).map((w) => `${w.text} @${w.at}`).join(' | ') || '(no more lines)';
      throw new Error(`stdout line ${i + 1} is ${JSON.stringify(g.text)} @${g.at} ms; CPython's next: ${ctx}`);
    }
    pairs.push([g, left[j].at]);
    left.splice(j, 1);
  }
  if (left.length) throw new Error(`missing stdout lines: ${left.slice(0, 3).map((w) => JSON.stringify(w.text)).join(', ')}`);
  return pairs;
}

async function check(page, file, shown) {
  const exp = expected[file];
  const [kind, ...rest] = exp.ending.split(': ');
  assert.equal(shown.state, ENDING_STATE[kind], `${file}: run state (CPython: ${exp.ending})`);
  const stdout = shown.lines.filter((l) => l.stream === 'stdout');
  const a = await allowance(page);
  const clock = READS_CLOCK.test(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
  const pairs = REAL_TIME_RACES.has(file) ? [] : matchLines(stdout, exp.lines.filter((l) => l[1] === 'stdout'), clock, a.ms);
  for (const [g, ideal] of pairs) {
    assert.ok(Number.isFinite(g.at) && g.at >= ideal - 2 && g.at <= ideal + a.ms,
      `${file}: ${JSON.stringify(g.text)} at ${g.at} ms, ideal ${ideal} ms; allowed ${Math.round(a.ms)} ms late`);
  }
  if (kind === 'error') {
    const last = rest.join(': ');
    // The playground's own notes (`playground: the task ... is not kept
    // anywhere`) come after the traceback; they are not CPython's.
    const stderr = shown.lines.filter((l) => l.stream === 'stderr' && !l.text.startsWith('playground: ')).map((l) => l.text);
    // An exception group's traceback ends with its box (`  +----...`), as
    // CPython's does; the group's own line comes before the box.
    const boxed = /^\s+\+-+$/.test(stderr.at(-1) ?? '');
    if (boxed) {
      assert.ok(stderr.some((l) => l.trimStart().replace(/^\| /, '') === last),
        `${file}: the group's line ${last} is in the traceback`);
    } else assert.equal(stderr.at(-1), last, `${file}: the traceback's last line`);
    assert.ok(shown.error?.includes(last), `${file}: code-error ${JSON.stringify(shown.error)} names ${last}`);
  }
  const got = shown.lanes.map(laneKey).sort();
  const want = exp.tasks.map(laneKey).sort();
  assert.deepEqual(got, want, `${file}: lanes ${JSON.stringify(shown.lanes)}, CPython's ${JSON.stringify(exp.tasks)}`);
  if (kind !== 'deadlock') {
    const lastAt = Math.max(0, ...exp.lines.map((l) => l[0]));
    assert.ok(shown.ideal !== null && shown.ideal >= Math.floor(lastAt) && shown.ideal <= Math.ceil(lastAt) + 1500,
      `${file}: data-ideal-ms ${shown.ideal}, CPython's last line at ${lastAt} ms`);
    assert.ok(shown.elapsed !== null && shown.elapsed >= shown.ideal - 2 && shown.elapsed <= shown.ideal + a.ms,
      `${file}: data-elapsed-ms ${shown.elapsed} for an ideal of ${shown.ideal} ms; allowed ${Math.round(a.ms)} ms late`);
  }
}

const url = (file) => `${srv.base}?code=${encodeURIComponent(fs.readFileSync(path.join(CORPUS, file), 'utf8'))}&autorun=1`;
// CORPUS_ONLY=regex runs only the programs it matches (to look into one).
const ONLY = process.env.CORPUS_ONLY ? new RegExp(process.env.CORPUS_ONLY) : null;
const runnable = () => FILES.filter((f) => ENDING_STATE[expected[f].ending.split(': ')[0]] && (!ONLY || ONLY.test(f)));
const TIMEOUT = (file) => 20000 + Math.max(0, ...expected[file].lines.map((l) => l[0])) * 3;

const ENDED = ['finished', 'error', 'deadlock', 'stopped'];

/** Runs `files` one page each (`open(file)` gives the page, its context,
 * its page errors and `ended()`, which waits for the run's end), checks each
 * against CPython, and fails with every program that disagrees; `min`
 * programs at least. */
async function runAll(name, browser, files, open, min) {
  const failures = [];
  try {
    for (const file of files) {
      const { page, context, errors, ended } = await open(file);
      try {
        await ended();
        await check(page, file, await readPage(page));
        assert.deepEqual(errors, [], `${file}: page errors`);
      } catch (e) {
        failures.push(`${file}: ${e.message.split('\n')[0].slice(0, 400)}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`# ${name}: ${files.length - failures.length} of ${files.length} corpus programs agree with CPython in the page`);
  assert.ok(ONLY ? files.length > 0 : files.length >= min, `only ${files.length} programs ran`);
  assert.deepEqual(failures, []);
}

test('[interpreter] Chromium: every corpus program as a ?code= link agrees with CPython', async () => {
  const browser = await launch();
  await runAll('Chromium', browser, runnable(), async (file) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const ended = async () => {
      await page.goto(url(file));
      await page.waitForSelector('[data-testid=playground]');
      await page.waitForFunction(
        (w) => w.includes(document.querySelector('[data-testid=playground]')?.dataset.runState),
        ENDED, { timeout: TIMEOUT(file) });
    };
    return { page, context, errors, ended };
  }, 80);
});

test('firefox: [interpreter] a sample of the corpus as ?code= links agrees with CPython',
  { skip: haveFirefox() ? false : 'firefox-esr is not installed (scripts/setup.sh installs it)' }, async () => {
    const browser = await launchFirefox();
    const sample = runnable().filter((_, i) => i % 4 === 0);
    await runAll('Firefox', browser, sample, async (file) => {
      const opened = await ffPage(browser, url(file));
      return { ...opened, ended: () => ffRunState(opened.page, ENDED, TIMEOUT(file)) };
    }, 20);
  });
