import { METRIC_COUNT, METRIC_NAMES } from '../model/metrics.ts';
import type { SimulationResult } from '../model/simulate.ts';
import type { RunOutput } from './run-request.ts';

/**
 * Packs a simulation's metrics into the typed arrays of a {@link RunOutput}: the model's
 * column-major buffer as it is (see run-metrics.ts), the initial state's metrics in
 * METRIC_NAMES order, and the yearly network when it was kept. Every worker method that
 * returns a run packs it here, so all give the same bytes.
 */
export function packRunOutput(res: SimulationResult): RunOutput {
  const years = res.year.length;
  const initial = new Float64Array(METRIC_COUNT);
  for (let m = 0; m < METRIC_COUNT; m++) initial[m] = res.initial[METRIC_NAMES[m]];
  const out: RunOutput = { seed: res.seed, years, values: res.values, initial };
  if (res.network) out.network = res.network.edges;
  return out;
}
