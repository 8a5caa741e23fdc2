import type { ScenarioInput } from '../../model/params/schema.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import { PRIORITY, type RunService } from './run-service.ts';
import type { PosteriorDraw } from '../../analysis/posterior.ts';
import { inputWithDraw } from '../state/shipped-posterior.ts';

/** A scenario and the baseline it is compared with, over the same seeds. */
export interface PairedJob {
  input: ScenarioInput;
  baselineInput: ScenarioInput;
  seeds: number[];
  /** With parameter uncertainty: run i of both scenarios has parameter set i on top. */
  draws?: PosteriorDraw[];
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
    runs.run(inputWithDraw(job.input, job.draws, 0), job.seeds[0], PRIORITY.preview, signal),
    runs.run(inputWithDraw(job.baselineInput, job.draws, 0), job.seeds[0], PRIORITY.preview, signal),
  ]);
  return { current, baseline };
}

/** Runs the remaining seeds of both scenarios, reusing the preview for the first. */
export async function pairedEnsemble(runs: RunService, job: PairedJob, p: PairedPreview, signal: AbortSignal): Promise<PairedEnsemble> {
  if (job.seeds.length === 1) return { current: [p.current], baseline: [p.baseline] };
  const rest = job.seeds.slice(1);
  const [current, baseline] = await Promise.all([
    Promise.all(rest.map((s, k) => runs.run(inputWithDraw(job.input, job.draws, k + 1), s, PRIORITY.ensemble, signal))),
    Promise.all(rest.map((s, k) => runs.run(inputWithDraw(job.baselineInput, job.draws, k + 1), s, PRIORITY.ensemble, signal))),
  ]);
  return { current: [p.current, ...current], baseline: [p.baseline, ...baseline] };
}
