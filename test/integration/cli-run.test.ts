import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coopsim } from '../helpers/cli.ts';
import { simulate } from '../../src/model/simulate.ts';
import { metricsToCsv, YEAR_COLUMNS } from '../../src/runner/metrics-table.ts';
import { shipped } from '../helpers/scenario.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coopsim-cli-'));
});

describe('coopsim run', () => {
  it('writes one CSV row per year to --out, equal to the library run', () => {
    const out = join(dir, 'out.csv');
    const r = coopsim(['run', 'scenarios/baseline.json', '--seed', '7', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const csv = readFileSync(out, 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(YEAR_COLUMNS.join(','));
    expect(lines).toHaveLength(21);
    const lib = simulate(shipped('baseline'), { seed: 7 });
    expect(csv).toBe(metricsToCsv(lib.year, lib.metrics));
  });

  it('writes JSON to stdout with --format json; --years and --set override the scenario', () => {
    const r = coopsim(['run', 'scenarios/baseline.json', '--seed', '3', '--years', '4', '--format', 'json', '--set', 'policy.dataPlatform=1']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.seed).toBe(3);
    expect(doc.years).toHaveLength(4);
    expect(doc.years[3].year).toBe(3);
        const plain = JSON.parse(coopsim(['run', 'scenarios/baseline.json', '--seed', '3', '--years', '4', '--format', 'json']).stdout);
    // The platform's running cost is booked from the year it starts.
    expect(doc.years[3].fiscal_admin_cost).toBeGreaterThan(plain.years[3].fiscal_admin_cost);
  });

  it('accepts expressions through --set', () => {
    const r = coopsim(['run', 'scenarios/baseline.json', '--years', '5', '--set', 'policy.subsidyPerInternMonth=year >= 3 ? 2 : 0']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const col = rows[0].indexOf('fiscal_subsidies');
    expect(Number(rows[3][col])).toBe(0);
    expect(Number(rows[4][col])).toBeGreaterThan(0);
  });

  it('gives one clear line and no stack trace for user errors', () => {
    const bad = coopsim(['run', 'scenarios/baseline.json', '--set', 'policy.taxRelief=banana']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/policy\.taxRelief: "banana" is not a number or an expression of year/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const missing = coopsim(['run', join(dir, 'nope.json')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    const typo = coopsim(['run', 'scenarios/baseline.json', '--set', 'policy.taxRelif=0.3']);
    expect(typo.stderr).toMatch(/policy\.taxRelif: unknown field; allowed here: law, internPayFloor, taxRelief/);
    const seed = coopsim(['run', 'scenarios/baseline.json', '--seed', 'x']);
    expect(seed.status).not.toBe(0);
    expect(seed.stderr).toMatch(/--seed "x" is not an integer/);
  });
});

describe('coopsim validate', () => {
  it('exits 0 for every shipped scenario', () => {
    const files = ['baseline', 'school-conditions', 'tax-relief', 'law', 'groups-evaluation', 'cheap-labour-scarce', 'full-package', 'national'].map((n) => `scenarios/${n}.json`);
    const r = coopsim(['validate', ...files]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(files.length);
  });

  it('prints one line per problem with path, value and what is allowed, and exits non-zero', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ policy: { taxRelief: 'banana', law: 3 }, world: { firmz: 10 } }));
    const r = coopsim(['validate', file]);
    expect(r.status).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`${file}: policy.taxRelief: "banana" is not a number or an expression of year (unknown variable "banana"; allowed: year, firms_cooperating_share, mean_depth, depth_0_share or another output column); expected 0–1`);
    expect(lines).toContain(`${file}: policy.law: 3 is too large; expected 0–1`);
    expect(lines.some((l) => l.startsWith(`${file}: world.firmz: unknown field`))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports broken JSON with the file name', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"years": 3,');
    const r = coopsim(['validate', file]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
  });
});
