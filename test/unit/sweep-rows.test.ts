import { stringify } from 'csv-stringify/browser/esm/sync';
import { describe, expect, it } from 'vitest';
import { METRIC_COUNT, METRIC_NAMES } from '../../src/model/metrics.ts';
import { formatNumber } from '../../src/runner/metrics-table.ts';
import { runValues } from '../../src/runner/run-metrics.ts';
import { yearsLines } from '../../src/experiment/sweep/sweep-rows.ts';
import type { RunOutput } from '../../src/runner/run-request.ts';
import type { ExperimentPlan } from '../../src/experiment/plan/experiment-plan.ts';

describe('years.csv lines', () => {
  it('are what the CSV writer makes of the same cells, for every kind of number', () => {
    const kept = [METRIC_NAMES[0], METRIC_NAMES[5], METRIC_NAMES[METRIC_COUNT - 1]];
    const plan = { experiment: { outputs: { years: kept } } } as unknown as ExperimentPlan;
    const odd = [0, -0, 0.1 + 0.2, -1234.5, 1e-7, 1e21, 123456789012, NaN, Infinity, -Infinity];
    const years = odd.length;
    const cell = (m: number, y: number) => odd[(y + m) % odd.length];
    const out: RunOutput = { seed: 1, years, values: runValues(years, cell), initial: new Float64Array(METRIC_COUNT) };

    const idx = kept.map((name) => METRIC_NAMES.indexOf(name));
    const rows = Array.from({ length: years }, (_, y) => ['42', String(y), ...idx.map((i) => formatNumber(cell(i, y)))]);
    expect(yearsLines(plan, 42, out)).toBe(stringify(rows, { record_delimiter: 'unix' }));
    expect(yearsLines(plan, 42, out).split('\n')).toHaveLength(years + 1);
  });

  it('are empty when the experiment keeps no years', () => {
    const plan = { experiment: { outputs: {} } } as unknown as ExperimentPlan;
    const out: RunOutput = { seed: 1, years: 2, values: new Float64Array(2 * METRIC_COUNT), initial: new Float64Array(METRIC_COUNT) };
    expect(yearsLines(plan, 1, out)).toBe('');
  });
});
