#!/usr/bin/env python3
"""Times a program's `asyncio.run(...)` in CPython, for scripts/bench.mjs.

Usage: python3 scripts/bench_programs/cpython_time.py PROGRAM.py [REPS]

Runs the program REPS times (default 3) in this process, with its prints
going to /dev/null, and prints one JSON object: for each run, the real
seconds (`time.perf_counter`) and the CPU seconds (`time.process_time`, which
leaves out the time the loop waits for its timers) around `asyncio.run`."""

import asyncio
import json
import os
import sys
import time

path = sys.argv[1]
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
source = open(path).read()
code = compile(source, path, "exec")
real_run = asyncio.run
times = []


def timed_run(main, **kwargs):
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        return real_run(main, **kwargs)
    finally:
        times.append({"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0})


asyncio.run = timed_run
out = sys.stdout
with open(os.devnull, "w") as devnull:
    sys.stdout = devnull
    try:
        for _ in range(reps):
            exec(code, {"__name__": "__main__"})
    finally:
        sys.stdout = out
print(json.dumps({"python": sys.version.split()[0], "runs": times}))
