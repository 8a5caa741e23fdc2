import { transfer as markTransfer, wrap, type Remote } from 'comlink';
import type { WorkerApi } from './worker-api.ts';
import type { CallOptions, MethodArgs, MethodName, MethodResult } from './call-options.ts';
import type { RunOutput, RunRequest } from './run-request.ts';
import type { Runner } from './runner.ts';
import { WorkerDiedError } from './worker-died-error.ts';
import { WorkersUnavailableError } from './workers-unavailable-error.ts';
import type { WorkerPoolOptions } from './worker-pool-options.ts';

/** The least a pool's workers expose: the shared run method. */
export interface RunApi {
  run(req: RunRequest): RunOutput | Promise<RunOutput>;
}

/** A pool of workers: the {@link Runner} interface plus calls of any method of the worker API. */
export interface WorkerPool<Api extends RunApi = WorkerApi> extends Runner {
  /** Calls `method(...args)` on a worker, in order of priority, then of submission. */
  call<M extends MethodName<Api>>(method: M, args: MethodArgs<Api, M>, options?: CallOptions): Promise<MethodResult<Api, M>>;
  /** Calls waiting for a worker. */
  readonly queued: number;
}

interface Task {
  method: string;
  args: unknown[];
  options: CallOptions;
  /** The argument that carries the data to transfer, if any. */
  carrier?: object;
  priority: number;
  resolve(value: unknown): void;
  reject(err: unknown): void;
  onAbort?: () => void;
  /** When the call was sent to its worker (performance.now()). */
  sentAt?: number;
  /** The caller has its answer; a late answer of the worker is dropped. */
  done: boolean;
  /** Deaths of a worker while this call was the only one on it. */
  deaths: number;
  /**
   * Set after a worker died with this call and others on it: which one it was running is
   * unknown (its last answer may still have been on the way), so from then on the call
   * goes to a worker alone, where a death can be blamed on it.
   */
  isolate: boolean;
  slot?: Slot;
}

interface Slot {
  api: Remote<Record<string, (...args: unknown[]) => unknown>>;
  terminate(): void;
  /** Calls sent to this worker, oldest (the one executing) first; aborted ones stay until answered. */
  tasks: Task[];
  alive: boolean;
  completed: number;
}

/** Consecutive workers that died before finishing any call, after which the pool gives up. */
const MAX_STARTUP_DEATHS = 8;

const abortReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('The run was aborted', 'AbortError');

/**
 * A pool of workers behind the {@link Runner} interface. It knows nothing about how a
 * worker is started (Node worker thread, web worker): the factory does. Workers are
 * started once and reused; results come back as compact typed arrays. Calls wait in
 * one queue, higher priority first, else first in, first out. A worker that dies is
 * replaced and its calls are sent again; a call that was alone on a worker that died is
 * retried once (by default) and then fails with a {@link WorkerDiedError}. An aborted
 * call rejects at once; see {@link WorkerPoolOptions.onAbort} for its worker.
 */
export function createWorkerPool<Api extends RunApi = WorkerApi>(options: WorkerPoolOptions): WorkerPool<Api> {
  const size = Math.max(1, Math.floor(options.size));
  const pipeline = Math.max(1, options.pipeline ?? 2);
  const retries = Math.max(0, options.retries ?? 1);
  const onAbort = options.onAbort ?? 'terminate';
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let closed = false;
  let startupDeaths = 0;
  let broken: Error | null = null;

  /** Gives the caller its answer, once. */
  const settle = (task: Task, ok: boolean, value: unknown) => {
    if (task.done) return;
    task.done = true;
    if (task.onAbort) task.options.signal?.removeEventListener('abort', task.onAbort);
    if (ok) task.resolve(value);
    else task.reject(value);
  };

  /** Queues `task` behind the calls of higher or equal priority (`ahead`: of higher priority only). */
  const enqueue = (task: Task, ahead = false) => {
    let at = queue.length;
    while (at > 0 && (queue[at - 1].priority < task.priority || (ahead && queue[at - 1].priority === task.priority))) at--;
    queue.splice(at, 0, task);
  };

  /** Puts calls taken off an ended worker back at the front; a call with transferred data cannot go again. */
  const resend = (tasks: Task[], ended: string) => {
    for (let i = tasks.length - 1; i >= 0; i--) {
      const t = tasks[i];
      if (t.options.transfer?.length) settle(t, false, new WorkerDiedError(`the worker running it ${ended}, with the data transferred to it`));
      else enqueue(t, true);
    }
  };

  /** Takes every call off `slot`, returning those whose caller still waits. */
  const takeTasks = (slot: Slot): Task[] => {
    const tasks = slot.tasks;
    slot.tasks = [];
    for (const t of tasks) t.slot = undefined;
    return tasks.filter((t) => !t.done);
  };

  const spawn = (): Slot => {
    const worker = options.createWorker();
    const slot: Slot = { api: wrap(worker.endpoint), terminate: () => worker.terminate(), tasks: [], alive: true, completed: 0 };
    worker.onDeath((reason) => died(slot, reason));
    slots.push(slot);
    return slot;
  };

  const retire = (slot: Slot) => {
    slot.alive = false;
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    try {
      slot.terminate();
    } catch {
      // already gone
    }
  };

  const died = (slot: Slot, reason: string) => {
    if (!slot.alive) return;
    retire(slot);
    startupDeaths = slot.completed === 0 ? startupDeaths + 1 : 0;
    const alone = slot.tasks.length === 1;
    const waiting = takeTasks(slot);
    for (const t of waiting) {
      if (!alone) t.isolate = true;
      else if (++t.deaths > retries)
        settle(t, false, new WorkerDiedError(`the worker running it died (${reason})${retries > 0 ? `, also on ${retries === 1 ? 'the retry' : `${retries} retries`}` : ''}`));
    }
    resend(waiting.filter((t) => !t.done), `died (${reason})`);
    if (startupDeaths >= MAX_STARTUP_DEATHS) {
      breakPool(`${startupDeaths} died before finishing a run (last: ${reason})`);
      return;
    }
    dispatch();
  };

  /** From now on every call fails at once: no worker can run it. */
  const breakPool = (why: string) => {
    broken = new WorkersUnavailableError(`workers cannot start: ${why}`);
    for (const t of queue.splice(0)) settle(t, false, broken);
  };

  const send = (slot: Slot, task: Task) => {
    task.slot = slot;
    task.sentAt = performance.now();
    slot.tasks.push(task);
    const answered = (ok: boolean, value: unknown) => {
      if (task.slot !== slot || !slot.alive) return; // the worker died or was ended meanwhile
      slot.completed++;
      if (ok) startupDeaths = 0;
      slot.tasks.splice(slot.tasks.indexOf(task), 1);
      task.slot = undefined;
      settle(task, ok, value); // nothing happens if the call was aborted: its answer is dropped
      dispatch();
    };
    new Promise<unknown>((resolve) => {
      // comlink reads the transfer list while it posts the call; unmark the argument after.
      if (task.carrier) markTransfer(task.carrier, task.options.transfer ?? []);
      try {
        resolve(slot.api[task.method](...task.args));
      } finally {
        if (task.carrier) markTransfer(task.carrier, []);
      }
    }).then(
      (out) => answered(true, out),
      (err: unknown) => answered(false, err),
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
      if ((!best || best.tasks.length > 0) && slots.length < size) {
        try {
          best = spawn();
        } catch (err) {
          // Creating a worker fails the same way every time (a bad option, a missing file):
          // carry on with the workers there are, or give up if there are none.
          if (slots.length === 0) {
            breakPool(err instanceof Error ? err.message : String(err));
            return;
          }
        }
      }
      if (!best) return;
      queue.shift();
      send(best, task);
    }
  };

  const abort = (task: Task, signal: AbortSignal) => {
    const qi = queue.indexOf(task);
    if (qi >= 0) queue.splice(qi, 1);
    const slot = task.slot;
    settle(task, false, abortReason(signal));
    const limit = task.options.terminateAfterMs;
    const long = limit !== undefined && task.sentAt !== undefined && performance.now() - task.sentAt >= limit;
    if (slot && (onAbort === 'terminate' || long)) {
      // Stop the computation: end the worker and hand its other calls to the rest.
      retire(slot);
      resend(takeTasks(slot), 'was ended to stop another call');
    }
    dispatch();
  };

  const submit = (method: string, args: unknown[], opts: CallOptions = {}): Promise<unknown> => {
    if (closed) return Promise.reject(new Error('the worker pool is closed'));
    if (broken) return Promise.reject(broken);
    const signal = opts.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const carrier = opts.transfer?.length ? args.find((a): a is object => typeof a === 'object' && a !== null) : undefined;
    if (opts.transfer?.length && !carrier) return Promise.reject(new TypeError(`call of ${method}: data to transfer, but no argument holds it`));
    return new Promise<unknown>((resolve, reject) => {
      const task: Task = { method, args, options: opts, carrier, priority: opts.priority ?? 0, resolve, reject, done: false, deaths: 0, isolate: false };
      if (signal) {
        task.onAbort = () => abort(task, signal);
        signal.addEventListener('abort', task.onAbort, { once: true });
      }
      enqueue(task);
      dispatch();
    });
  };

  return {
    concurrency: size,
    get queued() {
      return queue.length;
    },
    call: (method, args, opts) => submit(method, args, opts) as Promise<never>,
    run: (req, signal) => submit('run', [req], { signal }) as Promise<RunOutput>,
    async close() {
      closed = true;
      const err = new Error('the worker pool was closed');
      for (const t of queue.splice(0)) settle(t, false, err);
      for (const slot of [...slots]) {
        retire(slot);
        for (const t of takeTasks(slot)) settle(t, false, err);
      }
    },
  };
}
