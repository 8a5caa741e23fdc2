import type { ScenarioInput } from '../../model/params/schema.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import { PRIORITY, type RunService } from './run-service.ts';

/** A scenario and the baseline it is compared with, over the same seeds. */
export interface PairedJob {
  input: ScenarioInput;
  baselineInput: ScenarioInput;
  seeds: number[];
}

/** The first seed of both scenarios. */
export interface PairedPreview {
  current: RunOutput;
  baseline: RunOutput;
}

/** Every seed of both scenarios, in seed order. */
export interface PairedEnsemble {
  current: RunOutput[];
  baseline: RunOutput[];
}

/** Runs the first seed of both scenarios ahead of any ensemble run. */
export async function pairedPreview(runs: RunService, job: PairedJob, signal?: AbortSignal): Promise<PairedPreview> {
  const [current, baseline] = await Promise.all([
    runs.run(job.input, job.seeds[0], PRIORITY.preview, signal),
    runs.run(job.baselineInput, job.seeds[0], PRIORITY.preview, signal),
  ]);
  return { current, baseline };
}

/** Runs the remaining seeds of both scenarios, reusing the preview for the first. */
export async function pairedEnsemble(runs: RunService, job: PairedJob, p: PairedPreview, signal: AbortSignal): Promise<PairedEnsemble> {
  if (job.seeds.length === 1) return { current: [p.current], baseline: [p.baseline] };
  const rest = job.seeds.slice(1);
  const [current, baseline] = await Promise.all([
    Promise.all(rest.map((s) => runs.run(job.input, s, PRIORITY.ensemble, signal))),
    Promise.all(rest.map((s) => runs.run(job.baselineInput, s, PRIORITY.ensemble, signal))),
  ]);
  return { current: [p.current, ...current], baseline: [p.baseline, ...baseline] };
}
