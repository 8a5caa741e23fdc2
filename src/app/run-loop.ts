import type { Scenario, ScenarioInput } from '../model/params/schema.ts';
import type { MessageKey } from './i18n/messages.ts';
import type { Results } from './results/results.ts';
import { createLatestScheduler } from '../runner/latest-scheduler.ts';
import { pairedEnsemble, pairedPreview, type PairedEnsemble, type PairedPreview } from './scheduling/paired-runs.ts';
import type { RunService } from './scheduling/run-service.ts';
import { baselineInputOf, ensembleSeeds } from './state/comparison.ts';
import type { AppStore } from './state/app-store.ts';
import { scenarioFile } from './state/scenario-edits.ts';
import { ensembleDraws } from './state/shipped-posterior.ts';
import type { PosteriorDraw } from '../analysis/posterior.ts';

/** A request to run: the scenario and its baseline over the same seeds. */
interface Job {
  id: number;
  /** When the change that caused it happened (performance.now()). */
  t0: number;
  input: ScenarioInput;
  baselineInput: ScenarioInput;
  scenario: Scenario;
  seeds: number[];
  draws?: PosteriorDraw[];
}

/** A status line: a message key and its parameters. */
export interface RunStatus {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Where the run loop reports to: the status line and the results the views draw. */
export interface RunLoopOutput {
  status(status: RunStatus): void;
  show(results: Results): void;
  /** Shows or hides the Cancel button: shown once a run has taken over a second. */
  cancellable(shown: boolean): void;
}

/** The app's runs: each request runs a one-seed preview, then the ensemble; newer requests win. */
export interface RunLoop {
  /** Runs the store's current state; a run in progress for an older state is dropped or aborted. */
  request(): void;
  /** The latest results shown (preview or ensemble). */
  readonly results: Results | null;
  /** The latest preview: the first seed of the scenario and its baseline. */
  readonly preview: PairedPreview | null;
  /** Stops whatever runs; the charts keep the last finished run, marked stale. */
  cancel(): void;
}

/**
 * Creates the run loop. `root.dataset` records what a test or a benchmark reads: the phase
 * (`preview`, `ensemble`, `error`), the job shown, the time from change to preview and to
 * ensemble, and how many previews ran and ensembles were shown.
 */
export function createRunLoop(root: HTMLElement, runs: RunService, store: AppStore, out: RunLoopOutput): RunLoop {
  let results: Results | null = null;
  let preview: PairedPreview | null = null;
  let jobId = 0;
  let cancelTimer: ReturnType<typeof setTimeout> | null = null;

  /** Hides the Cancel button once nothing runs. */
  function runEnded() {
    if (cancelTimer) clearTimeout(cancelTimer);
    cancelTimer = null;
    out.cancellable(false);
  }

  function show(job: Job, r: PairedEnsemble, ensemble: boolean) {
    delete root.dataset.stale;
    results = {
      job: job.id,
      seeds: job.seeds.slice(0, r.current.length),
      years: r.current[0].years,
      current: r.current,
      baseline: r.baseline,
      ensemble,
      scenario: job.scenario,
      input: job.input,
      baselineInput: job.baselineInput,
      draws: job.draws?.slice(0, r.current.length),
    };
    out.show(results);
  }

  // Bursts of requests coalesce to the latest.
  const scheduler = createLatestScheduler<Job, PairedPreview, PairedEnsemble>({
    preview(job, signal) {
      root.dataset.previewsRun = String(Number(root.dataset.previewsRun ?? 0) + 1);
      return pairedPreview(runs, job, signal);
    },
    refine: (job, p, signal) => pairedEnsemble(runs, job, p, signal),
    onPreview(job, p, stale) {
      preview = p;
      const single = job.seeds.length === 1;
      if (single && !stale) runEnded();
      show(job, { current: [p.current], baseline: [p.baseline] }, single);
      out.status(single ? { key: 'status.single', params: { seed: job.seeds[0] } } : { key: 'status.quick', params: { n: job.seeds.length } });
      root.dataset.phase = single ? 'ensemble' : 'preview';
      root.dataset.job = String(job.id);
      const ms = performance.now() - job.t0;
      root.dataset.previewMs = ms.toFixed(1);
      if (single) root.dataset.ensembleMs = ms.toFixed(1);
      if (stale) root.dataset.phase = 'preview';
    },
    onRefined(job, r) {
      runEnded();
      if (job.seeds.length === 1) return;
      show(job, r, true);
      out.status({
        key: 'status.ensemble',
        params: { n: job.seeds.length, from: job.seeds[0], to: job.seeds[job.seeds.length - 1] },
      });
      root.dataset.phase = 'ensemble';
      root.dataset.job = String(job.id);
      root.dataset.ensembleMs = (performance.now() - job.t0).toFixed(1);
      root.dataset.ensemblesShown = String(Number(root.dataset.ensemblesShown ?? 0) + 1);
    },
    onError(_job, e) {
      runEnded();
      const error = ((e as Error)?.message ?? String(e)).split('\n')[0];
      // The charts keep the last run that worked, marked stale, beside the message.
      out.status({ key: results ? 'status.errorStale' : 'status.error', params: { error } });
      root.dataset.phase = 'error';
      if (results) root.dataset.stale = 'true';
    },
  });

  return {
    request() {
      const { state, scenario } = store;
      const input = scenarioFile(state.preset, state.edits);
      scheduler.request({
        id: ++jobId,
        t0: performance.now(),
        input,
        baselineInput: baselineInputOf(state, input),
        scenario,
        seeds: ensembleSeeds(scenario.seed, state.ensemble),
        draws: state.paramUncertainty ? ensembleDraws(scenario.seed, state.ensemble) : undefined,
      });
      if (cancelTimer) clearTimeout(cancelTimer);
      cancelTimer = setTimeout(() => {
        cancelTimer = null;
        if (scheduler.busy) out.cancellable(true);
      }, 1000);
    },
    cancel() {
      scheduler.cancel();
      runEnded();
      out.status({ key: 'status.cancelled', params: {} });
      root.dataset.phase = 'cancelled';
      if (results) root.dataset.stale = 'true';
    },
    get results() {
      return results;
    },
    get preview() {
      return preview;
    },
  };
}
