import { METRIC_NAMES } from '../../model/metrics.ts';
import type { MetricColumns } from '../../model/simulate.ts';
import { metricsToCsv } from '../../runner/metrics-table.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import { VERSION } from '../../version.ts';
import { effectSummary } from '../results/effects.ts';
import type { Results } from '../results/results.ts';
import { bandOf, type SeriesName } from '../results/series.ts';
import { metricColumn } from '../../runner/run-metrics.ts';
import { SHIPPED_POSTERIOR_FILE } from '../state/shipped-posterior.ts';

/** A run's metrics as the columns `metricsToCsv` takes, and its year column. */
export function runColumns(out: RunOutput): { year: Int32Array; metrics: MetricColumns } {
  const metrics = {} as MetricColumns;
  METRIC_NAMES.forEach((name, m) => (metrics[name] = metricColumn(out, m)));
  return { year: Int32Array.from({ length: out.years }, (_, i) => i), metrics };
}

/** One run as CSV: byte for byte what `coopsim run` writes for the same scenario and seed. */
export function runCsv(out: RunOutput): string {
  const { year, metrics } = runColumns(out);
  return metricsToCsv(year, metrics);
}

const round = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : null);

/**
 * The results shown, as a JSON document: both scenarios, the seeds, every metric's
 * median and 10–90% band per year for scenario and baseline, and the summary's effects.
 */
export function resultsJson(r: Results, effectYear: number, compare: string): string {
  const bands = (runs: RunOutput[]) => {
    const o: Record<string, { median: (number | null)[]; p10: (number | null)[]; p90: (number | null)[] }> = {};
    for (const name of [...METRIC_NAMES, 'deep_share', 'fiscal_cost_cumulative'] as SeriesName[]) {
      const b = bandOf(runs, name);
      o[name] = { median: Array.from(b.mid, round), p10: Array.from(b.lo, round), p90: Array.from(b.hi, round) };
    }
    return o;
  };
  const s = effectSummary(r.baseline, r.current, effectYear);
  const doc = {
    coopsim: VERSION,
    scenario: r.input,
    baseline: { compare, scenario: r.baselineInput },
    seeds: r.seeds,
    parameterUncertainty: r.draws ? { posterior: SHIPPED_POSTERIOR_FILE, draws: r.draws } : null,
    years: r.years,
    ensemble: r.ensemble,
    effects: {
      year: s.year,
      pairs: s.n,
      interval: '5%–95% of paired differences',
      outcomes: Object.fromEntries(s.rows.map((row) => [row.key, row.effect])),
      fiscalCostCumulativeMYuan: s.fiscal,
      extraDeepPartnerships: s.extraDeep,
      costPerExtraDeepPartnershipMYuan: round(s.costPerDeep),
    },
    current: bands(r.current),
    baselineBands: bands(r.baseline),
  };
  return `${JSON.stringify(doc, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
