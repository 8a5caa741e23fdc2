import { appendFileSync } from 'node:fs';

/** Figures of one fuzz property, appended to FUZZ_REPORT (a JSON line each) for the campaign's summary. */
export interface FuzzFigures {
  property: string;
  cases: number;
  accepted: number;
  rejected: number;
  /** Exceptions that escaped the function under test (must be 0). */
  escaped: number;
  /** Slowest single call, ms. */
  maxMs: number;
  /** 99th percentile of the calls' times, ms. */
  p99Ms?: number;
  /** Calls over 100 ms. */
  over100Ms?: number;
  /** Every call's time, ms (summarised by {@link reportFigures}). */
  times: number[];
  /** Accepted scenarios run for 3 years. */
  ran?: number;
}

export function createFigures(property: string): FuzzFigures {
  return { property, cases: 0, accepted: 0, rejected: 0, escaped: 0, maxMs: 0, times: [] };
}

export function reportFigures(f: FuzzFigures): void {
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  const sorted = [...f.times].sort((a, b) => a - b);
  const { times: _all, ...rest } = f;
  const p99Ms = sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] : 0;
  appendFileSync(file, `${JSON.stringify({ ...rest, p99Ms, over100Ms: sorted.filter((t) => t > 100).length })}\n`);
}
