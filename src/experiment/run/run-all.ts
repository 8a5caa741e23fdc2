import type { RunOutput } from '../../runner/run-request.ts';
import type { Runner } from '../../runner/runner.ts';
import { WorkersUnavailableError } from '../../runner/workers-unavailable-error.ts';
import type { ExperimentPlan } from '../plan/experiment-plan.ts';

/** Progress of an experiment, reported after every finished run. */
export interface ExperimentProgress {
  /** Runs finished in this call (successes). */
  done: number;
  /** Runs failed in this call. */
  failed: number;
  /** Runs this call has to do. */
  total: number;
  /** Runs found complete in the output folder (resume), not counted in total. */
  skipped: number;
  elapsedMs: number;
  /** Finished runs per second so far. */
  runsPerSecond: number;
  /** Estimated time to go, or null before the first run finishes. */
  etaMs: number | null;
}

/** What {@link runAll} reports to: each finished or failed run, and progress. */
export interface RunAllHandlers {
  done(id: number, out: RunOutput): void;
  failed(id: number, error: string): void;
  signal?: AbortSignal;
  onProgress?: (p: ExperimentProgress) => void;
  skipped: number;
}

/**
 * Runs `ids` on the runner, keeping every worker busy (a few runs queued beyond its
 * concurrency). Resolves true if aborted. A handler that throws (a full disk) stops it.
 */
export function runAll(plan: ExperimentPlan, ids: readonly number[], runner: Runner, h: RunAllHandlers): Promise<boolean> {
  const limit = runner.concurrency * 2 + 2;
  const t0 = performance.now();
  let next = 0;
  let active = 0;
  let done = 0;
  let failed = 0;
  let fatal: unknown = null;
  const inner = new AbortController();
  const onOuterAbort = () => inner.abort(h.signal?.reason);
  h.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (h.signal?.aborted) inner.abort(h.signal.reason);

  const progress = () => {
    if (!h.onProgress) return;
    const elapsedMs = performance.now() - t0;
    const finished = done + failed;
    const rate = elapsedMs > 0 ? (finished * 1000) / elapsedMs : 0;
    h.onProgress({
      done,
      failed,
      total: ids.length,
      skipped: h.skipped,
      elapsedMs,
      runsPerSecond: rate,
      etaMs: finished > 0 && rate > 0 ? ((ids.length - finished) * 1000) / rate : null,
    });
  };

  return new Promise<boolean>((resolve, reject) => {
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      h.signal?.removeEventListener('abort', onOuterAbort);
      if (fatal) reject(fatal);
      else resolve(inner.signal.aborted);
    };
    const launch = () => {
      while (active < limit && next < ids.length && !inner.signal.aborted) {
        const id = ids[next++];
        active++;
        let req;
        try {
          req = plan.request(id);
        } catch (err) {
          settle(() => h.failed(id, messageOf(err)), true);
          continue;
        }
        runner.run(req, inner.signal).then(
          (out) => settle(() => h.done(id, out), false),
          (err: unknown) => {
            if (inner.signal.aborted) settle(() => {}, null);
            else if (err instanceof WorkersUnavailableError)
              // Not this run's fault: stop, leaving the run to be done on resume.
              settle(() => {
                throw err;
              }, null);
            else settle(() => h.failed(id, messageOf(err)), true);
          },
        );
      }
      if (active === 0 && (next >= ids.length || inner.signal.aborted)) end();
    };
    // Records a finished run (failure: true/false; null = abandoned by abort) and refills.
    const settle = (record: () => void, failure: boolean | null) => {
      active--;
      try {
        record();
        if (failure === true) failed++;
        else if (failure === false) done++;
      } catch (err) {
        if (!fatal) fatal = err;
        inner.abort(err);
      }
      if (failure !== null) progress();
      queueMicrotask(launch);
    };
    progress();
    launch();
  });
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
