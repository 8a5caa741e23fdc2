import { simulate, type SimulationResult } from '../model/simulate.ts';
import { parseScenario, formatProblems } from '../scenario/parse.ts';
import { packRunOutput } from './pack-run-output.ts';
import { createWorldArena, type WorldArena } from '../model/world-arena.ts';
import type { RunOutput, RunRequest } from './run-request.ts';

/**
 * Runs one request and packs the result into compact typed arrays. This is the function
 * every runner ends in — in-thread, Node worker or browser worker — so all give the same
 * bytes for the same request.
 */
export function executeRun(req: RunRequest): RunOutput {
  // The packed output holds none of the world's arrays (its metrics are the run's own buffer), so they can serve the next run.
  return packRunOutput(simulateRequest(req, arena));
}

/** The arrays of the runs of this thread, one after another (runs here never overlap). */
const arena = createWorldArena();

/**
 * Validates the request's scenario and simulates it; throws with the problems if it is
 * invalid. With `arena`, the result's snapshot is valid until the arena's next run.
 */
export function simulateRequest(req: RunRequest, arena?: WorldArena): SimulationResult {
  const parsed = parseScenario(req.scenario);
  if (!parsed.ok) throw new Error(`invalid scenario:\n${formatProblems(parsed.problems)}`);
  return simulate(parsed.value, { seed: req.seed, years: req.years, network: req.network, arena });
}
