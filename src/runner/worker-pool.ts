import { wrap, type Endpoint, type Remote } from 'comlink';
import type { WorkerApi } from '../../workers/worker-api.ts';
import type { RunOutput, RunRequest } from './run-request.ts';
import type { Runner } from './runner.ts';

/** A worker as the pool sees it: a comlink endpoint that can be ended and that may die. */
export interface PoolWorker {
  /** The endpoint the worker exposes the worker API on. */
  readonly endpoint: Endpoint;
  /** Ends the worker (no death is reported for it afterwards). */
  terminate(): void;
  /** Registers the callback for the worker dying on its own (crash, exit), with a reason. */
  onDeath(listener: (reason: string) => void): void;
}

/** Starts one worker: a Node worker thread, a web worker, or a test double. */
export type WorkerFactory = () => PoolWorker;

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** Number of workers (the pool's concurrency). */
  size: number;
  /** Starts a worker; called lazily, at most `size` workers live at once. */
  createWorker: WorkerFactory;
  /**
   * Runs sent to a worker ahead of time (default 2): the next run waits in the worker's
   * own queue, so a worker never idles while the calling thread is busy.
   */
  pipeline?: number;
  /** How often a run is retried on a fresh worker after its worker died (default 1). */
  retries?: number;
}

/** A run whose worker died, also on every retry. */
export class WorkerDiedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerDiedError';
  }
}

interface Task {
  req: RunRequest;
  resolve(out: RunOutput): void;
  reject(err: unknown): void;
  signal?: AbortSignal;
  onAbort?: () => void;
  /** Deaths of a worker while this run was the only one on it. */
  deaths: number;
  /**
   * Set after a worker died with this run and others on it: which one it was running is
   * unknown (its last result may still have been on the way), so from then on the run
   * goes to a worker alone, where a death can be blamed on it.
   */
  isolate: boolean;
  slot?: Slot;
}

interface Slot {
  worker: PoolWorker;
  api: Remote<WorkerApi>;
  /** Runs sent to this worker, oldest (the one executing) first. */
  tasks: Task[];
  alive: boolean;
  completed: number;
}

/** Consecutive workers that died before finishing any run, after which the pool gives up. */
const MAX_STARTUP_DEATHS = 8;

/**
 * A pool of workers behind the {@link Runner} interface. It knows nothing about how a
 * worker is started (Node worker thread, web worker): the factory does. Workers are
 * started once and reused; results come back as transferred typed arrays. A worker that
 * dies is replaced and its runs are sent again; a run that was alone on a worker that
 * died is retried once (by default) and then fails. An aborted run that is executing
 * ends its worker, which is replaced.
 */
export function createWorkerPool(options: WorkerPoolOptions): Runner {
  const size = Math.max(1, Math.floor(options.size));
  const pipeline = Math.max(1, options.pipeline ?? 2);
  const retries = Math.max(0, options.retries ?? 1);
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let closed = false;
  let startupDeaths = 0;
  let broken: Error | null = null;

  const settle = (task: Task) => {
    if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort);
    if (task.slot) {
      const i = task.slot.tasks.indexOf(task);
      if (i >= 0) task.slot.tasks.splice(i, 1);
      task.slot = undefined;
    }
  };

  const spawn = (): Slot => {
    const worker = options.createWorker();
    const slot: Slot = { worker, api: wrap<WorkerApi>(worker.endpoint), tasks: [], alive: true, completed: 0 };
    worker.onDeath((reason) => died(slot, reason));
    slots.push(slot);
    return slot;
  };

  const retire = (slot: Slot) => {
    slot.alive = false;
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    try {
      slot.worker.terminate();
    } catch {
      // already gone
    }
  };

  const died = (slot: Slot, reason: string) => {
    if (!slot.alive) return;
    retire(slot);
    startupDeaths = slot.completed === 0 ? startupDeaths + 1 : 0;
    const onIt = slot.tasks;
    slot.tasks = [];
    for (const t of onIt) t.slot = undefined;
    const requeue: Task[] = [];
    if (onIt.length === 1) {
      const t = onIt[0];
      t.deaths++;
      if (t.deaths > retries) {
        settle(t);
        t.reject(new WorkerDiedError(`the worker running it died (${reason})${retries > 0 ? `, also on ${retries === 1 ? 'the retry' : `${retries} retries`}` : ''}`));
      } else requeue.push(t);
    } else
      for (const t of onIt) {
        t.isolate = true;
        requeue.push(t);
      }
    queue.unshift(...requeue);
    if (startupDeaths >= MAX_STARTUP_DEATHS) {
      broken = new Error(`workers cannot start: ${startupDeaths} died before finishing a run (last: ${reason})`);
      for (const t of queue.splice(0)) {
        settle(t);
        t.reject(broken);
      }
      return;
    }
    dispatch();
  };

  const send = (slot: Slot, task: Task) => {
    task.slot = slot;
    slot.tasks.push(task);
    slot.api.run(task.req).then(
      (out) => {
        if (task.slot !== slot || !slot.alive) return; // the worker died or the run was aborted meanwhile
        slot.completed++;
        startupDeaths = 0;
        settle(task);
        task.resolve(out);
        dispatch();
      },
      (err: unknown) => {
        if (task.slot !== slot || !slot.alive) return;
        slot.completed++;
        settle(task);
        task.reject(err);
        dispatch();
      },
    );
  };

  const canTake = (s: Slot, t: Task) =>
    s.alive && s.tasks.length < pipeline && !s.tasks.some((x) => x.isolate) && (!t.isolate || s.tasks.length === 0);

  const dispatch = () => {
    while (queue.length > 0 && !closed) {
      const task = queue[0];
      let best: Slot | undefined;
      for (const s of slots) if (canTake(s, task) && (!best || s.tasks.length < best.tasks.length)) best = s;
      // Start another worker rather than queue behind a busy one.
      if ((!best || best.tasks.length > 0) && slots.length < size) best = spawn();
      if (!best) return;
      queue.shift();
      send(best, task);
    }
  };

  const abort = (task: Task) => {
    const reason = task.signal?.reason ?? new DOMException('The run was aborted', 'AbortError');
    const qi = queue.indexOf(task);
    if (qi >= 0) queue.splice(qi, 1);
    const slot = task.slot;
    if (slot) {
      // Stop the computation: end the worker and hand its other runs to the rest.
      retire(slot);
      const others = slot.tasks.filter((t) => t !== task);
      slot.tasks = [task];
      for (const t of others) t.slot = undefined;
      queue.unshift(...others);
    }
    settle(task);
    task.reject(reason);
    dispatch();
  };

  return {
    concurrency: size,
    run(req: RunRequest, signal?: AbortSignal): Promise<RunOutput> {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      if (broken) return Promise.reject(broken);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<RunOutput>((resolve, reject) => {
        const task: Task = { req, resolve, reject, signal, deaths: 0, isolate: false };
        if (signal) {
          task.onAbort = () => abort(task);
          signal.addEventListener('abort', task.onAbort, { once: true });
        }
        queue.push(task);
        dispatch();
      });
    },
    async close() {
      closed = true;
      const err = new Error('the worker pool was closed');
      for (const t of queue.splice(0)) {
        settle(t);
        t.reject(err);
      }
      for (const slot of [...slots]) {
        const tasks = slot.tasks.slice();
        retire(slot);
        for (const t of tasks) {
          settle(t);
          t.reject(err);
        }
      }
    },
  };
}
