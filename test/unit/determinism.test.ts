import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { simulate } from '../../src/model/simulate.ts';
import { metricsToCsv } from '../../src/runner/metrics-table.ts';
import { shipped, small } from '../helpers/scenario.ts';

const GOLDEN = 'test/golden/baseline-seed7.csv';

/** Rounds every number of a CSV to 6 significant digits (the golden file's precision). */
function rounded(csv: string): string {
  return csv
    .trim()
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.split(',').map((v) => (v === '' ? v : String(Number(Number(v).toPrecision(6))))).join(',')))
    .join('\n');
}

/** Lists the cells that differ, as "year Y, column: expected → actual". */
function cellDiff(expected: string, actual: string): string[] {
  const e = expected.split('\n').map((l) => l.split(','));
  const a = actual.split('\n').map((l) => l.split(','));
  const header = a[0];
  const out: string[] = [];
  for (let r = 1; r < Math.max(e.length, a.length); r++)
    for (let c = 0; c < header.length; c++)
      if (e[r]?.[c] !== a[r]?.[c]) out.push(`year ${a[r]?.[0] ?? e[r]?.[0]}, ${header[c]}: ${e[r]?.[c]} → ${a[r]?.[c]}`);
  if (e[0].join(',') !== a[0].join(',')) out.unshift(`header: ${e[0].join(',')} → ${a[0].join(',')}`);
  return out;
}

describe('determinism', () => {
  it('the same scenario and seed give byte-identical output', () => {
    const s = small();
    const a = simulate(s, { seed: 11 });
    const b = simulate(s, { seed: 11 });
    expect(metricsToCsv(a.year, a.metrics)).toBe(metricsToCsv(b.year, b.metrics));
  });

  it('different seeds give different runs', () => {
    const s = small();
    const a = simulate(s, { seed: 1 });
    const b = simulate(s, { seed: 2 });
    expect(metricsToCsv(a.year, a.metrics)).not.toBe(metricsToCsv(b.year, b.metrics));
  });

  it('a lever change leaves other phases\' random streams alone: runs agree until the lever starts', () => {
    const s1 = small({ policy: { subsidyPerInternMonth: [{ from: 5, value: 1 }] } });
    const s0 = small();
    const a = simulate(s1, { seed: 3 });
    const b = simulate(s0, { seed: 3 });
    expect(Array.from(a.metrics.mean_depth.slice(0, 5))).toEqual(Array.from(b.metrics.mean_depth.slice(0, 5)));
    expect(Array.from(a.metrics.fiscal_cost.slice(5))).not.toEqual(Array.from(b.metrics.fiscal_cost.slice(5)));
  });

  it('the baseline matches its golden output (6 significant digits)', () => {
    const res = simulate(shipped('baseline'), { seed: 7 });
    const actual = rounded(metricsToCsv(res.year, res.metrics));
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, `${actual}\n`);
    const expected = readFileSync(GOLDEN, 'utf8').trim();
    const diff = cellDiff(expected, actual);
    expect(diff.slice(0, 20), `baseline output changed in ${diff.length} cells (UPDATE_GOLDEN=1 rewrites ${GOLDEN}; say why in the commit)`).toEqual([]);
  });
});

describe('undefined averages in output files', () => {
  it('a NaN metric is an empty CSV cell and null in JSON, never 0', async () => {
    const { metricsToJson } = await import('../../src/runner/metrics-table.ts');
    const res = simulate(small({ spinUpYears: 0, firms: { highTechShare: 1 } }), { seed: 1, years: 2 });
    expect(res.metrics.firm_net_benefit_low_tech[0]).toBeNaN();
    const csv = metricsToCsv(res.year, res.metrics).trim().split('\n');
    const col = csv[0].split(',').indexOf('firm_net_benefit_low_tech');
    expect(csv[1].split(',')[col]).toBe('');
    const json = JSON.parse(metricsToJson({ scenario: 'x', seed: 1 }, res.year, res.metrics));
    expect(json.years[0].firm_net_benefit_low_tech).toBeNull();
  });
});
