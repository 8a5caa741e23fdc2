import { METRIC_COUNT, METRIC_NAMES } from '../model/metrics.ts';
import type { SimulationResult } from '../model/simulate.ts';
import type { RunOutput } from './run-request.ts';
import { valueIndex } from './run-metrics.ts';

/**
 * Packs a simulation's metrics into the typed arrays of a {@link RunOutput}
 * (row-major, METRIC_NAMES order), with the yearly network when it was kept. Every
 * worker method that returns a run packs it here, so all give the same bytes.
 */
export function packRunOutput(res: SimulationResult): RunOutput {
  const years = res.year.length;
  const values = new Float64Array(years * METRIC_COUNT);
  for (let m = 0; m < METRIC_COUNT; m++) {
    const col = res.metrics[METRIC_NAMES[m]];
    for (let y = 0; y < years; y++) values[valueIndex(y, m)] = col[y];
  }
  const initial = new Float64Array(METRIC_COUNT);
  for (let m = 0; m < METRIC_COUNT; m++) initial[m] = res.initial[METRIC_NAMES[m]];
  const out: RunOutput = { seed: res.seed, years, values, initial };
  if (res.network) out.network = res.network.edges;
  return out;
}
