/**
 * Runs a two-stage job — a quick preview, then a slower refinement — for the latest of a
 * burst of requests only:
 * - a request that arrives while a preview runs waits; only the newest waiting request
 *   is kept (the others are dropped unseen), so there is never a queue of stale runs;
 * - a new request aborts the refinement in progress through its AbortSignal;
 * - a preview that finishes is shown even if newer requests wait (the screen keeps up
 *   during a slider drag), a refinement only if no newer request came.
 */
export interface LatestScheduler<J> {
  /** Asks for `job`; supersedes every earlier request. */
  request(job: J): void;
  /** The newest job requested. */
  readonly latest: J | undefined;
  /** Whether a preview or refinement is in progress. */
  readonly busy: boolean;
}

/** The work of a scheduler; `signal` fires when a newer job supersedes the refinement. */
export interface ScheduledWork<J, P, R> {
  preview(job: J): Promise<P>;
  refine(job: J, preview: P, signal: AbortSignal): Promise<R>;
  onPreview(job: J, result: P, stale: boolean): void;
  onRefined(job: J, result: R): void;
  onError(job: J, error: unknown): void;
}

/** Whether an error is the rejection of an aborted run. */
export function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AbortError';
}

/** Creates a latest-wins scheduler over `work`. */
export function createLatestScheduler<J, P, R>(work: ScheduledWork<J, P, R>): LatestScheduler<J> {
  let latest: J | undefined;
  let previewing = false;
  let refining: AbortController | null = null;

  const startPreview = async (job: J) => {
    previewing = true;
    let result: P;
    try {
      result = await work.preview(job);
    } catch (e) {
      previewing = false;
      if (latest === job) work.onError(job, e);
      else void startPreview(latest as J);
      return;
    }
    previewing = false;
    const stale = latest !== job;
    work.onPreview(job, result, stale);
    if (stale) {
      void startPreview(latest as J);
      return;
    }
    const ctrl = new AbortController();
    refining = ctrl;
    try {
      const refined = await work.refine(job, result, ctrl.signal);
      if (!ctrl.signal.aborted && latest === job) work.onRefined(job, refined);
    } catch (e) {
      if (!ctrl.signal.aborted && !isAbort(e) && latest === job) work.onError(job, e);
    } finally {
      if (refining === ctrl) refining = null;
    }
  };

  return {
    request(job: J) {
      latest = job;
      refining?.abort();
      refining = null;
      if (!previewing) void startPreview(job);
    },
    get latest() {
      return latest;
    },
    get busy() {
      return previewing || refining !== null;
    },
  };
}
