import type { Snapshot } from '../model/simulate.ts';
import { simulateRequest } from './execute-run.ts';
import { packRunOutput } from './pack-run-output.ts';
import type { RunOutput, RunRequest } from './run-request.ts';
import { networkLayout, type NetworkLayout } from '../analysis/network-layout.ts';

/** A run for the network view and the inspector: metrics, every year's network, final state. */
export interface InspectOutput {
  output: RunOutput;
  /** Per-agent state after the last simulated year (see explainDecision). */
  snapshot: Snapshot;
  /** Positions of colleges and cooperating firms for the network view, when asked for. */
  layout?: NetworkLayout;
}

/**
 * Runs `req` keeping the yearly network and the final per-agent state. The output is
 * packed as by executeRun (see packRunOutput). To inspect year y, ask for
 * `years: y + 1`: a shorter run repeats the longer one's first years exactly.
 */
export function inspectRun(req: RunRequest, options: { layout?: boolean } = {}): InspectOutput {
  const res = simulateRequest({ ...req, network: true });
  const output = packRunOutput(res);
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
    // Copied, not transferred: see workerApi.
    return inspectRun(req, options);
  },
};
