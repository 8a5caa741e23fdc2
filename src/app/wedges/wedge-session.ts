import { DEFAULT_COMPARISON_METRICS, type ComparisonMetric } from '../../analysis/compare-scenarios.ts';
import type { PosteriorDraw } from '../../analysis/posterior.ts';
import type { Scenario } from '../../model/params/schema.ts';
import { leverWedges, type LeverWedges } from '../../optimize/lever-wedges.ts';
import { createLatestScheduler } from '../../runner/latest-scheduler.ts';
import type { Runner } from '../../runner/runner.ts';
import { PRIORITY, type RunService } from '../scheduling/run-service.ts';

/** The outputs the panel decomposes: the summary card's, so the two read alike. */
export const WEDGE_METRICS: readonly ComparisonMetric[] = DEFAULT_COMPARISON_METRICS;

/** One decomposition to run: the package (the app's scenario), its baseline and the ensemble's seeds. */
export interface WedgeJob {
  /** Identity of the job: a result is shown only for the scenario, baseline and seeds it was run for. */
  key: string;
  pkg: Scenario;
  baseline: Scenario;
  /** Ensemble size and master seed: run i uses deriveSeed(seed, i), as `coopsim compare`. */
  seeds: number;
  seed: number;
  /** With parameter uncertainty: pair i runs every sub-scenario with parameter set i. */
  draws?: PosteriorDraw[];
  runs: RunService;
}

/** Where the panel's decomposition stands. */
export interface WedgeSessionState {
  phase: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  done: number;
  total: number;
  /** The last finished decomposition and the job it belongs to. */
  result: { key: string; wedges: LeverWedges; withDraws: boolean } | null;
  error: string;
  /** Once the user has asked for the decomposition, a changed scenario runs it again. */
  following: boolean;
}

/**
 * The decomposition in the app's workers: the (2·L+2) scenarios × seeds of
 * `coopsim compare --wedges`, every year and {@link WEDGE_METRICS} at once, counting
 * finished runs for the progress line. Rejects when `signal` fires.
 */
export async function runWedgeJob(job: WedgeJob, signal: AbortSignal, onRun: () => void): Promise<LeverWedges> {
  const runner: Runner = {
    concurrency: job.runs.pool.concurrency,
    run: async (req, s) => {
      const out = await job.runs.run(req.scenario, req.seed, PRIORITY.wedges, s);
      onRun();
      return out;
    },
    close: async () => {},
  };
  const years = Array.from({ length: job.pkg.years }, (_, y) => y);
  return leverWedges(job.pkg, job.baseline, { runner, seeds: job.seeds, seed: job.seed, metrics: WEDGE_METRICS, years, draws: job.draws, signal });
}

/** The runs a decomposition of `levers` levers over `seeds` seeds takes. */
export const wedgeRuns = (levers: number, seeds: number) => (2 * levers + 2) * seeds;

const state: WedgeSessionState = { phase: 'idle', done: 0, total: 0, result: null, error: '', following: false };
let listener: (() => void) | null = null;
const changed = () => listener?.();

// Latest wins: a new request aborts the decomposition in progress; there is no preview stage.
const scheduler = createLatestScheduler<WedgeJob, null, LeverWedges>({
  preview: async () => null,
  refine: (job, _p, signal) => runWedgeJob(job, signal, () => {
    state.done++;
    changed();
  }),
  onPreview: () => {},
  onRefined(job, wedges) {
    Object.assign(state, { phase: 'done', result: { key: job.key, wedges, withDraws: job.draws !== undefined } });
    changed();
  },
  onError(_job, e) {
    Object.assign(state, { phase: 'error', error: ((e as Error)?.message ?? String(e)).split('\n')[0] });
    changed();
  },
});

/**
 * The panel's decomposition, kept across redraws of the overview (each new result, a
 * language switch, a resize rebuilds the panel, which then listens again).
 */
export const wedgeSession = {
  get state(): Readonly<WedgeSessionState> {
    return state;
  },
  /** The one panel on the page that hears of progress and results. */
  listen(fn: (() => void) | null) {
    listener = fn;
  },
  request(job: WedgeJob, levers: number) {
    Object.assign(state, { phase: 'running', done: 0, total: wedgeRuns(levers, job.seeds), error: '', following: true });
    scheduler.request(job);
    changed();
  },
  cancel() {
    scheduler.cancel();
    Object.assign(state, { phase: 'cancelled', following: false });
    changed();
  },
  /** The latest job asked for (to tell whether a scenario's decomposition is already on its way). */
  get latestKey(): string | undefined {
    return scheduler.latest?.key;
  },
};
