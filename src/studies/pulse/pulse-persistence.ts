import { createSimulation } from '../../model/simulate.ts';
import { METRIC_INDEX } from '../../model/metrics.ts';
import type { World } from '../../model/state.ts';
import { parseScenario, formatProblems } from '../../scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../../model/params/schema.ts';
import { pairedEffect, type PairedEffect } from '../../analysis/paired-effect.ts';
import { seedList } from '../claims/run-ensemble.ts';

/**
 * What a pulse run is followed by each year: the outcomes and the state that could carry
 * its memory (trust of partnerships, firms' attitudes, colleges' capabilities and
 * reputation, investment sunk into partnerships).
 */
export const PULSE_SERIES = {
  deep_share: 'share of firms whose deepest partnership is at depth 3 or 4',
  firms_cooperating_share: 'share of firms cooperating',
  mean_depth: 'mean depth of active partnerships',
  mean_trust: 'mean trust of active partnerships',
  mean_attitude: "firms' mean learned attitude to cooperation (noise units)",
  school_facilities: 'mean school training conditions',
  school_teacher_practice: 'mean practical skill of teachers',
  school_alignment: 'mean fit of majors to industry',
  school_reputation: 'mean college reputation',
  sunk_per_partnership: 'investment sunk into an active partnership so far (k¥, mean)',
} as const;

export type PulseSeries = keyof typeof PULSE_SERIES;

function stateOf(w: World, row: Float64Array): Record<PulseSeries, number> {
  const F = w.firms;
  const S = w.schools;
  const P = w.partnerships;
  let att = 0;
  for (let f = 0; f < F.n; f++) att += F.attitude[f];
  let rep = 0;
  for (let s = 0; s < S.n; s++) rep += S.reputation[s];
  let sunk = 0;
  let active = 0;
  for (let p = 0; p < P.school.length; p++) {
    if (P.school[p] < 0) continue;
    sunk += P.sunk[p];
    active++;
  }
  const m = (name: keyof typeof METRIC_INDEX) => row[METRIC_INDEX[name]];
  return {
    deep_share: m('depth_3_share') + m('depth_4_share'),
    firms_cooperating_share: m('firms_cooperating_share'),
    mean_depth: m('mean_depth'),
    mean_trust: m('mean_trust'),
    mean_attitude: att / F.n,
    school_facilities: m('school_facilities'),
    school_teacher_practice: m('school_teacher_practice'),
    school_alignment: m('school_alignment'),
    school_reputation: rep / S.n,
    sunk_per_partnership: active > 0 ? sunk / active : NaN,
  };
}

/** Series of one run: series[name][year]. */
function runSeries(scenario: Scenario, seed: number, years: number): Record<PulseSeries, Float64Array> {
  const sim = createSimulation(scenario, { seed });
  const out = {} as Record<PulseSeries, Float64Array>;
  for (const k of Object.keys(PULSE_SERIES) as PulseSeries[]) out[k] = new Float64Array(years);
  for (let y = 0; y < years; y++) {
    const row = sim.step();
    const st = stateOf(sim.world, row);
    for (const k of Object.keys(st) as PulseSeries[]) out[k][y] = st[k];
  }
  return out;
}

export interface PulseReport {
  seeds: readonly number[];
  years: number;
  /** First year without the pulse's levers. */
  endYear: number;
  /** effects[series][year]: pulse − baseline, paired by seed. */
  effects: Record<PulseSeries, PairedEffect[]>;
}

/**
 * Runs a pulse scenario and the baseline on the same seeds (in this thread: the state
 * behind the memory is read from the world each year) and gives the paired effect of
 * each series by year.
 */
export function measurePulse(pulse: ScenarioInput, baseline: ScenarioInput, options: { seeds?: number; endYear: number }): PulseReport {
  const parse = (s: ScenarioInput, what: string) => {
    const r = parseScenario(s);
    if (!r.ok) throw new Error(`${what}: invalid scenario\n${formatProblems(r.problems)}`);
    return r.value;
  };
  const p = parse(pulse, 'pulse');
  const b = { ...parse(baseline, 'baseline'), years: p.years };
  const seeds = seedList(options.seeds ?? 20);
  const runsP = seeds.map((s) => runSeries(p, s, p.years));
  const runsB = seeds.map((s) => runSeries(b, s, p.years));
  const effects = {} as Record<PulseSeries, PairedEffect[]>;
  for (const k of Object.keys(PULSE_SERIES) as PulseSeries[]) {
    effects[k] = [];
    for (let y = 0; y < p.years; y++)
      effects[k].push(pairedEffect(runsB.map((r) => r[k][y]), runsP.map((r) => r[k][y])));
  }
  return { seeds, years: p.years, endYear: options.endYear, effects };
}

/** Years after the pulse ends until an effect falls below `share` of its size in the pulse's last year (undefined if never). */
export function yearsUntil(effects: readonly PairedEffect[], endYear: number, share: number): number | undefined {
  const peak = effects[endYear - 1].meanDifference;
  for (let y = endYear; y < effects.length; y++) if (Math.abs(effects[y].meanDifference) < share * Math.abs(peak)) return y - endYear + 1;
  return undefined;
}

/** First year from which the 90% interval of the seeds' effects includes zero for good (undefined if never). */
export function indistinguishableFrom(effects: readonly PairedEffect[], endYear: number): number | undefined {
  let from: number | undefined;
  for (let y = endYear; y < effects.length; y++) {
    const e = effects[y];
    const zero = e.lo <= 0 && e.hi >= 0;
    if (zero && from === undefined) from = y;
    if (!zero) from = undefined;
  }
  return from;
}
