import { describe, expect, it } from 'vitest';
import { createLatestScheduler, isAbort } from '../../src/app/runner/latest-scheduler.ts';
import { createPriorityPool } from '../../src/app/runner/priority-pool.ts';
import type { RunOutput, RunRequest } from '../../src/runner/run-request.ts';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('latest-wins scheduler', () => {
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

describe('worker pool', () => {
  const fakeOutput = (seed: number): RunOutput => ({ seed, years: 1, values: new Float64Array(1), initial: new Float64Array(1) });
  function fakeSpawn(log: string[], delay = 10) {
    let id = 0;
    return () => {
      const me = id++;
      return {
        api: {
          run: async (req: RunRequest) => {
            log.push(`w${me}:${req.seed}`);
            await tick(delay);
            return fakeOutput(req.seed);
          },
        } as never,
        terminate: () => log.push(`stop${me}`),
      };
    };
  }

  it('runs at most `size` at once, by priority, and drops aborted queued calls', async () => {
    const log: string[] = [];
    const pool = createPriorityPool<{ run(req: RunRequest): RunOutput }>({ size: 2, spawn: fakeSpawn(log) });
    const ctrl = new AbortController();
    const results = [1, 2, 3, 4].map((seed) => pool.run({ scenario: {}, seed }, seed === 4 ? ctrl.signal : undefined));
    const urgent = pool.call((api) => api.run({ scenario: {}, seed: 99 }), { priority: 1 });
    expect(pool.queued).toBe(3);
    ctrl.abort();
    expect(pool.queued).toBe(2);
    await expect(results[3]).rejects.toSatisfy(isAbort);
    const done = await Promise.all([...results.slice(0, 3), urgent]);
    expect(done.map((o) => o.seed)).toEqual([1, 2, 3, 99]);
    // 1 and 2 start at once; the urgent call jumps ahead of 3.
    expect(log.slice(0, 3)).toEqual(['w0:1', 'w1:2', 'w0:99']);
    await pool.close();
    expect(log).toContain('stop0');
  });

  it('rejects a running call at once when aborted and reuses its worker afterwards', async () => {
    const log: string[] = [];
    const pool = createPriorityPool<{ run(req: RunRequest): RunOutput }>({ size: 1, spawn: fakeSpawn(log, 30) });
    const ctrl = new AbortController();
    const a = pool.run({ scenario: {}, seed: 1 }, ctrl.signal);
    const b = pool.run({ scenario: {}, seed: 2 });
    await tick(5);
    ctrl.abort();
    await expect(a).rejects.toSatisfy(isAbort);
    expect((await b).seed).toBe(2);
    expect(log).toEqual(['w0:1', 'w0:2']);
    await pool.close();
  });
});
