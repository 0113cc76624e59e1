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

Each result also has "tasks": the lanes the program made, in the order they
started, named as the visualiser names them: an asyncio Task by the
`name=` given to create_task, else by its coroutine's call with its simple
argument values (ints, floats, strings, bools, None; other objects left out):
`download(i, sem)` with i=0 is `download(0)`; a coroutine of the program
awaited directly (not as a task) is a lane too, named by its call as written
(`await conn.query("SELECT 1")` is `conn.query('SELECT 1')`); dunder methods
(`__aenter__`, ...) and comprehensions are not. A task of asyncio's own
coroutine is named by the coroutine alone (`create_task(asyncio.sleep(1))`
is `sleep()`; `wait_for(ev.wait(), 1)` wraps `ev.wait()` in a task, `wait()`).
The aclose() of an async generator the loop closes (its finalizer, or
shutdown_asyncgens) is a task `aclose()`; asyncio.run's own clean-up
coroutines are not lanes. A program that starts no task is one lane,
`<module>`.

`time.time()`, `time.monotonic()`, `time.perf_counter()` read scenario time;
`time.sleep(s)` moves it on by `s` without running anything (it blocks the
loop); `random` is seeded with 0 at the start of every program, as the
playground seeds it.

Fakes for what CPython cannot do on a virtual clock (oracle only):
- `scripts/oracle_shims/` is put first on sys.path: its `aiohttp` answers the
  bundled mock API (see that module).
- CPU work: a plain function of the program whose first parameter is named
  `seconds` is CPU work that takes that long. Called inline, it blocks the
  loop for `seconds` of scenario time (like `time.sleep`); inside it the first
  clock read gives its start and every later read its end, so a loop
  `while time.monotonic() < end:` never runs its body (the second read is
  already at the end): the work takes its time and computes nothing.
- `loop.run_in_executor(executor, func, *args)` runs no thread or process:
  it is a task named `run_in_executor(func, <simple args>)` that sleeps
  `args[0]` seconds when that is a number (the work's duration, by the
  convention above; else 0) and then returns `func(*args)`, evaluated on a
  private clock (first read 0, later reads `args[0]`), so the loop's clock
  is untouched.
"""

import asyncio
import dis
import io
import os
import re
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

# CPU work in progress: None, or [start, seconds, reads, inline].
WORK = None


def user_clock():
    """A clock read by the program (time.monotonic() and kin)."""
    global WORK
    if WORK is None:
        return CLOCK.read()
    start, seconds, reads, inline = WORK
    WORK[2] += 1
    if inline:
        if reads == 0:
            WORK[0] = CLOCK.read()
            return WORK[0]
        # Exactly `first read + seconds` or later, so `now < start + seconds`
        # is false however the floats round.
        CLOCK.t = max(CLOCK.t, start + seconds)
        return CLOCK.t
    return start if reads == 0 else start + seconds


SIMPLE = (bool, int, float, str, type(None))


def simple_args(values):
    return ", ".join(repr(v) for v in values if isinstance(v, SIMPLE))


def coro_name(coro, filename=None):
    """`download(0)` for the coroutine object of `download(0, sem)`; `sleep()`
    for one of a library's coroutines (not defined in `filename`)."""
    code = getattr(coro, "cr_code", None)
    frame = getattr(coro, "cr_frame", None)
    if type(coro).__name__ == "async_generator_athrow":
        # What the asyncgen finalizer and shutdown_asyncgens wrap in a task.
        return "aclose()"
    if code is None or frame is None:
        return getattr(coro, "__name__", type(coro).__name__) + "()"
    if filename is not None and code.co_filename != filename:
        return code.co_name + "()"
    return frame_name(code, frame.f_locals)


def frame_name(code, f_locals, callee=None):
    n = code.co_argcount + code.co_kwonlyargcount
    names = code.co_varnames[:n]
    if names and names[0] in ("self", "cls"):
        names = names[1:]
    args = simple_args([f_locals.get(a) for a in names if a in f_locals])
    return f"{callee or code.co_name}({args})"


class Lanes:
    """The lanes of one run, for the "tasks" list."""

    def __init__(self, filename, source):
        self.filename = filename
        self.lines = source.splitlines()
        self.names = []
        self.resume = {}

    def resolved(self):
        out = []
        for entry in self.names:
            if isinstance(entry, tuple):
                task, name = entry
                given = task.get_name()
                if not re.fullmatch(r"Task-\d+", given):
                    name = given
                entry = name
            out.append(entry)
        return out

    def first_entry(self, frame):
        code = frame.f_code
        at = self.resume.get(code)
        if at is None:
            at = next(
                (i.offset for i in dis.get_instructions(code) if i.opname == "RESUME"),
                0,
            )
            self.resume[code] = at
        return frame.f_lasti <= at

    def callee_text(self, caller):
        """`conn.query` for the call the caller is awaiting, if readable."""
        try:
            positions = list(caller.f_code.co_positions())
            lineno, end_lineno, col, end_col = positions[caller.f_lasti // 2]
        except (IndexError, ValueError, TypeError):
            return None
        if lineno is None or lineno != end_lineno or col is None:
            return None
        if caller.f_code.co_filename != self.filename or lineno > len(self.lines):
            return None
        text = self.lines[lineno - 1][col:end_col].strip()
        if text.startswith("await "):
            text = text[len("await ") :].strip()
        head = text.split("(", 1)[0].strip()
        if head and all(part.isidentifier() for part in head.split(".")):
            return head
        return None

    def trace(self, frame, event, arg):
        global WORK
        if event != "call":
            return None
        code = frame.f_code
        if code.co_filename != self.filename:
            return None
        if code.co_flags & inspect_CO_COROUTINE:
            # Dunder methods and comprehensions (`<listcomp>`: a coroutine
            # of its own in 3.11 when it holds `async for`) are not lanes.
            if code.co_name.startswith(("__", "<")) or not self.first_entry(frame):
                return None
            try:
                task = asyncio.current_task()
            except RuntimeError:
                task = None
            top = task.get_coro() if task is not None else None
            if getattr(top, "cr_frame", None) is frame:
                return None
            callee = self.callee_text(frame.f_back) if frame.f_back else None
            if callee is not None and callee.rsplit(".", 1)[-1] != code.co_name:
                callee = None
            self.names.append(frame_name(code, frame.f_locals, callee))
            return None
        if (
            WORK is None
            and code.co_argcount >= 1
            and code.co_varnames[0] == "seconds"
            and not code.co_flags & (inspect_CO_GENERATOR | inspect_CO_ASYNC_GENERATOR)
        ):
            seconds = frame.f_locals.get("seconds")
            if isinstance(seconds, (int, float)) and not isinstance(seconds, bool):
                WORK = [CLOCK.t, max(0.0, float(seconds)), 0, True]

                def local(frame, event, arg):
                    global WORK
                    if event == "return":
                        WORK = None
                    return local

                return local
        return None


inspect_CO_COROUTINE = 0x80
inspect_CO_GENERATOR = 0x20
inspect_CO_ASYNC_GENERATOR = 0x200
LANES = None


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


# asyncio's debug log names the selector class ("Using selector: ..."):
# name it as a real loop on Linux does.
VirtualSelector.__name__ = VirtualSelector.__qualname__ = selectors.DefaultSelector.__name__


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(VirtualSelector())
        self._clock_resolution = NS

    def time(self):
        return CLOCK.read()

    def create_task(self, coro, *, name=None, context=None):
        task = super().create_task(coro, name=name, context=context)
        code = getattr(coro, "cr_code", None)
        machinery = code is not None and code.co_name in (
            "shutdown_asyncgens",
            "shutdown_default_executor",
        )
        if LANES_ON and LANES is not None and not machinery:
            # create_task(coro, name=...) names the task after this call; a
            # task of asyncio's own coroutine (`create_task(asyncio.sleep(1))`,
            # the task wait_for wraps around `ev.wait()`) is a lane too, named
            # by the coroutine alone: `sleep()`, `wait()`.
            LANES.names.append((task, name or coro_name(coro, LANES.filename)))
        return task

    def run_in_executor(self, executor, func, *args):
        """No thread, no process: a task that takes the work's time."""
        seconds = args[0] if args else 0.0
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool):
            seconds = 0.0
        seconds = max(0.0, float(seconds))

        async def job():
            global WORK
            await asyncio.sleep(seconds)
            saved, WORK = WORK, [0.0, seconds, 0, False]
            try:
                return func(*args)
            finally:
                WORK = saved

        fname = getattr(func, "__name__", type(func).__name__)
        rest = simple_args(args)
        label = f"run_in_executor({fname}{', ' + rest if rest else ''})"
        return self.create_task(job(), name=label)


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
    time.time = lambda: 1_700_000_000.0 + user_clock()
    time.monotonic = user_clock
    time.perf_counter = user_clock

    def sleep(s):
        CLOCK.t += max(0.0, float(s))

    time.sleep = sleep


def run_one(source, name="main.py"):
    global LANES, WORK
    CLOCK.t = 0.0
    WORK = None
    LANES = Lanes(name, source)
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
            if LANES_ON:
                sys.settrace(LANES.trace)
            try:
                exec(code, {"__name__": "__main__", "__file__": name})
            finally:
                sys.settrace(None)
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
        for mod in [m for m in sys.modules if m == "aiohttp" or m.startswith("aiohttp.")]:
            del sys.modules[mod]
    result = {"lines": lines, "ending": ending}
    if LANES_ON:
        result["tasks"] = LANES.resolved() or ["<module>"]
    return result


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


LANES_ON = False


def main(argv):
    global LANES_ON
    # `--lanes`: also list the lanes ("tasks"). Tracing holds frames, which
    # delays garbage collection (and so CPython's "never retrieved" and
    # "destroyed but pending" messages): only the lesson tests ask for it.
    if argv[:1] == ["--lanes"]:
        LANES_ON = True
        argv = argv[1:]
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "oracle_shims"))
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
