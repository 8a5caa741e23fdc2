import { describe, it, expect, vi, afterEach } from 'vitest';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { MessageChannel } from 'node:worker_threads';
import { createWorkerPool } from '../../src/runner/worker-pool.ts';
import { createPoolWorker, type PoolWorker } from '../../src/runner/pool-worker.ts';
import { WorkerDiedError } from '../../src/runner/worker-died-error.ts';
import { WorkersUnavailableError } from '../../src/runner/workers-unavailable-error.ts';
import { workerExecArgv } from '../../src/runner/node-pool.ts';
import { startBrowserWorker } from '../../src/app/scheduling/browser-pool.ts';
import type { RunOutput, RunRequest } from '../../src/runner/run-request.ts';
import seedrandom from 'seedrandom';

type Behaviour = 'ok' | 'die' | 'throw';

/** The API of the stand-in workers: the shared run, and another method for call(). */
interface FakeApi {
  run(req: RunRequest): Promise<RunOutput>;
  /** The sum of `xs` times `scale`. */
  sum(xs: Float64Array, scale: number): Promise<number>;
}

/**
 * Stand-in workers on a MessageChannel in this thread: a call answers after `ms`
 * milliseconds (`run` with the seed); `behaviour` may make it die (a crash) or throw
 * instead, by the seed or by the first of the numbers summed. `log` records `w<worker>:<key>`
 * as each call starts. The pool sees them only through the PoolWorker interface, like real threads.
 */
function fakeWorkers(behaviour: (key: number, worker: number) => Behaviour, ms: number | ((key: number) => number) = 5) {
  const started: number[] = [];
  const live = new Set<number>();
  const log: string[] = [];
  let next = 0;
  const create = (): PoolWorker => {
    const id = next++;
    started.push(id);
    live.add(id);
    const { port1, port2 } = new MessageChannel();
    let dead = false;
    let queue: Promise<unknown> = Promise.resolve();
    const handle = createPoolWorker(nodeEndpoint(port2), () => {
      dead = true;
      live.delete(id);
      port1.close();
      port2.close();
    });
    // Like a real worker thread: one call at a time, in the order they arrive.
    const serve = <T>(key: number, answer: () => T): Promise<T> => {
      const result = queue.then(
        () =>
          new Promise<T>((resolve, reject) => {
            log.push(`w${id}:${key}`);
            setTimeout(() => {
              if (dead) return;
              const b = behaviour(key, id);
              if (b === 'die') {
                dead = true;
                live.delete(id);
                port1.close();
                handle.died('exit code 3');
              } else if (b === 'throw') reject(new Error(`run ${key} failed`));
              else resolve(answer());
            }, typeof ms === 'number' ? ms : ms(key));
          }),
      );
      queue = result.catch(() => undefined);
      return result;
    };
    const api: FakeApi = {
      run: (req) => serve(req.seed, () => ({ seed: req.seed, years: 1, values: new Float64Array([req.seed]), initial: new Float64Array(1) })),
      sum: (xs, scale) => serve(xs[0], () => xs.reduce((a, b) => a + b, 0) * scale),
    };
    expose(api, nodeEndpoint(port1));
    return handle;
  };
  return { create, started, live, log };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const req = (seed: number): RunRequest => ({ scenario: {}, seed });

describe('worker pool (the Node sweeps: pipelined, an abort ends the worker)', () => {
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
    const w = fakeWorkers((seed) => (seed === 4 ? 'throw' : 'ok'));
    const pool = createWorkerPool({ size: 2, createWorker: w.create });
    const res = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => pool.run(req(i))));
    expect(res.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    expect((res[4] as PromiseRejectedResult).reason.message).toBe('run 4 failed');
    expect(w.started).toHaveLength(2);
    await pool.close();
  });

  it('replaces a worker that dies and retries its run once', async () => {
    let crashed = false;
    const w = fakeWorkers((seed) => {
      if (seed === 5 && !crashed) {
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
    const w = fakeWorkers((seed) => (seed === 2 ? 'die' : 'ok'));
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

  it('fails every call with one clear error when no worker can be created, leaving no listener behind', async () => {
    let attempts = 0;
    const pool = createWorkerPool({
      size: 2,
      createWorker: () => {
        attempts++;
        throw new Error('Initiated Worker with invalid execArgv flags: --bad');
      },
    });
    const signal = new AbortController().signal;
    const listeners = vi.spyOn(signal, 'removeEventListener');
    const res = await Promise.allSettled([1, 2, 3].map((i) => pool.run(req(i), signal)));
    for (const r of res) {
      expect(r.status).toBe('rejected');
      const reason = (r as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(WorkersUnavailableError);
      expect(reason.message).toBe('workers cannot start: Initiated Worker with invalid execArgv flags: --bad');
    }
    // The first call broke the pool; the others were refused without another attempt.
    expect(attempts).toBe(1);
    expect(listeners).toHaveBeenCalledTimes(1);
    await expect(pool.run(req(4))).rejects.toBeInstanceOf(WorkersUnavailableError);
    await pool.close();
  });

  it('carries on with the workers it has when another cannot be created', async () => {
    const w = fakeWorkers(() => 'ok');
    let made = 0;
    const pool = createWorkerPool({
      size: 3,
      createWorker: () => {
        if (made++ > 0) throw new Error('out of threads');
        return w.create();
      },
    });
    const out = await Promise.all([1, 2, 3, 4].map((i) => pool.run(req(i))));
    expect(out.map((o) => o.seed)).toEqual([1, 2, 3, 4]);
    expect(w.started).toEqual([0]);
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

describe('Node worker options', () => {
  it('passes on the options that shape module loading and drops those of the whole process', () => {
    const argv = ['--import', 'tsx', '--cpu-prof', '--cpu-prof-dir', '/tmp/p', '--max-old-space-size=100', '--input-type=module', '--conditions=dev', '--enable-source-maps', '-r', './setup.cjs', '--perf-basic-prof'];
    expect(workerExecArgv(argv)).toEqual(['--import', 'tsx', '--conditions=dev', '--enable-source-maps', '-r', './setup.cjs']);
    expect(workerExecArgv(['--input-type', 'module', '--no-warnings'])).toEqual(['--no-warnings']);
  });
});

describe('worker pool (the app: priorities, call(), an abort lets the worker finish)', () => {
  const app = (w: ReturnType<typeof fakeWorkers>, size: number) =>
    createWorkerPool<FakeApi>({ size, createWorker: w.create, pipeline: 1, onAbort: 'finish' });

  it('runs higher priorities first, equal ones in order, and drops aborted queued calls', async () => {
    const w = fakeWorkers(() => 'ok', 10);
    const pool = app(w, 2);
    const ctrl = new AbortController();
    const results = [1, 2, 3, 4].map((seed) => pool.run(req(seed), seed === 4 ? ctrl.signal : undefined));
    const urgent = pool.call('run', [req(99)], { priority: 1 });
    expect(pool.queued).toBe(3);
    ctrl.abort();
    expect(pool.queued).toBe(2);
    await expect(results[3]).rejects.toMatchObject({ name: 'AbortError' });
    const done = await Promise.all([...results.slice(0, 3), urgent]);
    expect(done.map((o) => o.seed)).toEqual([1, 2, 3, 99]);
    // 1 and 2 start at once on the two workers; the urgent call jumps ahead of 3; 4 never starts.
    expect(w.log.slice(0, 2)).toEqual(['w0:1', 'w1:2']);
    expect(w.log.map((e) => e.split(':')[1])).toEqual(['1', '2', '99', '3']);
    await pool.close();
    expect(w.live.size).toBe(0);
  });

  it('rejects a running call at once when aborted, lets its worker finish it and reuses the worker', async () => {
    const w = fakeWorkers(() => 'ok', 30);
    const pool = app(w, 1);
    const ctrl = new AbortController();
    const a = pool.run(req(1), ctrl.signal);
    const b = pool.run(req(2));
    await tick(5);
    ctrl.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.log).toEqual(['w0:1']); // the worker is still busy with the dropped run
    expect((await b).seed).toBe(2);
    expect(w.log).toEqual(['w0:1', 'w0:2']);
    expect(w.started).toHaveLength(1);
    await pool.close();
  });

  it('ends the worker of an aborted call that has run past terminateAfterMs, so the next call does not wait behind it', async () => {
    const w = fakeWorkers(() => 'ok', 200);
    const pool = app(w, 1);
    const ctrl = new AbortController();
    const a = pool.call('run', [req(1)], { signal: ctrl.signal, terminateAfterMs: 20 });
    const b = pool.run(req(2));
    await tick(40);
    ctrl.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect((await b).seed).toBe(2);
    // Run 2 went to a fresh worker; the first was ended rather than left to finish run 1.
    expect(w.log).toEqual(['w0:1', 'w1:2']);
    expect(w.started).toHaveLength(2);
    await pool.close();
  });

  it('calls other methods of the worker API, transferring data when asked', async () => {
    const w = fakeWorkers(() => 'ok');
    const pool = app(w, 1);
    const xs = new Float64Array([1, 2, 3]);
    const moved = new Float64Array([4, 5]);
    const [copied, transferred] = await Promise.all([
      pool.call('sum', [xs, 2]),
      pool.call('sum', [moved, 1], { transfer: [moved.buffer] }),
    ]);
    expect(copied).toBe(12);
    expect(transferred).toBe(9);
    expect(xs.length).toBe(3);
    expect(moved.length).toBe(0); // detached: the buffer went to the worker
    // The transfer list belongs to its call: the next call with the same argument copies it again.
    const other = new ArrayBuffer(8);
    await expect(pool.call('sum', [xs, 1], { transfer: [other] })).resolves.toBe(6);
    expect(other.byteLength).toBe(0);
    await expect(pool.call('sum', [xs, 1])).resolves.toBe(6);
    expect(xs.length).toBe(3);
    await pool.close();
  });

  it('replaces a worker that dies and retries its call once; transferred data cannot be sent again', async () => {
    const crashed = new Set<number>();
    const w = fakeWorkers((key) => {
      if ((key === 5 || key === 9) && !crashed.has(key)) {
        crashed.add(key);
        return 'die';
      }
      return 'ok';
    });
    const pool = app(w, 2);
    const outs = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.run(req(i))));
    expect(outs.map((o) => o.seed)).toEqual(Array.from({ length: 8 }, (_, i) => i));
    expect(w.started).toHaveLength(3);
    const moved = new Float64Array([9, 1]);
    const lost = pool.call('sum', [moved, 1], { transfer: [moved.buffer] });
    await expect(lost).rejects.toBeInstanceOf(WorkerDiedError);
    await expect(lost).rejects.toThrow(/died \(exit code 3\), with the data transferred to it/);
    expect(await pool.call('sum', [new Float64Array([9, 1]), 1])).toBe(10);
    await pool.close();
  });
});

describe('browser workers', () => {
  class FakeWebWorker extends EventTarget {
    static made: FakeWebWorker[] = [];
    terminated = false;
    constructor(
      readonly url: URL,
      readonly options: WorkerOptions,
    ) {
      super();
      FakeWebWorker.made.push(this);
    }
    postMessage() {}
    terminate() {
      this.terminated = true;
    }
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWebWorker.made = [];
  });
  const errorEvent = (message?: string) => Object.assign(new Event('error'), { message });

  it('start as module workers on the browser entry; an error event counts as a death, reported once', () => {
    vi.stubGlobal('Worker', FakeWebWorker);
    const deaths: string[] = [];
    const worker = startBrowserWorker();
    worker.onDeath((reason) => deaths.push(reason));
    const [web] = FakeWebWorker.made;
    expect(web.url.pathname).toMatch(/workers\/browser-worker\.ts$/);
    expect(web.options.type).toBe('module');
    web.dispatchEvent(errorEvent('boom'));
    web.dispatchEvent(errorEvent('again'));
    expect(deaths).toEqual(['boom']);
  });

  it('report no death after they were ended', () => {
    vi.stubGlobal('Worker', FakeWebWorker);
    const deaths: string[] = [];
    const worker = startBrowserWorker();
    worker.onDeath((reason) => deaths.push(reason));
    worker.terminate();
    FakeWebWorker.made[0].dispatchEvent(errorEvent());
    expect(FakeWebWorker.made[0].terminated).toBe(true);
    expect(deaths).toEqual([]);
  });
});

describe('worker pool: every call settles (random aborts, long runs ended, deaths, priorities)', () => {
  /**
   * 300 calls of mixed priority with random run times; a third are aborted at a random
   * moment (some after terminateAfterMs, so their worker is ended), and a few workers die.
   * Every call must settle: aborted ones with the abort, the others with their own answer
   * or a WorkerDiedError, none left pending.
   */
  const storm = async (config: { pipeline: number; onAbort: 'finish' | 'terminate' }, seed: string) => {
    const rng = seedrandom(seed);
    const dies = new Set<number>();
    for (let k = 0; k < 300; k++) if (rng() < 0.03) dies.add(k);
    const latency = new Map<number, number>();
    for (let k = 0; k < 300; k++) latency.set(k, 1 + Math.floor(rng() * 25));
    let dying = 0;
    const w = fakeWorkers((key) => (dies.has(key) && dying++ < 6 ? 'die' : 'ok'), (key) => latency.get(key) ?? 5);
    const pool = createWorkerPool<FakeApi>({ size: 2, createWorker: w.create, retries: 1, ...config });
    const calls = Array.from({ length: 300 }, (_, k) => {
      const ctrl = rng() < 0.33 ? new AbortController() : null;
      const p = pool.call('run', [req(k)], { signal: ctrl?.signal, priority: Math.floor(rng() * 4), terminateAfterMs: rng() < 0.5 ? 8 : undefined });
      if (ctrl) setTimeout(() => ctrl.abort(), Math.floor(rng() * 400));
      return p.then(
        (out) => ({ k, ok: true as const, seed: out.seed }),
        (err: unknown) => ({ k, ok: false as const, name: (err as Error).name, aborted: ctrl?.signal.aborted ?? false }),
      );
    });
    const pending = Symbol('pending');
    const settled = await Promise.race([Promise.all(calls), tick(20_000).then(() => pending)]);
    await pool.close();
    expect(settled, 'some calls never settled').not.toBe(pending);
    const results = settled as Awaited<(typeof calls)[number]>[];
    for (const r of results) {
      if (r.ok) expect(r.seed).toBe(r.k);
      else if (r.name === 'AbortError') expect(r.aborted).toBe(true);
      else expect(r.name).toBe('WorkerDiedError');
    }
    // The storm did what it was meant to: answers, aborts and ended workers all happened.
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(100);
    expect(results.filter((r) => !r.ok && r.name === 'AbortError').length).toBeGreaterThan(20);
    expect(w.started.length).toBeGreaterThan(2);
  };

  it('in the app configuration (one call per worker, an abort lets the worker finish unless it ran past terminateAfterMs)', async () => {
    for (const seed of ['a', 'b', 'c']) await storm({ pipeline: 1, onAbort: 'finish' }, seed);
  }, 60_000);

  it('in the Node configuration (two calls per worker, an abort ends the worker)', async () => {
    for (const seed of ['a', 'b', 'c']) await storm({ pipeline: 2, onAbort: 'terminate' }, seed);
  }, 60_000);
});
