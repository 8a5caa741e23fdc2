import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import seedrandom from 'seedrandom';
import { coopsim } from '../helpers/cli.ts';

/** A sweep folder whose runs.csv has a known box: deep share ≥ 0.1 exactly when taxRelief ≥ 0.3 and law is strict. */
function sweepFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coopsim-discover-'));
  const rng = seedrandom('discover-cli');
  const lines = ['run_id,point,replicate,policy.taxRelief,policy.law,world.firms,seed,deep_share_y9,fiscal_cost_cum_y9'];
  for (let i = 0; i < 1200; i++) {
    const tax = Math.round(rng() * 1000) / 1000;
    const law = ['none', 'weak', 'strict'][Math.floor(rng() * 3)];
    const deep = tax >= 0.3 && law === 'strict' ? 0.1 + rng() * 0.1 : rng() * 0.09;
    lines.push(`${i},${i},0,${tax},${law},300,${1000 + i},${deep},${Math.round(tax * 400)}`);
  }
  writeFileSync(join(dir, 'runs.csv'), `${lines.join('\n')}\n`);
  return dir;
}

describe('coopsim discover', () => {
  const dir = sweepFolder();

  it('finds the known box, prints it and writes the boxes and the trajectory', () => {
    const r = coopsim(['discover', dir, '--where', 'deep_share_y9 >= 0.1', '--max-boxes', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1200 runs, \d+ meet "deep_share_y9 >= 0\.1"/);
    expect(r.stdout).toMatch(/Box 1: \d+ runs/);
    expect(r.stdout).toContain('not searched (one value in every run): world.firms');
    const boxes = parse(readFileSync(join(dir, 'prim-boxes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(boxes.map((b) => b.factor)).toEqual(['policy.taxRelief', 'policy.law']);
    expect(Math.abs(Number(boxes[0].lower) - 0.3)).toBeLessThan(0.02);
    expect(boxes[1].categories).toBe('strict');
    expect(Number(boxes[0].density)).toBeGreaterThan(0.98);
    expect(Number(boxes[0].qp_lower)).toBeLessThan(1e-6);
    const steps = parse(readFileSync(join(dir, 'prim-trajectory.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(steps[0]).toMatchObject({ box: '1', step: '0', phase: 'start', runs: '1200', coverage: '1' });
    const picked = steps.filter((s) => s.picked === 'true');
    expect(picked).toHaveLength(1);
    expect(picked[0].coverage).toBe(boxes[0].coverage);
  });

  it('combines outputs in the condition and writes to --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'coopsim-discover-out-')), 'prim');
    const r = coopsim(['discover', dir, '--where', 'deep_share_y9 >= 0.1 and fiscal_cost_cum_y9 <= 200', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const boxes = parse(readFileSync(join(out, 'prim-boxes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const tax = boxes.find((b) => b.box === '1' && b.factor === 'policy.taxRelief')!;
    expect(Math.abs(Number(tax.lower) - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(Number(tax.upper) - 0.5)).toBeLessThan(0.02);
  });

  it('names an unknown column and lists the ones there are', () => {
    const r = coopsim(['discover', dir, '--where', 'deep_share_y10 >= 0.1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"deep_share_y10" is not an output column of');
    expect(r.stderr).toContain('its output columns are deep_share_y9, fiscal_cost_cum_y9');
  });

  it('refuses a folder without runs.csv, and a bad alpha', () => {
    const empty = mkdtempSync(join(tmpdir(), 'coopsim-discover-empty-'));
    const r = coopsim(['discover', empty, '--where', 'a > 1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*runs\.csv: no such file or folder/);
    const a = coopsim(['discover', dir, '--where', 'deep_share_y9 > 0', '--peel-alpha', '0.7']);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/--peel-alpha "0\.7": expected a share above 0 and below 0\.5/);
  });
});
