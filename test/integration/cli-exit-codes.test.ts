import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coopsim } from '../helpers/cli.ts';
import { simulate } from '../../src/model/simulate.ts';
import { metricsToCsv } from '../../src/runner/metrics-table.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { scenarioOf } from '../helpers/scenario.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coopsim-exit-'));
});

describe('--set on the scenario with defaults', () => {
  it('sets one element of a list the file does not write out, as if the file had the whole list', () => {
    const r = coopsim(['run', 'scenarios/baseline.json', '--seed', '5', '--years', '3', '--set', 'economics.interns.0=3']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT.ok);
    const file = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8'));
    const withList = scenarioOf({ ...file, years: 3 });
    withList.economics.interns[0] = 3;
    const lib = simulate(withList, { seed: 5 });
    expect(r.stdout).toBe(metricsToCsv(lib.year, lib.metrics));
    const plain = coopsim(['run', 'scenarios/baseline.json', '--seed', '5', '--years', '3']);
    expect(plain.stdout).not.toBe(r.stdout);
  });

  it('names the override and the field when the value is bad', () => {
    const r = coopsim(['run', 'scenarios/baseline.json', '--set', 'economics.interns.0=-1']);
    expect(r.status).toBe(EXIT.badInput);
    expect(r.stderr).toMatch(/^coopsim: --set economics\.interns\.0=-1: economics\.interns\[0\]: -1 is too small/);
  });
});

describe('exit status', () => {
  it('lists the table in --help and exits 0', () => {
    const r = coopsim(['--help']);
    expect(r.status).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/Exit status \(every command\):\n {2}0 {4}ok/);
    expect(r.stdout).toMatch(/\n {2}3 {4}the output folder or file cannot be used/);
    expect(r.stdout).toMatch(/\n {2}130 {2}interrupted/);
  });

  it('gives 2 for usage errors and bad input of every kind', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ years: 'ten' }));
    expect(coopsim(['run', 'scenarios/baseline.json', '--no-such-option']).status).toBe(EXIT.badInput);
    expect(coopsim(['frobnicate']).status).toBe(EXIT.badInput);
    expect(coopsim(['run', join(dir, 'bad.json')]).status).toBe(EXIT.badInput);
    expect(coopsim(['run', join(dir, 'missing.json')]).status).toBe(EXIT.badInput);
    expect(coopsim(['validate', join(dir, 'bad.json')]).status).toBe(EXIT.badInput);
    expect(coopsim(['sweep', join(dir, 'bad.json'), '--out', join(dir, 'o')]).status).toBe(EXIT.badInput);
    expect(coopsim(['game', '--threshold', 'nope']).status).toBe(EXIT.badInput);
  });

  it('gives 3 when the output file cannot be written, and --out - writes to stdout', () => {
    const unwritable = coopsim(['run', 'scenarios/baseline.json', '--years', '2', '--out', join(dir, 'no-such-folder', 'x.csv')]);
    expect(unwritable.status).toBe(EXIT.outputProblem);
    expect(unwritable.stderr).toMatch(/cannot write \(ENOENT\)/);
    const dash = coopsim(['run', 'scenarios/baseline.json', '--years', '2', '--seed', '1', '--out', '-']);
    expect(dash.status).toBe(EXIT.ok);
    expect(dash.stdout).toBe(coopsim(['run', 'scenarios/baseline.json', '--years', '2', '--seed', '1']).stdout);
    const folder = coopsim(['sweep', 'test/fixtures/experiments/small-grid.json', '--out', '-']);
    expect(folder.status).toBe(EXIT.badInput);
    expect(folder.stderr).toMatch(/--out -: sweep writes a folder of files/);
  });
});

describe('coopsim validate on experiment and schema files', () => {
  it('checks experiment files as experiments and skips JSON Schema files', () => {
    const r = coopsim(['validate', 'scenarios/baseline.json', 'scenarios/scenario.schema.json', 'scenarios/experiments/experiment.schema.json', 'scenarios/experiments/tax-relief-sweep.json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT.ok);
    expect(r.stdout.trim().split('\n')).toEqual([
      'scenarios/baseline.json: ok',
      'scenarios/scenario.schema.json: skipped (a JSON Schema file)',
      'scenarios/experiments/experiment.schema.json: skipped (a JSON Schema file)',
      'scenarios/experiments/tax-relief-sweep.json: ok (experiment)',
    ]);
    const file = join(dir, 'bad-experiment.json');
    writeFileSync(file, JSON.stringify({ base: { years: 3 }, factors: { 'policy.taxRelief': [0, 2] } }));
    const bad = coopsim(['validate', file]);
    expect(bad.status).toBe(EXIT.badInput);
    expect(bad.stderr).toMatch(/bad-experiment\.json: factors\.policy\.taxRelief: value 2: 2 is too large; expected 0–1/);
  });
});
