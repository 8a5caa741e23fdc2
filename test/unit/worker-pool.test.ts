import { describe, it, expect } from 'vitest';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { MessageChannel } from 'node:worker_threads';
import { createWorkerPool, WorkerDiedError, type PoolWorker } from '../../src/runner/worker-pool.ts';
import type { RunOutput, RunRequest } from '../../src/runner/run-request.ts';

/**
 * A stand-in worker on a MessageChannel in this thread: `run` answers after `ms`
 * milliseconds with the seed; `die()` simulates a crash. The pool sees it only through
 * the PoolWorker interface, like a real thread.
 */
function fakeWorkers(behaviour: (req: RunRequest, worker: number) => 'ok' | 'die' | 'throw', ms = 5) {
  const started: number[] = [];
  const live = new Set<number>();
  let next = 0;
  const create = (): PoolWorker => {
    const id = next++;
    started.push(id);
    live.add(id);
    const { port1, port2 } = new MessageChannel();
    let onDeath: (reason: string) => void = () => {};
    let dead = false;
    let queue: Promise<unknown> = Promise.resolve();
    expose(
      {
        run(req: RunRequest): Promise<RunOutput> {
          // Like a real worker thread: one run at a time, in the order they arrive.
          const result = queue.then(
            () =>
              new Promise<RunOutput>((resolve, reject) => {
                setTimeout(() => {
                  if (dead) return;
                  const b = behaviour(req, id);
                  if (b === 'die') {
                    dead = true;
                    live.delete(id);
                    port1.close();
                    onDeath('exit code 3');
                  } else if (b === 'throw') reject(new Error(`run ${req.seed} failed`));
                  else resolve({ seed: req.seed, years: 1, values: new Float64Array([req.seed]), initial: new Float64Array(1) });
                }, ms);
              }),
          );
          queue = result.catch(() => undefined);
          return result;
        },
      },
      nodeEndpoint(port1),
    );
    return {
      endpoint: nodeEndpoint(port2),
      terminate() {
        dead = true;
        live.delete(id);
        port1.close();
        port2.close();
      },
      onDeath(l) {
        onDeath = l;
      },
    };
  };
  return { create, started, live };
}

const req = (seed: number): RunRequest => ({ scenario: {}, seed });

describe('worker pool', () => {
  it('runs requests on at most `size` workers, started once and reused', async () => {
    const w = fakeWorkers(() => 'ok');
    const pool = createWorkerPool({ size: 3, createWorker: w.create });
    const outs = await Promise.all(Array.from({ length: 30 }, (_, i) => pool.run(req(i))));
    expect(outs.map((o) => o.seed)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(w.started).toHaveLength(3);
    await pool.close();
    expect(w.live.size).toBe(0);
  });

  it('rejects a run that throws and goes on with the others', async () => {
    const w = fakeWorkers((r) => (r.seed === 4 ? 'throw' : 'ok'));
    const pool = createWorkerPool({ size: 2, createWorker: w.create });
    const res = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => pool.run(req(i))));
    expect(res.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    expect((res[4] as PromiseRejectedResult).reason.message).toBe('run 4 failed');
    expect(w.started).toHaveLength(2);
    await pool.close();
  });

  it('replaces a worker that dies and retries its run once', async () => {
    let crashed = false;
    const w = fakeWorkers((r) => {
      if (r.seed === 5 && !crashed) {
        crashed = true;
        return 'die';
      }
      return 'ok';
    });
    const pool = createWorkerPool({ size: 2, createWorker: w.create });
    const outs = await Promise.all(Array.from({ length: 10 }, (_, i) => pool.run(req(i))));
    expect(outs.map((o) => o.seed)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(w.started).toHaveLength(3);
    await pool.close();
  });

  it('fails a run whose worker dies again on the retry; the others finish', async () => {
    const w = fakeWorkers((r) => (r.seed === 2 ? 'die' : 'ok'));
    const pool = createWorkerPool({ size: 2, createWorker: w.create });
    const res = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => pool.run(req(i))));
    const failed = res.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([2]);
    const reason = (res[2] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(WorkerDiedError);
    expect(reason.message).toMatch(/died \(exit code 3\), also on the retry/);
    await pool.close();
  });

  it('gives up when workers die before finishing anything', async () => {
    const w = fakeWorkers(() => 'die');
    const pool = createWorkerPool({ size: 1, createWorker: w.create, retries: 20 });
    const res = await Promise.allSettled([pool.run(req(1)), pool.run(req(2))]);
    expect(res.every((r) => r.status === 'rejected')).toBe(true);
    await expect(pool.run(req(3))).rejects.toThrow(/workers cannot start/);
    await pool.close();
  });

  it('drops a queued run on abort, and ends the worker of a running one', async () => {
    const w = fakeWorkers(() => 'ok', 30);
    const pool = createWorkerPool({ size: 1, createWorker: w.create, pipeline: 1 });
    const running = new AbortController();
    const queued = new AbortController();
    const a = pool.run(req(1), running.signal);
    const b = pool.run(req(2), queued.signal);
    const c = pool.run(req(3));
    queued.abort(new Error('stale'));
    await expect(b).rejects.toThrow('stale');
    running.abort(new Error('stop'));
    await expect(a).rejects.toThrow('stop');
    expect((await c).seed).toBe(3);
    expect(w.started).toHaveLength(2); // the aborted run's worker was replaced
    await pool.close();
  });

  it('rejects everything pending on close', async () => {
    const w = fakeWorkers(() => 'ok', 50);
    const pool = createWorkerPool({ size: 1, createWorker: w.create });
    const p = pool.run(req(1));
    await pool.close();
    await expect(p).rejects.toThrow(/closed/);
    await expect(pool.run(req(2))).rejects.toThrow(/closed/);
  });
});
