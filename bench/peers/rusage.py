#!/usr/bin/env python3
"""Runs a command and reports its wall time and CPU time (user + system, from wait4).

    python3 rusage.py OUT -- COMMAND [ARGS...]

The command's stdout goes to the file OUT; prints one JSON line
{"code", "wall_s", "user_s", "sys_s"} on stdout.
"""
import json
import os
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit("usage: rusage.py OUT -- COMMAND [ARGS...]")
    with open(sys.argv[1], "wb") as out:
        t0 = time.perf_counter()
        child = subprocess.Popen(sys.argv[3:], stdout=out, stderr=subprocess.PIPE)
        # wait4 reaps the child and gives its own resource use, not this process's.
        err = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
    sys.stderr.buffer.write(err)
    print(json.dumps({"code": child.returncode, "wall_s": wall, "user_s": usage.ru_utime, "sys_s": usage.ru_stime}))


if __name__ == "__main__":
    main()
