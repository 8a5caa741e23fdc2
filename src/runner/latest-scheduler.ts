/**
 * Runs a two-stage job — a quick preview, then a slower refinement — for the latest of a
 * burst of requests only:
 * - a request that arrives while a preview runs waits; only the newest waiting request
 *   is kept (the others are dropped unseen), so there is never a queue of stale runs;
 * - a new request aborts the refinement in progress through its AbortSignal, and the
 *   preview too once it has run {@link PREVIEW_PATIENCE_MS} (a huge world must not hold
 *   every later request behind it);
 * - {@link LatestScheduler.cancel} aborts whatever runs;
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
  /** Aborts the preview and refinement in progress and drops the waiting request; nothing is delivered for them. */
  cancel(): void;
}

/** How long a preview may run before a newer request aborts it instead of waiting for it. */
export const PREVIEW_PATIENCE_MS = 1000;

/** The work of a scheduler; `signal` fires when a newer job supersedes the refinement. */
export interface ScheduledWork<J, P, R> {
  /** `signal` fires when the preview is cancelled or superseded after {@link PREVIEW_PATIENCE_MS}. */
  preview(job: J, signal: AbortSignal): Promise<P>;
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
  let previewing: { job: J; ctrl: AbortController; started: number } | null = null;
  let refining: AbortController | null = null;
  let patience: ReturnType<typeof setTimeout> | null = null;

  const clearPatience = () => {
    if (patience !== null) clearTimeout(patience);
    patience = null;
  };

  const startPreview = async (job: J) => {
    const ctrl = new AbortController();
    const mine = { job, ctrl, started: performance.now() };
    previewing = mine;
    let result: P;
    try {
      result = await work.preview(job, ctrl.signal);
    } catch (e) {
      if (previewing === mine) previewing = null;
      clearPatience();
      if (latest === undefined) return; // cancelled
      if (latest === job) {
        if (!ctrl.signal.aborted) work.onError(job, e);
      } else void startPreview(latest);
      return;
    }
    if (previewing === mine) previewing = null;
    clearPatience();
    if (ctrl.signal.aborted) {
      if (latest !== undefined && latest !== job) void startPreview(latest);
      return;
    }
    const stale = latest !== job;
    work.onPreview(job, result, stale);
    if (stale) {
      if (latest !== undefined) void startPreview(latest);
      return;
    }
    const refine = new AbortController();
    refining = refine;
    try {
      const refined = await work.refine(job, result, refine.signal);
      if (!refine.signal.aborted && latest === job) work.onRefined(job, refined);
    } catch (e) {
      if (!refine.signal.aborted && !isAbort(e) && latest === job) work.onError(job, e);
    } finally {
      if (refining === refine) refining = null;
    }
  };

  /** Aborts the running preview once it has run its patience, for the newer request waiting. */
  const supersedePreview = () => {
    const p = previewing;
    if (!p || patience !== null) return;
    const left = PREVIEW_PATIENCE_MS - (performance.now() - p.started);
    if (left <= 0) p.ctrl.abort();
    else
      patience = setTimeout(() => {
        patience = null;
        if (previewing === p && latest !== p.job) p.ctrl.abort();
      }, left);
  };

  return {
    request(job: J) {
      latest = job;
      refining?.abort();
      refining = null;
      if (!previewing) void startPreview(job);
      else supersedePreview();
    },
    cancel() {
      latest = undefined;
      clearPatience();
      refining?.abort();
      refining = null;
      previewing?.ctrl.abort();
    },
    get latest() {
      return latest;
    },
    get busy() {
      return previewing !== null || refining !== null;
    },
  };
}
