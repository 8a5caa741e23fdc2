/** Options of one call on a worker pool. */
export interface CallOptions {
  /** Higher goes first (default 0); equal priorities go in order of submission. */
  priority?: number;
  /** Rejects the call with the signal's reason when it fires; a queued call leaves the queue. */
  signal?: AbortSignal;
  /**
   * Buffers held by the arguments, moved to the worker instead of copied. Such a call is
   * not sent again if its worker dies: its data went with the worker.
   */
  transfer?: Transferable[];
  /**
   * In a pool that lets aborted calls finish (to keep its workers warm), end the worker instead
   * when the aborted call has already run this long on it: a run that is far from done would
   * otherwise hold its worker, and every newer call behind it, until it ends.
   */
  terminateAfterMs?: number;
}

/** The names of the methods of a worker API. */
export type MethodName<Api> = { [K in keyof Api]: Api[K] extends (...args: never[]) => unknown ? K : never }[keyof Api] & string;

/** The arguments of method `M` of a worker API. */
export type MethodArgs<Api, M extends keyof Api> = Api[M] extends (...args: infer A) => unknown ? A : never;

/** What a call of method `M` of a worker API resolves to. */
export type MethodResult<Api, M extends keyof Api> = Api[M] extends (...args: never[]) => infer R ? Awaited<R> : never;
