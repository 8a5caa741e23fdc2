import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { coopsim } from '../helpers/cli.ts';

interface WedgeLine {
  metric: string;
  year: number;
  kind: string;
  lever: string | null;
  effect: number | null;
  lo: number | null;
  hi: number | null;
  costPerUnit: number | null;
}

describe('coopsim compare --wedges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coopsim-compare-wedges-'));
  const world = { schools: 6, firms: 300 };
  const base = join(dir, 'base.json');
  const pkg = join(dir, 'package.json');
  writeFileSync(base, JSON.stringify({ years: 5, world }));
  writeFileSync(pkg, JSON.stringify({ years: 5, world, policy: { taxRelief: 0.5, groups: 0.6 } }));
  const args = [pkg, '--against', base, '--seeds', '3', '--seed', '9', '--years', '2,last', '--metrics', 'deep_share,deep_partnerships', '--wedges', '--workers', '1'];

  it('decomposes each metric and year into its levers over the comparison\'s seeds; the whole package is the comparison\'s effect', () => {
    const r = coopsim(['compare', ...args, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.levers).toEqual(['taxRelief', 'groups']);
    const wedges = out.wedges as WedgeLine[];
    expect(wedges).toHaveLength(2 * 2 * 6);
    expect(new Set(wedges.map((w) => `${w.metric}@${w.year}`))).toEqual(new Set(['deep_share@2', 'deep_share@4', 'deep_partnerships@2', 'deep_partnerships@4']));
    for (const e of out.effects as { metric: string; year: number; effect: number; lo: number; hi: number }[]) {
      const total = wedges.find((w) => w.kind === 'total' && w.metric === e.metric && w.year === e.year)!;
      expect([total.effect, total.lo, total.hi]).toEqual([e.effect, e.lo, e.hi]);
    }
    for (const c of out.costs as { year: number; costPerExtraDeep: number | null }[]) {
      const total = wedges.find((w) => w.kind === 'total' && w.metric === 'deep_partnerships' && w.year === c.year)!;
      expect(total.costPerUnit).toBe(c.costPerExtraDeep);
    }
    const kinds = wedges.filter((w) => w.metric === 'deep_share' && w.year === 4).map((w) => `${w.kind}:${w.lever ?? ''}`);
    expect(kinds).toEqual(['total:', 'leave_out:taxRelief', 'leave_out:groups', 'add_in:taxRelief', 'add_in:groups', 'remainder:']);
  }, 120_000);

  it('writes the wedges as tidy CSV and as a table after the card', () => {
    const csv = coopsim(['compare', ...args, '--csv']);
    expect(csv.status, csv.stderr).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['metric', 'year', 'kind', 'lever', 'n', 'effect', 'effect_mean', 'effect_lo', 'effect_hi', 'cost_per_unit', 'interval_over']);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.interval_over))).toEqual(new Set(['seeds']));
    const table = coopsim(['compare', ...args]);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/seed pairs[\s\S]*Lever contributions \(same seeds; intervals show seed variation only\):\ndeep_share, year 2:[\s\S]*only groups[\s\S]*deep_partnerships, year 4:[\s\S]*interaction remainder/);
  }, 120_000);

  it('refuses a scenario with the baseline\'s policy, and a year past the runs', () => {
    const same = coopsim(['compare', base, '--against', base, '--seeds', '2', '--wedges', '--workers', '1']);
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/--wedges: .*base\.json sets the same policy as .*base\.json; there is no lever to decompose/);
    const late = coopsim(['compare', pkg, '--against', base, '--seeds', '2', '--years', '7', '--wedges', '--workers', '1']);
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/year 7/);
  });

  describe('with --posterior', () => {
    const noise = 2.5;
    const onePoint = join(dir, 'one-point.csv');
    writeFileSync(onePoint, `particle,behaviour.choiceNoise,weight,distance\n0,${noise},1,0\n`);
    const fixedBase = join(dir, 'base-fixed.json');
    const fixedPkg = join(dir, 'package-fixed.json');
    writeFileSync(fixedBase, JSON.stringify({ years: 5, world, behaviour: { choiceNoise: noise } }));
    writeFileSync(fixedPkg, JSON.stringify({ years: 5, world, behaviour: { choiceNoise: noise }, policy: { taxRelief: 0.5, groups: 0.6 } }));
    const wedgesOf = (stdout: string) => JSON.parse(stdout).wedges as WedgeLine[];
    // Outputs that move with the parameter in a world this small (deep partnerships stay at 0).
    const moving = [...args.slice(0, 10), 'firms_cooperating_share,mean_depth', ...args.slice(11)];

    it('a posterior of one parameter set gives the decomposition of the scenarios with that value set in them', () => {
      const drawn = coopsim(['compare', ...moving, '--posterior', onePoint, '--json']);
      expect(drawn.status, drawn.stderr).toBe(0);
      const fixed = coopsim(['compare', fixedPkg, '--against', fixedBase, ...moving.slice(3), '--json']);
      expect(fixed.status, fixed.stderr).toBe(0);
      expect(wedgesOf(drawn.stdout)).toEqual(wedgesOf(fixed.stdout));
      // …and not that of the defaults: the parameter set reached every sub-scenario.
      const plain = wedgesOf(coopsim(['compare', ...moving, '--json']).stdout);
      expect(wedgesOf(drawn.stdout)).not.toEqual(plain);
      expect(JSON.parse(drawn.stdout).parameterUncertainty.file).toBe(onePoint);
    }, 180_000);

    it("pairs parameter sets as compare --posterior does: the whole package is the card's effect under the same draws; the output says what the interval spans", () => {
      const posterior = 'scenarios/calibration/status-quo.posterior.json';
      const r = coopsim(['compare', ...args, '--posterior', posterior, '--json']);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      for (const e of out.effects as { metric: string; year: number; effect: number; lo: number; hi: number }[]) {
        const total = (out.wedges as WedgeLine[]).find((w) => w.kind === 'total' && w.metric === e.metric && w.year === e.year)!;
        expect([total.effect, total.lo, total.hi]).toEqual([e.effect, e.lo, e.hi]);
      }
      const table = coopsim(['compare', ...args, '--posterior', posterior]);
      expect(table.stdout).toMatch(/Lever contributions \(pair i runs every sub-scenario with seed i and parameter set i; intervals include parameter uncertainty from scenarios\/calibration\/status-quo\.posterior\.json\):/);
      const csv = parse(coopsim(['compare', ...args, '--posterior', posterior, '--csv']).stdout, { columns: true }) as Record<string, string>[];
      expect(new Set(csv.map((x) => x.interval_over))).toEqual(new Set(['seeds+parameters']));
    }, 180_000);
  });
});
