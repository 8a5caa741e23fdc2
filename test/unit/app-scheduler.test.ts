import { describe, expect, it, vi } from 'vitest';
import { createLatestRequest } from '../../src/runner/latest-request.ts';
import { createLatestScheduler, isAbort, PREVIEW_PATIENCE_MS } from '../../src/runner/latest-scheduler.ts';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('latest-wins scheduler', () => {
  /** A preview that never ends by itself (a huge world) and rejects when its signal fires. */
  const endless = (started: number[]) => (job: number, signal: AbortSignal) => {
    started.push(job);
    return new Promise<number>((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  };

  it('aborts a preview that has run its patience for a newer request, which is then run', async () => {
    vi.useFakeTimers();
    try {
      const started: number[] = [];
      const shown: number[] = [];
      const s = createLatestScheduler<number, number, number>({
        preview: (job, signal) => (job === 1 ? endless(started)(job, signal) : (started.push(job), Promise.resolve(job))),
        refine: async (job) => job,
        onPreview: (job) => shown.push(job),
        onRefined: () => {},
        onError: (_j, e) => {
          throw e;
        },
      });
      s.request(1);
      s.request(2);
      await vi.advanceTimersByTimeAsync(PREVIEW_PATIENCE_MS - 10);
      expect(started).toEqual([1]);
      await vi.advanceTimersByTimeAsync(20);
      expect(started).toEqual([1, 2]);
      expect(shown).toEqual([2]);
      expect(s.busy).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('cancels a preview in progress and delivers nothing for it', async () => {
    const started: number[] = [];
    const delivered: string[] = [];
    const s = createLatestScheduler<number, number, number>({
      preview: endless(started),
      refine: async (job) => job,
      onPreview: (job) => delivered.push(`p${job}`),
      onRefined: (job) => delivered.push(`r${job}`),
      onError: (job) => delivered.push(`e${job}`),
    });
    s.request(1);
    expect(s.busy).toBe(true);
    s.cancel();
    await tick();
    expect(s.busy).toBe(false);
    expect(delivered).toEqual([]);
    expect(s.latest).toBeUndefined();
  });

  it('coalesces a burst: runs the first and the last request only, aborts stale refinements', async () => {
    const previews: number[] = [];
    const shown: string[] = [];
    const aborted: number[] = [];
    const gates = new Map<number, ReturnType<typeof deferred<void>>>();
    const s = createLatestScheduler<number, number, number>({
      async preview(job) {
        previews.push(job);
        const g = deferred<void>();
        gates.set(job, g);
        await g.promise;
        return job;
      },
      refine(job, _p, signal) {
        return new Promise((resolve, reject) => {
          const t = setTimeout(() => resolve(job * 10), 20);
          signal.addEventListener('abort', () => {
            clearTimeout(t);
            aborted.push(job);
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      },
      onPreview: (job, _r, stale) => shown.push(`p${job}${stale ? '*' : ''}`),
      onRefined: (job, r) => shown.push(`r${job}:${r}`),
      onError: (_j, e) => {
        throw e;
      },
    });
    s.request(1);
    for (let k = 2; k <= 6; k++) s.request(k);
    expect(previews).toEqual([1]);
    gates.get(1)!.resolve();
    await tick();
    expect(previews).toEqual([1, 6]);
    gates.get(6)!.resolve();
    await tick(5);
    s.request(7); // aborts the refinement of 6
    await tick();
    gates.get(7)!.resolve();
    await tick(40);
    expect(shown).toEqual(['p1*', 'p6', 'p7', 'r7:70']);
    expect(aborted).toEqual([6]);
    expect(s.busy).toBe(false);
  });
});

describe('latest-wins requests (agent-based runs of the game panel)', () => {
  it('delivers only the newest result; older requests are aborted and never shown', async () => {
    const gates = new Map<number, ReturnType<typeof deferred<number>>>();
    const aborted: number[] = [];
    const shown: number[] = [];
    const r = createLatestRequest<number, number>({
      run(q, signal) {
        const g = deferred<number>();
        gates.set(q, g);
        signal.addEventListener('abort', () => aborted.push(q));
        return g.promise;
      },
      onResult: (_q, v) => shown.push(v),
      onError: () => shown.push(-1),
    });
    r.request(1);
    r.request(2);
    r.request(3);
    expect(aborted).toEqual([1, 2]);
    expect(r.pending).toBe(true);
    // A stale run that finishes late (its worker could not stop) is dropped.
    gates.get(3)!.resolve(30);
    gates.get(1)!.resolve(10);
    await tick();
    gates.get(2)!.resolve(20);
    await tick();
    expect(shown).toEqual([30]);
    expect(r.pending).toBe(false);
  });

  it('waits `delay` ms so a drag starts one run, reports errors of the newest only, and cancels', async () => {
    const started: number[] = [];
    const shown: string[] = [];
    const r = createLatestRequest<number, number>({
      async run(q) {
        started.push(q);
        if (q < 0) throw new Error(`bad ${q}`);
        return q * 2;
      },
      onResult: (q, v) => shown.push(`${q}:${v}`),
      onError: (q, e) => shown.push(`${q}!${(e as Error).message}`),
    });
    for (let i = 1; i <= 5; i++) r.request(i, 15);
    await tick(40);
    expect(started).toEqual([5]);
    expect(shown).toEqual(['5:10']);
    r.request(-1);
    await tick();
    expect(shown).toEqual(['5:10', '-1!bad -1']);
    r.request(7, 15);
    r.cancel();
    await tick(40);
    expect(started).toEqual([5, -1]);
    expect(r.pending).toBe(false);
  });
});
