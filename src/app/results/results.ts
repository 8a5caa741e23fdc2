import type { RunOutput } from '../../runner/run-request.ts';
import type { Scenario, ScenarioInput } from '../../model/params/schema.ts';
import type { PosteriorDraw } from '../../analysis/posterior.ts';

/** Runs of a scenario and of its baseline with the same seeds, as the views draw them. */
export interface Results {
  /** Id of the request these results answer. */
  job: number;
  seeds: number[];
  years: number;
  /** `current[i]` and `baseline[i]` ran with `seeds[i]`. */
  current: RunOutput[];
  baseline: RunOutput[];
  /** False for the one-run preview, true once the ensemble is in. */
  ensemble: boolean;
  scenario: Scenario;
  input: ScenarioInput;
  baselineInput: ScenarioInput;
  /** With parameter uncertainty: the parameter set of each run (`draws[i]` ran with `seeds[i]`). */
  draws?: PosteriorDraw[];
}
