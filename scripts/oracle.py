#!/usr/bin/env python3
"""CPython as the oracle: runs asyncio programs on a virtual-time event loop.

Usage: python3 scripts/oracle.py PROGRAM.py [...] > results.json
       python3 scripts/oracle.py --source < program.py

For each program it prints (as one JSON object keyed by path) every line the
program printed, with its stream (stdout / stderr) and its scenario time in
milliseconds, and how the program ended:
  "ok"                      asyncio.run returned (or the module ended)
  "error: <Type>: <message>" an exception escaped (its traceback's last line)
  "deadlock"                nothing ready, no timer pending: CPython would hang
  "limit"                   scenario time passed the limit (an hour)

The clock is virtual. One trap: with a clock that stands still, timers set
"at the same instant" tie, and the timer heap pops ties in heap order, not in
the order they were set. A real run never ties (each clock read is a little
later), so the clock advances one nanosecond per read and the selector wakes
one microsecond after the timer it waited for; CPython then gives the order
a real run gives.

`time.time()`, `time.monotonic()`, `time.perf_counter()` read scenario time;
`time.sleep(s)` moves it on by `s` without running anything (it blocks the
loop); `random` is seeded with 0 at the start of every program, as the
playground seeds it.
"""

import asyncio
import io
import json
import os
import random
import selectors
import sys
import time
import traceback
import warnings

LIMIT_S = 3600.0
NS = 1e-9
LATE = 1e-6


class Clock:
    def __init__(self):
        self.t = 0.0

    def read(self):
        self.t += NS
        return self.t


CLOCK = Clock()


class Deadlock(BaseException):
    pass


class Limit(BaseException):
    pass


RECORDERS = []


def stop_recording():
    """A deadlock hangs CPython and a run past the limit goes on forever:
    nothing printed after that point would be seen, so none is recorded
    (not asyncio.run's clean-up, nor 'Task was destroyed' at exit)."""
    for r in RECORDERS:
        r.flush_rest()
        r.stopped = True


class VirtualSelector(selectors.DefaultSelector):
    """Registers file objects as usual but never waits: select() moves the
    virtual clock to the deadline (plus a microsecond) and reports nothing."""

    def select(self, timeout=None):
        if timeout is None:
            stop_recording()
            raise Deadlock()
        if timeout > 0:
            CLOCK.t += timeout + LATE
        if CLOCK.t > LIMIT_S:
            stop_recording()
            raise Limit()
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(VirtualSelector())
        self._clock_resolution = NS

    def time(self):
        return CLOCK.read()


class Policy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualLoop()


class Recorder(io.TextIOBase):
    def __init__(self, stream, lines, t0):
        self.stream = stream
        self.lines = lines
        self.t0 = t0
        self.buf = ""
        self.stopped = False

    def writable(self):
        return True

    def write(self, s):
        if self.stopped:
            return len(s)
        self.buf += s
        while "\n" in self.buf:
            line, self.buf = self.buf.split("\n", 1)
            ms = round((CLOCK.t - self.t0) * 1000.0, 3)
            self.lines.append([ms, self.stream, line])
        return len(s)

    def flush_rest(self):
        if self.buf:
            self.write("\n")


def patch_time():
    time.time = lambda: 1_700_000_000.0 + CLOCK.read()
    time.monotonic = CLOCK.read
    time.perf_counter = CLOCK.read

    def sleep(s):
        CLOCK.t += max(0.0, float(s))

    time.sleep = sleep


def run_one(source, name="main.py"):
    CLOCK.t = 0.0
    t0 = 0.0
    lines = []
    out = Recorder("stdout", lines, t0)
    err = Recorder("stderr", lines, t0)
    RECORDERS[:] = [out, err]
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    random.seed(0)
    ending = "ok"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            code = compile(source, name, "exec")
            exec(code, {"__name__": "__main__", "__file__": name})
    except Deadlock:
        ending = "deadlock"
    except Limit:
        ending = "limit"
    except SystemExit:
        ending = "ok"
    except BaseException as e:  # noqa: BLE001 - the program's own exception
        # Without run_one's own frame: the traceback `python main.py` shows.
        tb = traceback.format_exception(type(e), e, e.__traceback__.tb_next)
        for chunk in tb:
            err.write(chunk)
        last = traceback.format_exception_only(e)[-1].rstrip("\n")
        ending = "error: " + last
    finally:
        import gc

        gc.collect()
        out.flush_rest()
        err.flush_rest()
        sys.stdout, sys.stderr = saved
        asyncio.set_event_loop(None)
    return {"lines": lines, "ending": ending}


def run_isolated(source, name="main.py"):
    """run_one in a forked child, so no state leaks from one program to the
    next: the C Task's name counter (Task-1, Task-2, ...) is a static that
    nothing can reset, and modules, warnings and `random` are shared too."""
    if not hasattr(os, "fork"):
        return run_one(source, name)
    sys.stdout.flush()
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        try:
            data = json.dumps(run_one(source, name)).encode()
        except BaseException as e:  # noqa: BLE001
            data = json.dumps({"lines": [], "ending": "oracle: " + repr(e)}).encode()
        with os.fdopen(wfd, "wb") as w:
            w.write(data)
        os._exit(0)
    os.close(wfd)
    with os.fdopen(rfd, "rb") as r:
        data = r.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def main(argv):
    patch_time()
    asyncio.set_event_loop_policy(Policy())
    results = {}
    if argv[:1] == ["--source"]:
        results["<stdin>"] = run_isolated(sys.stdin.read())
    else:
        for path in argv:
            with open(path, encoding="utf-8") as f:
                results[path] = run_isolated(f.read())
    json.dump(results, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
