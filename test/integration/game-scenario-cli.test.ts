import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gameFromScenario } from '../../src/analysis/game/game-from-scenario.ts';
import { small } from '../helpers/scenario.ts';

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function game(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/bin.mjs', 'game', ...args], { env: { ...process.env, NO_COLOR: '1', COOPSIM_FROM_SOURCE: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const overrides = { policy: { taxRelief: 0.3, subsidyPerInternMonth: 1 } };
let file = '';
const run: Record<string, CliResult> = {};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coopsim-game-scenario-'));
  file = join(dir, 'small.json');
  writeFileSync(file, JSON.stringify({ years: 8, world: { regions: 2, sectors: 2, schools: 8, firms: 300 }, ...overrides }));
  const calls: Record<string, string[]> = {
    json: ['--scenario', file, '--json', '--threshold', 'subsidyPerInternMonth', '--government'],
    report: ['--scenario', file, '--threshold', 'taxRelief'],
    badLever: ['--scenario', file, '--threshold', 'V'],
    badYear: ['--scenario', file, '--year', '8'],
    both: ['scenarios/games/bistable.json', '--scenario', file],
    govNoScenario: ['scenarios/games/bistable.json', '--government'],
  };
  const results = await Promise.all(Object.values(calls).map(game));
  Object.keys(calls).forEach((k, i) => (run[k] = results[i]));
}, 300_000);

describe('coopsim game --scenario', () => {
  it('--json prints the derived terms with their items, the analysis of the derived game and the lever threshold', () => {
    const r = run.json;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const lib = gameFromScenario(small(overrides), { government: true });
    expect(doc.derived.params).toEqual(lib.params);
    expect(doc.derived.terms.Se.from).toEqual(expect.arrayContaining(['firm.taxRelief', 'firm.subsidy']));
    expect(doc.report.params).toEqual(lib.params);
    expect(doc.report.start.z).toBe(0.5);
    expect(doc.report.equilibria.length).toBeGreaterThanOrEqual(8);
    expect(doc.threshold.lever).toBe('subsidyPerInternMonth');
    expect(typeof doc.threshold.threshold === 'number' || doc.threshold.threshold === null).toBe(true);
  });

  it('prints the terms, then the usual report', () => {
    const r = run.report;
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Game derived from scenario "scenario" \(seed 1, year 0, 1200 firm–college pairs/);
    expect(r.stdout).toMatch(/\n {2}Ce {8}= +[\d.]+ +−\(sum of the firm's cost items/);
    expect(r.stdout).toContain('from firm.taxRelief, firm.subsidy, firm.greenChannel, firm.evaluation');
    expect(r.stdout).toMatch(/Tipping threshold of taxRelief in \[0, 1\]: /);
    expect(r.stdout).toContain('\nMean-field game: scenario (derived, year 0)');
  });

  it('bad input names what is wrong and how to fix it', () => {
    for (const k of ['badLever', 'badYear', 'both', 'govNoScenario']) {
      expect(run[k].status, k).toBe(2);
      expect(run[k].stdout, k).toBe('');
      expect(run[k].stderr.trim().split('\n'), k).toHaveLength(1);
    }
    expect(run.badLever.stderr).toContain('--threshold: "V" is not a lever the scenario\'s game has a threshold for; allowed with --scenario: taxRelief, subsidyPerInternMonth');
    expect(run.badYear.stderr).toMatch(/--year: "8" is not a year of .*expected an integer in 0–7/);
    expect(run.both.stderr).toContain('give either a game file');
    expect(run.govNoScenario.stderr).toContain('--government needs --scenario');
  });
});
