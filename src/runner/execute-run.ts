import { simulate, type SimulationResult } from '../model/simulate.ts';
import { parseScenario, formatProblems } from '../scenario/parse.ts';
import { packRunOutput } from './pack-run-output.ts';
import type { RunOutput, RunRequest } from './run-request.ts';

/**
 * Runs one request and packs the result into transferable arrays. This is the function
 * every runner ends in — in-thread, Node worker or browser worker — so all give the same
 * bytes for the same request.
 */
export function executeRun(req: RunRequest): RunOutput {
  return packRunOutput(simulateRequest(req));
}

/** Validates the request's scenario and simulates it; throws with the problems if it is invalid. */
export function simulateRequest(req: RunRequest): SimulationResult {
  const parsed = parseScenario(req.scenario);
  if (!parsed.ok) throw new Error(`invalid scenario:\n${formatProblems(parsed.problems)}`);
  return simulate(parsed.value, { seed: req.seed, years: req.years, network: req.network });
}

/** The transferable buffers of an output (for comlink.transfer). */
export function transferablesOf(out: RunOutput): ArrayBuffer[] {
  const list = [out.values.buffer as ArrayBuffer, out.initial.buffer as ArrayBuffer];
  if (out.network) for (const e of out.network) list.push(e.buffer as ArrayBuffer);
  return list;
}
