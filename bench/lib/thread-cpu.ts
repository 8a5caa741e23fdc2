import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds of one thread of a process. */
export interface ThreadCpu {
  tid: number;
  seconds: number;
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

function readThreads(pid: number): ThreadCpu[] | null {
  try {
    return readdirSync(`/proc/${pid}/task`).map((t) => {
      const stat = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: count fields after it.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return { tid: Number(t), seconds: (Number(f[11]) + Number(f[12])) / TICKS };
    });
  } catch {
    return null;
  }
}

/**
 * Follows the CPU time of every thread of a running process (Linux /proc), polling until
 * `stop()`; returns the last sample, or null where /proc is not available. Threads are
 * read until the process exits, so the figures miss at most the last poll interval.
 */
export function followThreads(pid: number, everyMs = 50): { stop(): ThreadCpu[] | null } {
  const seen = new Map<number, number>();
  let any = false;
  const poll = () => {
    const threads = readThreads(pid);
    if (!threads) return;
    any = true;
    for (const t of threads) seen.set(t.tid, Math.max(seen.get(t.tid) ?? 0, t.seconds));
  };
  poll();
  const timer = setInterval(poll, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return any ? [...seen].map(([tid, seconds]) => ({ tid, seconds })) : null;
    },
  };
}

/**
 * Splits a Node process's thread CPU into the main thread (tid = pid), its `workers`
 * worker threads (the busiest other threads) and the rest: V8's background threads
 * (optimising compiler, garbage collector) and libuv's.
 */
export function splitThreads(pid: number, threads: readonly ThreadCpu[], workers: number): { main: number; workers: number; background: number } {
  const main = threads.find((t) => t.tid === pid)?.seconds ?? 0;
  const others = threads.filter((t) => t.tid !== pid).map((t) => t.seconds).sort((a, b) => b - a);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { main: round(main), workers: round(sum(others.slice(0, workers))), background: round(sum(others.slice(workers))) };
}
