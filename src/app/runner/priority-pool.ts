import type { Remote } from 'comlink';
import type { RunOutput, RunRequest } from '../../runner/run-request.ts';
import type { Runner } from '../../runner/runner.ts';

/** One worker as the pool sees it: its comlink proxy and a way to stop it. */
export interface WorkerHandle<Api> {
  api: Remote<Api>;
  terminate(): void;
}

/** Options of a call on the pool. */
export interface CallOptions {
  /** Rejects the call with an AbortError when fired; a queued call is dropped from the queue. */
  signal?: AbortSignal;
  /** Higher runs first (default 0); equal priorities run in order of submission. */
  priority?: number;
}

/** A pool of workers: the {@link Runner} interface plus calls of any method of the worker API. */
export interface PriorityPool<Api> extends Runner {
  /** Runs `fn` with a free worker's API as soon as one is free. */
  call<T>(fn: (api: Remote<Api>) => Promise<T>, options?: CallOptions): Promise<T>;
  /** Calls waiting for a worker. */
  readonly queued: number;
}

interface Task<Api> {
  fn: (api: Remote<Api>) => Promise<unknown>;
  priority: number;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  settled: boolean;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The run was aborted', 'AbortError');
}

/**
 * A pool of `size` workers started on demand by `spawn`, with a priority queue and
 * abortable calls of any worker method. A call aborted while it runs rejects at once; its
 * worker finishes the (short) run and then takes the next call, so workers stay warm
 * (a fresh web worker runs its first models several times slower). Works with any
 * endpoint comlink wraps. The shared pool of src/runner/worker-pool.ts (Node sweeps)
 * ends a worker on abort and has no priorities; the app needs both.
 */
export function createPriorityPool<Api extends { run(req: RunRequest): RunOutput | Promise<RunOutput> }>(options: {
  size: number;
  spawn: () => WorkerHandle<Api>;
}): PriorityPool<Api> {
  const size = Math.max(1, Math.floor(options.size));
  const workers: { handle: WorkerHandle<Api>; busy: boolean }[] = [];
  const queue: Task<Api>[] = [];
  let closed = false;

  const pump = () => {
    while (queue.length > 0) {
      let slot = workers.find((w) => !w.busy);
      if (!slot && workers.length < size) {
        slot = { handle: options.spawn(), busy: false };
        workers.push(slot);
      }
      if (!slot) return;
      const task = queue.shift() as Task<Api>;
      const worker = slot;
      worker.busy = true;
      task.fn(worker.handle.api).then(
        (v) => settle(task, () => task.resolve(v)),
        (e) => settle(task, () => task.reject(e)),
      ).finally(() => {
        worker.busy = false;
        pump();
      });
    }
  };

  const settle = (task: Task<Api>, done: () => void) => {
    if (task.settled) return;
    task.settled = true;
    if (task.signal && task.onAbort) task.signal.removeEventListener('abort', task.onAbort);
    done();
  };

  const call = <T>(fn: (api: Remote<Api>) => Promise<T>, opts: CallOptions = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new Error('the worker pool is closed'));
      if (opts.signal?.aborted) return reject(abortError(opts.signal));
      const task: Task<Api> = {
        fn,
        priority: opts.priority ?? 0,
        resolve: resolve as (v: unknown) => void,
        reject,
        signal: opts.signal,
        settled: false,
      };
      if (opts.signal) {
        const signal = opts.signal;
        task.onAbort = () => {
          const i = queue.indexOf(task);
          if (i >= 0) queue.splice(i, 1);
          settle(task, () => task.reject(abortError(signal)));
        };
        signal.addEventListener('abort', task.onAbort, { once: true });
      }
      let at = queue.length;
      while (at > 0 && queue[at - 1].priority < task.priority) at--;
      queue.splice(at, 0, task);
      pump();
    });

  return {
    concurrency: size,
    get queued() {
      return queue.length;
    },
    call,
    run: (req: RunRequest, signal?: AbortSignal) => call((api) => api.run(req) as Promise<RunOutput>, { signal }),
    async close() {
      closed = true;
      for (const t of queue.splice(0)) settle(t, () => t.reject(new Error('the worker pool was closed')));
      for (const w of workers.splice(0)) w.handle.terminate();
    },
  };
}
