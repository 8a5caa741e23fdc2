import posteriorDocument from '../../../scenarios/calibration/status-quo.posterior.json';
import { applyDraw, drawPosterior, posteriorFromDocument, type Posterior, type PosteriorDraw } from '../../analysis/posterior.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';

/** Where the posterior bundled with the app comes from (the file `coopsim calibrate` regenerates). */
export const SHIPPED_POSTERIOR_FILE = 'scenarios/calibration/status-quo.posterior.json';

let posterior: Posterior | null = null;

/** The status-quo posterior bundled with the app (read once). */
export function shippedPosterior(): Posterior {
  posterior ??= posteriorFromDocument(posteriorDocument, SHIPPED_POSTERIOR_FILE);
  return posterior;
}

/**
 * The parameter sets of an ensemble with parameter uncertainty: run i draws set i. They
 * are what `coopsim compare --posterior` draws for the same master seed and run count.
 */
export function ensembleDraws(seed: number, n: number): PosteriorDraw[] {
  return drawPosterior(shippedPosterior(), n, seed);
}

/** The input of run i: the scenario with parameter set i on top (fields the scenario sets keep their values). */
export function inputWithDraw(input: ScenarioInput, draws: readonly PosteriorDraw[] | undefined, i: number): ScenarioInput {
  return draws ? applyDraw(input, draws[i]) : input;
}
