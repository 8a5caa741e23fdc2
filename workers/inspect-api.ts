import { transfer } from 'comlink';
import { METRIC_COUNT, METRIC_NAMES } from '../src/model/metrics.ts';
import { simulate, type Snapshot } from '../src/model/simulate.ts';
import { formatProblems, parseScenario } from '../src/scenario/parse.ts';
import type { RunOutput, RunRequest } from '../src/runner/run-request.ts';
import { networkLayout, type NetworkLayout } from '../src/app/charts/network-layout.ts';

/** A run for the network view and the inspector: metrics, every year's network, final state. */
export interface InspectOutput {
  output: RunOutput;
  /** Per-agent state after the last simulated year (see explainDecision). */
  snapshot: Snapshot;
  /** Positions of colleges and cooperating firms for the network view, when asked for. */
  layout?: NetworkLayout;
}

/** Every typed array reachable from `value`, by buffer, once. */
function buffersOf(value: unknown, into = new Set<ArrayBuffer>()): Set<ArrayBuffer> {
  if (ArrayBuffer.isView(value)) into.add(value.buffer as ArrayBuffer);
  else if (Array.isArray(value)) for (const v of value) buffersOf(v, into);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) buffersOf(v, into);
  return into;
}

/**
 * Runs `req` keeping the yearly network and the final per-agent state. The metrics are
 * packed as by executeRun (row-major, METRIC_NAMES order). To inspect year y, ask for
 * `years: y + 1`: a shorter run repeats the longer one's first years exactly.
 */
export function inspectRun(req: RunRequest, options: { layout?: boolean } = {}): InspectOutput {
  const parsed = parseScenario(req.scenario);
  if (!parsed.ok) throw new Error(`invalid scenario:\n${formatProblems(parsed.problems)}`);
  const res = simulate(parsed.value, { seed: req.seed, years: req.years, network: true });
  const years = res.year.length;
  const values = new Float64Array(years * METRIC_COUNT);
  for (let m = 0; m < METRIC_COUNT; m++) {
    const col = res.metrics[METRIC_NAMES[m]];
    for (let y = 0; y < years; y++) values[y * METRIC_COUNT + m] = col[y];
  }
  const initial = new Float64Array(METRIC_COUNT);
  for (let m = 0; m < METRIC_COUNT; m++) initial[m] = res.initial[METRIC_NAMES[m]];
  const output: RunOutput = { seed: res.seed, years, values, initial, network: res.network?.edges ?? [] };
  const out: InspectOutput = { output, snapshot: res.snapshot };
  if (options.layout)
    out.layout = networkLayout({ schools: res.snapshot.schools.n, schoolRegion: res.snapshot.schools.region, edges: output.network ?? [] });
  return out;
}

/**
 * The inspection methods the browser worker exposes next to the shared worker API
 * (the network layout is computed here, off the page's thread).
 */
export const inspectApi = {
  inspect(req: RunRequest, options: { layout?: boolean } = {}): InspectOutput {
    const out = inspectRun(req, options);
    return transfer(out, [...buffersOf(out)]);
  },
};
