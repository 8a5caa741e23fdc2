import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import type { MessageKey } from './i18n/messages.ts';
import type { Results } from './results/results.ts';
import { createLatestScheduler } from './runner/latest-scheduler.ts';
import { pairedEnsemble, pairedPreview, type PairedEnsemble, type PairedPreview } from './runner/paired-runs.ts';
import type { RunService } from './runner/run-service.ts';
import { baselineInputOf, ensembleSeeds } from './state/comparison.ts';
import type { AppStore } from './state/app-store.ts';
import { scenarioFile } from './state/scenario-edits.ts';

/** A request to run: the scenario and its baseline over the same seeds. */
interface Job {
  id: number;
  /** When the change that caused it happened (performance.now()). */
  t0: number;
  input: ScenarioInput;
  baselineInput: ScenarioInput;
  scenario: Scenario;
  seeds: number[];
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
}

/** The app's runs: each request runs a one-seed preview, then the ensemble; newer requests win. */
export interface RunLoop {
  /** Runs the store's current state; a run in progress for an older state is dropped or aborted. */
  request(): void;
  /** The latest results shown (preview or ensemble). */
  readonly results: Results | null;
  /** The latest preview: the first seed of the scenario and its baseline. */
  readonly preview: PairedPreview | null;
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

  function show(job: Job, r: PairedEnsemble, ensemble: boolean) {
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
    };
    out.show(results);
  }

  // Bursts of requests coalesce to the latest.
  const scheduler = createLatestScheduler<Job, PairedPreview, PairedEnsemble>({
    preview(job) {
      root.dataset.previewsRun = String(Number(root.dataset.previewsRun ?? 0) + 1);
      return pairedPreview(runs, job);
    },
    refine: (job, p, signal) => pairedEnsemble(runs, job, p, signal),
    onPreview(job, p, stale) {
      preview = p;
      const single = job.seeds.length === 1;
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
      out.status({ key: 'status.error', params: { error: (e as Error)?.message ?? String(e) } });
      root.dataset.phase = 'error';
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
      });
    },
    get results() {
      return results;
    },
    get preview() {
      return preview;
    },
  };
}
