import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { coopsim } from '../helpers/cli.ts';
import { quantile } from '../../src/analysis/quantiles.ts';

const GOAL = 'test/fixtures/goals/tiny-posterior.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'coopsim-optimize-posterior-'));

describe('coopsim optimize across parameter sets drawn from a posterior', () => {
  const out = tmp();

  it('runs every candidate with each seed under each parameter set, and lists the sets in the manifest', () => {
    const r = coopsim(['optimize', GOAL, '--out', out, '--workers', '2']);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.parameterSets.posterior).toBe('../../../scenarios/calibration/status-quo.posterior.json');
    expect(manifest.parameterSets.draws).toHaveLength(2);
    // (8 candidates + the base) × 2 seeds × 2 parameter sets.
    expect(manifest.runs).toBe(9 * 2 * 2);
    expect(readFileSync(join(out, 'summary.txt'), 'utf8')).toContain('each run with the same 2 seeds for each of the same 2 parameter sets drawn from');
  }, 120_000);

  it("reproduces a Pareto point's figures from single runs with its levers, each seed and each parameter set", () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const [point] = parse(readFileSync(join(out, 'pareto.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const base = join(tmp(), 'base.json');
    writeFileSync(base, JSON.stringify({ world: { schools: 6, firms: 300 } }));
    const cost: number[] = [];
    const deep: number[] = [];
    for (const draw of manifest.parameterSets.draws as Record<string, number>[])
      for (const seed of manifest.seeds.seeds as number[]) {
        const sets = [`policy.law=${point['policy.law']}`, `policy.taxRelief=${point['policy.taxRelief']}`, ...Object.entries(draw).map(([k, v]) => `${k}=${v}`)];
        const r = coopsim(['run', base, '--years', '4', '--seed', String(seed), '--format', 'json', ...sets.flatMap((a) => ['--set', a])]);
        expect(r.status, r.stderr).toBe(0);
        const years = JSON.parse(r.stdout).years as Record<string, number>[];
        cost.push(years.reduce((sum, y) => sum + y.fiscal_cost, 0));
        deep.push(years[3].depth_3_share + years[3].depth_4_share);
      }
    // The value reached in 80% of the runs: the 80% quantile of a cost, the (1 − 0.8) quantile of a share, as the goal computes them.
    expect(Number(point.fiscal_cost_cum)).toBe(quantile(cost, 0.8));
    expect(Number(point.deep_share)).toBe(quantile(deep, 1 - 0.8));
  }, 120_000);

  it('names a posterior file that is not there', () => {
    const goal = JSON.parse(readFileSync(GOAL, 'utf8'));
    const file = join(tmp(), 'goal.json');
    writeFileSync(file, JSON.stringify({ ...goal, robustness: { ...goal.robustness, posterior: 'missing.posterior.json' } }));
    const r = coopsim(['optimize', file, '--out', tmp()]);
    // A goal with a problem is bad input (exit status 2), as for every bad goal.
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/robustness\.posterior: .*missing\.posterior\.json: no such file or folder/);
  });
});
