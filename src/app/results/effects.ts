import { costPerExtra, pairedEffect, type PairedEffect } from '../../analysis/paired-effect.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import { valuesAt, type SeriesName } from './series.ts';

/** The outcomes the summary card reports, in order. */
export const EFFECT_ROWS = [
  { key: 'deep', series: 'deep_share', kind: 'share' },
  { key: 'cooperating', series: 'firms_cooperating_share', kind: 'share' },
  { key: 'meanDepth', series: 'mean_depth', kind: 'level' },
  { key: 'oneTime', series: 'one_year_share', kind: 'share' },
  { key: 'employment', series: 'employment_rate', kind: 'share' },
] as const satisfies readonly { key: string; series: SeriesName; kind: 'share' | 'level' }[];

export type EffectKey = (typeof EFFECT_ROWS)[number]['key'];

/** Effects of the scenario in one year against its paired baseline. */
export interface EffectSummary {
  year: number;
  /** Seed pairs behind the numbers. */
  n: number;
  rows: { key: EffectKey; kind: 'share' | 'level'; effect: PairedEffect }[];
  /** Fiscal cost summed over years 0…year, M¥ (scenario, baseline and paired difference). */
  fiscal: PairedEffect;
  /** Extra deep partnerships (depth 3–4) in `year`. */
  extraDeep: PairedEffect;
  /** Extra cumulative fiscal cost per extra deep partnership in `year`, M¥ (NaN if none). */
  costPerDeep: number;
}

/**
 * The summary card's numbers: for each outcome, baseline → scenario and the paired
 * difference with its 90% interval; the fiscal cost to `year` and the cost per extra deep
 * partnership. `baseline[i]` and `current[i]` must come from the same seed. Pure.
 */
export function effectSummary(baseline: readonly RunOutput[], current: readonly RunOutput[], year: number): EffectSummary {
  if (baseline.length !== current.length) throw new RangeError('baseline and scenario need the same seeds');
  const t = Math.max(0, Math.min(year, (current[0]?.years ?? 1) - 1));
  const pe = (s: SeriesName) => pairedEffect(valuesAt(baseline, s, t), valuesAt(current, s, t));
  const fiscalB = valuesAt(baseline, 'fiscal_cost_cumulative', t);
  const fiscalC = valuesAt(current, 'fiscal_cost_cumulative', t);
  const deepB = valuesAt(baseline, 'deep_partnerships', t);
  const deepC = valuesAt(current, 'deep_partnerships', t);
  return {
    year: t,
    n: current.length,
    rows: EFFECT_ROWS.map((r) => ({ key: r.key, kind: r.kind, effect: pe(r.series) })),
    fiscal: pairedEffect(fiscalB, fiscalC),
    extraDeep: pairedEffect(deepB, deepC),
    costPerDeep: costPerExtra(
      fiscalC.map((c, i) => c - fiscalB[i]),
      deepC.map((c, i) => c - deepB[i]),
    ),
  };
}
