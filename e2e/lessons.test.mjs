// End to end: the lessons of the curriculum (all but the real-I/O ones, see
// io.test.mjs), each opened by URL with autorun=1 in Chromium, on real
// timers. Each must end (finished, or deadlock for `deadlock`), carry the
// contract's attributes, show its claim coarsely in real time, print no
// console error, and leave a screenshot in e2e/artifacts/lesson-<id>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, waitForRunState, tasks, shot } from './harness.mjs';
import { allowance, assertIdeal } from './timing.mjs';

// Real timers: an event may come after its ideal time by what the page
// measured as its loop's lateness in the same run (timing.mjs), never
// before it (2 ms of rounding aside). Set per lesson, once it has ended.
let allowed = { ms: 100 };
const STATES = ['created', 'ready', 'running', 'sleeping', 'fetching', 'waiting', 'done', 'failed', 'cancelled'];
const FINAL = ['done', 'failed', 'cancelled'];

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

function near(actual, ideal, what) {
  assert.ok(actual >= ideal - 2 && actual <= ideal + allowed.ms,
    `${what}: ${actual} ms, ideal ${ideal} ms; allowed ${Math.round(allowed.ms)} ms late (heartbeat total ${allowed.total}, worst ${allowed.worst})`);
}

function byName(ts, name) {
  const found = ts.filter((t) => t.name === name);
  assert.ok(found.length > 0, `no task ${name} in ${JSON.stringify(ts.map((t) => t.name))}`);
  return found;
}

/** Opens the lesson by URL with autorun=1, waits for its end, checks the
 * contract's attributes, runs `check`, saves a screenshot. */
async function lesson(id, params, { end = 'finished', ideal, shotName = `lesson-${id}`, check }) {
  const url = `${srv.base}?example=${id}&${params}&autorun=1`;
  const { page, context, errors } = await openPage(browser, url);
  try {
    await waitForRunState(page, end, 20000);
    const root = await page.$('[data-testid=playground]');
    assert.equal(await root.getAttribute('data-example'), id);
    assert.equal(await page.isHidden('[data-testid=notice]'), true, 'no correction needed');
    const elapsed = Number(await root.getAttribute('data-elapsed-ms'));
    allowed = await allowance(page);
    if (end === 'finished' || end === 'error') await assertIdeal(page, ideal, id);
    near(elapsed, ideal, `${id} elapsed`);
    const ts = await tasks(page);
    assert.ok(ts.length > 0);
    for (const t of ts) {
      assert.ok(t.name, 'data-task-name');
      assert.ok(STATES.includes(t.state), `${t.name}: data-state ${t.state}`);
      assert.ok(Number.isFinite(t.start) && t.start >= 0, `${t.name}: data-start-ms ${t.start}`);
      if (FINAL.includes(t.state)) {
        assert.ok(Number.isFinite(t.end) && t.end >= t.start, `${t.name}: data-end-ms ${t.end}`);
      } else {
        assert.equal(t.end, null, `${t.name} (${t.state}) has no data-end-ms`);
      }
    }
    const lines = await page.$$eval('[data-testid=console] [data-stream=stdout] .line-text', (l) => l.map((x) => x.textContent));
    const errLines = await page.$$eval('[data-testid=console] [data-stream=stderr]', (l) => l.map((x) => x.getAttribute('data-text')));
    const stat = async (name) => Number((await page.textContent(`[data-testid=stat-${name}]`)).replace(/[^0-9.]/g, ''));
    await check({ page, ts, lines, errLines, elapsed, stat });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${id}: the page scrolls sideways by ${overflow}px`);
    await shot(page, shotName);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

test('create-task: workers tick, then their lanes end cancelled at cancel_after', () =>
  lesson('create-task', 'interval_a=300&interval_b=700&cancel_after=1000', {
    ideal: 1000,
    check: async ({ ts, lines }) => {
      for (const name of ["worker('a')", "worker('b')"]) {
        const [w] = byName(ts, name);
        assert.equal(w.state, 'cancelled', name);
        near(w.end, 1000, `${name} cancelled`);
      }
      assert.equal(byName(ts, 'main()')[0].state, 'done');
      assert.deepEqual(lines.filter((l) => l.startsWith('a tick')), ['a tick 1', 'a tick 2', 'a tick 3']);
      assert.deepEqual(lines.filter((l) => l.startsWith('b tick')), ['b tick 1']);
      assert.deepEqual(lines.slice(-2), ["worker('a') cancelled", "worker('b') cancelled"]);
    },
  }));

test('blocking-call: time.sleep freezes the loop, then awaiting does not', () =>
  lesson('blocking-call', 'tasks=3&delay=300&block=1000', {
    ideal: 2000,
    check: async ({ ts, stat }) => {
      const fetches = ts.filter((t) => t.name.startsWith('fetch('));
      assert.equal(fetches.length, 6);
      const phase1 = fetches.filter((t) => t.start < 500);
      const phase2 = fetches.filter((t) => t.start >= 500);
      assert.equal(phase1.length, 3);
      // Due at 300, they end only when the 1 s busy-wait returns.
      for (const f of phase1) near(f.end, 1000, `${f.name} (phase 1)`);
      const [blocker] = byName(ts, 'compute_blocking()');
      near(blocker.end, 1000, 'the busy-wait');
      // Phase 2: on time, 300 ms after they start.
      for (const f of phase2) near(f.end - f.start, 300, `${f.name} (phase 2)`);
      assert.ok(ts.every((t) => t.state === 'done'));
      // The heartbeat was held up by about the block.
      const lag = await stat('loop-lag');
      assert.ok(lag >= 850, `loop lag ${lag} ms`);
    },
  }));

test('forgotten-await: the coroutine stays created and the warning is printed', () =>
  lesson('forgotten-await', 'delay=500', {
    ideal: 500,
    check: async ({ ts, lines, errLines }) => {
      const [forgotten] = byName(ts, "save('report')");
      assert.equal(forgotten.state, 'created');
      assert.equal(forgotten.end, null);
      const [backup] = byName(ts, "save('backup')");
      assert.equal(backup.state, 'done');
      // CPython's warning, on stderr (the Rust version prints it).
      const warned = [...lines, ...errLines];
      assert.ok(warned.includes("RuntimeWarning: coroutine 'save' was never awaited"), warned.join('\n'));
      assert.ok(!lines.includes('saved report'));
      assert.ok(lines.includes('saved backup'));
    },
  }));

test('semaphore-inside: a semaphore per call limits nothing', () =>
  lesson('semaphore-inside', 'tasks=6&limit=2&delay=600', {
    ideal: 600,
    check: async ({ ts, stat }) => {
      assert.equal(await stat('max-concurrency'), 6);
      const downloads = ts.filter((t) => t.name.startsWith('download('));
      assert.equal(downloads.length, 6);
      for (const d of downloads) near(d.end, 600, d.name);
      assert.ok(ts.every((t) => t.state === 'done'));
    },
  }));

test('gather-errors: the error reaches main at once and gather cancels nothing', () =>
  lesson('gather-errors', 'tasks=4&fail=1&return_exceptions=0', {
    ideal: 1050,
    check: async ({ ts, lines }) => {
      const want = [['done', 300], ['failed', 600], ['done', 900], ['cancelled', 1050]];
      for (const [i, [state, end]] of want.entries()) {
        const [j] = byName(ts, `job(${i})`);
        assert.equal(j.state, state, j.name);
        near(j.end, end, j.name);
      }
      assert.ok(lines.includes("gather raised ValueError('job 1 failed')"), lines.join('\n'));
      assert.ok(lines.indexOf("gather raised ValueError('job 1 failed')") < lines.indexOf('job(2) done'));
      assert.equal(lines.at(-1), 'main returns');
    },
  }));

test('gather-errors with return_exceptions=1: every outcome, in order', () =>
  lesson('gather-errors', 'tasks=4&fail=1&return_exceptions=1', {
    ideal: 1200,
    shotName: 'lesson-gather-errors-return-exceptions',
    check: async ({ ts, lines }) => {
      assert.equal(lines.at(-1), "[0, ValueError('job 1 failed'), 2, 3]");
      assert.ok(ts.every((t) => t.state !== 'cancelled'));
      assert.equal(byName(ts, 'job(1)')[0].state, 'failed');
    },
  }));

test('timeout: wait_for cancels the operation at the timeout', () =>
  lesson('timeout', 'delay=2000&timeout=800', {
    ideal: 800,
    check: async ({ ts, lines }) => {
      const [op] = byName(ts, 'slow_operation()');
      assert.equal(op.state, 'cancelled');
      near(op.end, 800, 'cancelled at the timeout');
      assert.equal(byName(ts, 'main()')[0].state, 'done');
      assert.ok(lines.at(-1).startsWith('TimeoutError'), lines.at(-1));
      assert.ok(!lines.includes('slow_operation() done'));
    },
  }));

test('retry: attempts and doubling backoff waits until success', () =>
  lesson('retry', 'retries=3&base=200&failures=2', {
    ideal: 900,
    check: async ({ ts, lines }) => {
      const want = [['call_api(1)', 'failed', 0, 100], ['call_api(2)', 'failed', 300, 400], ['call_api(3)', 'done', 800, 900]];
      for (const [name, state, start, end] of want) {
        const [a] = byName(ts, name);
        assert.equal(a.state, state, name);
        near(a.start, start, `${name} start`);
        near(a.end, end, `${name} end`);
      }
      assert.deepEqual(lines, ['attempt 1 failed; retrying in 0.2 s', 'attempt 2 failed; retrying in 0.4 s', 'ok']);
    },
  }));

test('retry: all attempts fail and main gives up', () =>
  lesson('retry', 'retries=2&base=100&failures=5', {
    ideal: 3 * 100 + 100 + 200,
    // main() raises: the run ends in error, its traceback on stderr.
    end: 'error',
    shotName: 'lesson-retry-gives-up',
    check: async ({ page, ts, lines, errLines }) => {
      assert.equal(byName(ts, 'main()')[0].state, 'failed');
      assert.equal(errLines.at(-1), 'ConnectionError: attempt 3 failed');
      assert.match(await page.textContent('[data-testid=code-error]'), /ConnectionError: attempt 3 failed/);
      assert.equal(ts.filter((t) => t.name.startsWith('call_api(') && t.state === 'failed').length, 3);
      assert.equal(lines.at(-1), 'giving up after 3 attempts');
    },
  }));

test('queue: every item processed exactly once; the producer waits when full', () =>
  lesson('queue', 'items=8&consumers=2&maxsize=2&produce=100&consume=500', {
    ideal: 2200,
    check: async ({ ts, lines }) => {
      const processed = lines.filter((l) => l.includes(' processed ')).map((l) => Number(l.split(' processed ')[1]));
      assert.deepEqual([...processed].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7]);
      assert.deepEqual(lines.filter((l) => l.startsWith('put ')), [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `put ${i}`));
      assert.equal(byName(ts, 'producer()')[0].state, 'done');
      for (const c of ['consumer(0)', 'consumer(1)']) {
        const [x] = byName(ts, c);
        assert.equal(x.state, 'cancelled', c);
        near(x.end, 2200, `${c} cancelled after q.join()`);
      }
    },
  }));

test('async-iterator: one value per delay, in one task', () =>
  lesson('async-iterator', 'count=5&delay=200', {
    ideal: 1000,
    check: async ({ ts, lines }) => {
      assert.equal(ts.length, 1);
      assert.deepEqual(lines, ['got 0', 'got 1', 'got 2', 'got 3', 'got 4', 'done']);
    },
  }));

test('context-manager: the connection is closed even when the query fails', () =>
  lesson('context-manager', 'connect=300&query=500&fail=1', {
    ideal: 800,
    check: async ({ ts, lines }) => {
      assert.equal(byName(ts, "conn.query('SELECT 1')")[0].state, 'failed');
      assert.equal(byName(ts, 'main()')[0].state, 'done');
      assert.deepEqual(lines, [
        'connecting', 'connected',
        'connection closed (exc_type=RuntimeError)',
        "main caught RuntimeError('query failed')",
      ]);
    },
  }));

test('context-manager: and closed at the end of a block that succeeds', () =>
  lesson('context-manager', 'connect=200&query=300&fail=0', {
    ideal: 500,
    shotName: 'lesson-context-manager-ok',
    check: async ({ lines }) => {
      assert.deepEqual(lines.slice(-2), ['[(1,)]', 'connection closed (exc_type=None)']);
    },
  }));

test('race-condition: updates are lost without the lock', () =>
  lesson('race-condition', 'tasks=3&increments=3&lock=0', {
    ideal: 1200,
    check: async ({ lines }) => {
      const m = /counter = (\d+), expected 9, lost (\d+)/.exec(lines.at(-1));
      assert.ok(m, lines.at(-1));
      assert.ok(Number(m[2]) > 0, 'some updates lost');
      assert.equal(Number(m[1]) + Number(m[2]), 9);
    },
  }));

test('race-condition: none lost with the lock', () =>
  lesson('race-condition', 'tasks=3&increments=2&lock=1&pause=0', {
    ideal: 600,
    shotName: 'lesson-race-condition-lock',
    check: async ({ lines }) => {
      // One at a time inside the lock: 6 steps of 0.1 s one after another
      // (the ideal, 600 ms, is checked above; without the lock it is 200).
      assert.equal(lines.at(-1), 'counter = 6, expected 6, lost 0');
    },
  }));

test('deadlock: opposite order ends as a deadlock', () =>
  lesson('deadlock', 'hold=400&order=opposite', {
    end: 'deadlock',
    ideal: 400,
    check: async ({ ts, lines }) => {
      for (const name of ['task_1()', 'task_2()', 'main()']) {
        assert.equal(byName(ts, name)[0].state, 'waiting', name);
      }
      assert.deepEqual(lines.filter((l) => l.includes('wants')), ['task_1 wants b', 'task_2 wants a']);
      assert.ok(!lines.includes('both done'));
    },
  }));

test('deadlock: the same order finishes', () =>
  lesson('deadlock', 'hold=300&order=same', {
    ideal: 600,
    shotName: 'lesson-deadlock-same',
    check: async ({ ts, lines }) => {
      assert.ok(ts.every((t) => t.state === 'done'));
      assert.equal(lines.at(-1), 'both done');
    },
  }));

test('daemon: the background task is cancelled when main returns', () =>
  lesson('daemon', 'main=1000&interval=300', {
    ideal: 1000,
    check: async ({ ts, lines }) => {
      const [beat] = byName(ts, 'heartbeat()');
      assert.equal(beat.state, 'cancelled');
      near(beat.end, 1000, 'cancelled with main');
      assert.equal(byName(ts, 'main()')[0].state, 'done');
      assert.deepEqual(lines, ['heartbeat 1', 'heartbeat 2', 'heartbeat 3', 'main returns']);
    },
  }));
