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
  /** Accepted scenarios run for 3 years. */
  ran?: number;
}

export function createFigures(property: string): FuzzFigures {
  return { property, cases: 0, accepted: 0, rejected: 0, escaped: 0, maxMs: 0 };
}

export function reportFigures(f: FuzzFigures): void {
  const file = process.env.FUZZ_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(f)}\n`);
}
