import { METRIC_COUNT, METRIC_NAMES } from '../model/metrics.ts';
import { simulate } from '../model/simulate.ts';
import { parseScenario, formatProblems } from '../scenario/parse.ts';
import type { RunOutput, RunRequest } from './run-request.ts';

/**
 * Runs one request and packs the result into transferable arrays. This is the function
 * every runner ends in — in-thread, Node worker or browser worker — so all give the same
 * bytes for the same request.
 */
export function executeRun(req: RunRequest): RunOutput {
  const parsed = parseScenario(req.scenario);
  if (!parsed.ok) throw new Error(`invalid scenario:\n${formatProblems(parsed.problems)}`);
  const res = simulate(parsed.value, { seed: req.seed, years: req.years, network: req.network });
  const years = res.year.length;
  const values = new Float64Array(years * METRIC_COUNT);
  for (let m = 0; m < METRIC_COUNT; m++) {
    const col = res.metrics[METRIC_NAMES[m]];
    for (let y = 0; y < years; y++) values[y * METRIC_COUNT + m] = col[y];
  }
  const initial = new Float64Array(METRIC_COUNT);
  for (let m = 0; m < METRIC_COUNT; m++) initial[m] = res.initial[METRIC_NAMES[m]];
  const out: RunOutput = { seed: res.seed, years, values, initial };
  if (res.network) out.network = res.network.edges;
  return out;
}

/** The transferable buffers of an output (for comlink.transfer). */
export function transferablesOf(out: RunOutput): ArrayBuffer[] {
  const list = [out.values.buffer as ArrayBuffer, out.initial.buffer as ArrayBuffer];
  if (out.network) for (const e of out.network) list.push(e.buffer as ArrayBuffer);
  return list;
}
