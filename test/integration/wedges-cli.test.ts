import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coopsim } from '../helpers/cli.ts';

describe('coopsim wedges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coopsim-wedges-'));
  const world = { schools: 6, firms: 300 };
  const base = join(dir, 'base.json');
  const pkg = join(dir, 'package.json');
  writeFileSync(base, JSON.stringify({ years: 5, world }));
  writeFileSync(pkg, JSON.stringify({ years: 5, world, policy: { taxRelief: 0.5, groups: 0.6 } }));

  it('splits the effect into leave-out, add-in and remainder lines per lever (JSON)', () => {
    const r = coopsim(['wedges', pkg, '--against', base, '--seeds', '3', '--workers', '1', '--metric', 'fiscal_cost', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.levers).toEqual(['taxRelief', 'groups']);
    expect(out.seeds).toHaveLength(3);
    expect(out.wedges.map((w: { kind: string; lever: string | null }) => `${w.kind}:${w.lever ?? ''}`)).toEqual([
      'total:',
      'leave_out:taxRelief',
      'leave_out:groups',
      'add_in:taxRelief',
      'add_in:groups',
      'remainder:',
    ]);
    expect(out.wedges.every((w: { year: number }) => w.year === 4)).toBe(true);
  });

  it('prints a table, and refuses a package that changes nothing', () => {
    const table = coopsim(['wedges', pkg, '--against', base, '--seeds', '2', '--workers', '1', '--metric', 'deep_partnerships']);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/deep_partnerships, year 4/);
    expect(table.stdout).toMatch(/without taxRelief/);
    expect(table.stdout).toMatch(/interaction remainder/);
    const same = coopsim(['wedges', base, '--against', base, '--seeds', '2', '--workers', '1']);
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/nothing to decompose/);
  });

  it('--posterior: pair i runs with parameter set i, the same wedges as coopsim compare --wedges --posterior; a missing posterior is bad input', () => {
    const posterior = 'scenarios/calibration/status-quo.posterior.json';
    const args = ['--against', base, '--seeds', '3', '--seed', '5', '--workers', '1'];
    const r = coopsim(['wedges', pkg, ...args, '--metric', 'deep_partnerships', '--year', '4', '--json', '--posterior', posterior]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.parameterUncertainty).toMatchObject({ file: posterior, drawSeed: 5 });
    const viaCompare = coopsim(['compare', pkg, ...args, '--metrics', 'deep_partnerships', '--years', '4', '--wedges', '--json', '--posterior', posterior]);
    expect(viaCompare.status, viaCompare.stderr).toBe(0);
    // coopsim wedges prints each effect as an object, compare --wedges flattens it.
    type Effect = { difference: number; lo: number; hi: number };
    const strip = (ws: { metric: string; year: number; kind: string; lever: string | null; effect: Effect }[]) =>
      ws.map((w) => [w.metric, w.year, w.kind, w.lever, w.effect.difference, w.effect.lo, w.effect.hi]);
    const flat = (ws: { metric: string; year: number; kind: string; lever: string | null; effect: number; lo: number; hi: number }[]) =>
      ws.map((w) => [w.metric, w.year, w.kind, w.lever, w.effect, w.lo, w.hi]);
    expect(strip(out.wedges)).toEqual(flat(JSON.parse(viaCompare.stdout).wedges));
    // Parameter sets change the runs: without them the wedges differ.
    const seedsOnly = JSON.parse(coopsim(['wedges', pkg, ...args, '--metric', 'deep_partnerships', '--year', '4', '--json']).stdout);
    expect(seedsOnly.parameterUncertainty).toBeNull();
    expect(strip(seedsOnly.wedges)).not.toEqual(strip(out.wedges));
    const table = coopsim(['wedges', pkg, ...args, '--metric', 'deep_partnerships', '--posterior', posterior]);
    expect(table.stdout).toMatch(/Intervals include parameter uncertainty: pair i runs every sub-scenario with seed i and parameter set i from scenarios\/calibration/);
    const missing = coopsim(['wedges', pkg, ...args, '--posterior', join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--posterior: .*nope\.json: no such file or folder/);
  });
});
