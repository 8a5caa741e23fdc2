import type { Scenario } from '../model/params/schema.ts';

/**
 * Memory of one run, in bytes a firm: a fixed part and a part per partner slot. Measured with
 * Node 20 (heap and array buffers after a run): 470 B a firm at 2 partners, 980 B at 8, the same
 * for 100,000 and 1,000,000 firms.
 */
export const RUN_BYTES_PER_FIRM = { fixed: 300, perPartner: 85 } as const;
/** Time of one run, in microseconds a firm-year on one core (measured as above: 8–11.5 µs). */
export const RUN_MICROSECONDS_PER_FIRM_YEAR = 9;
/** Firm-years above which `coopsim run` asks for `--allow-large` (about 3 minutes on one core). */
export const LARGE_RUN_FIRM_YEARS = 20_000_000;

/** Estimated memory and time of one run of a scenario. */
export interface RunEstimate {
  bytes: number;
  seconds: number;
  firmYears: number;
}

/** Estimates one run's memory and time from the world's size and the years. */
export function estimateRun(scenario: Pick<Scenario, 'world' | 'years'>): RunEstimate {
  const { firms, maxPartnersPerFirm } = scenario.world;
  const firmYears = firms * scenario.years;
  return {
    bytes: firms * (RUN_BYTES_PER_FIRM.fixed + RUN_BYTES_PER_FIRM.perPartner * maxPartnersPerFirm),
    seconds: (firmYears * RUN_MICROSECONDS_PER_FIRM_YEAR) / 1e6,
    firmYears,
  };
}

/** Why a run is large enough to need confirmation, with its estimate; null when it is not. */
export function largeRunMessage(scenario: Pick<Scenario, 'world' | 'years'>): string | null {
  const e = estimateRun(scenario);
  if (e.firmYears <= LARGE_RUN_FIRM_YEARS) return null;
  const mb = Math.round(e.bytes / 1e6);
  const time = e.seconds >= 120 ? `${Math.round(e.seconds / 60)} minutes` : `${Math.round(e.seconds)} s`;
  return (
    `${scenario.world.firms} firms × ${scenario.years} years is a large run (about ${mb} MB and ${time} on one core); ` +
    'add --allow-large to run it, or make it smaller'
  );
}
