import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tippingThreshold } from '../../src/analysis/game/tipping-threshold.ts';
import { trajectory } from '../../src/analysis/game/trajectory.ts';
import { twoPopulationGame } from '../../src/analysis/game/two-population-game.ts';

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI from the TypeScript source. */
function game(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/bin.mjs', 'game', ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let dir = '';
let bad = '';
let gov = '';
const run: Record<string, CliResult> = {};

// The CLI starts take most of the time: run them all at once.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coopsim-game-'));
  bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ V: 10, alpha: 2 }));
  gov = join(dir, 'gov.json');
  writeFileSync(gov, JSON.stringify({ ge: 2, tmax: 2, government: { z0: 0.5, L: 4 } }));
  const calls: Record<string, string[]> = {
    json: ['scenarios/games/bistable.json', '--json', '--threshold', 'ge', '--from', '0', '--to', '5', '--agents', '400', '--reps', '8', '--seed', '3', '--basin', '6'],
    report: ['scenarios/games/schools-keen-firms-cold.json', '--threshold', 'ge', '--from', '0', '--to', '2'],
    badFile: [bad, '--json'],
    gov: [gov, '--json'],
    badOption: [gov, '--threshold', 'beta', '--from', '0', '--to', '1'],
  };
  const results = await Promise.all(Object.values(calls).map(game));
  Object.keys(calls).forEach((k, i) => (run[k] = results[i]));
});

describe('coopsim game', () => {
  it('--json prints equilibria, trajectory, final, threshold, basin and the ABM ensemble', () => {
    const r = run.json;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const file = JSON.parse(readFileSync('scenarios/games/bistable.json', 'utf8'));
    expect(doc.equilibria).toHaveLength(5);
    for (const e of doc.equilibria) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['x', 'y', 'eigenvalues', 'stable', 'kind', 'condition']));
      expect(e.eigenvalues).toHaveLength(2);
      for (const v of e.eigenvalues) expect(typeof v === 'number' || (typeof v.re === 'number' && typeof v.im === 'number')).toBe(true);
    }
    expect(doc.equilibria.filter((e: { stable: boolean }) => e.stable).map((e: { x: number; y: number }) => [e.x, e.y])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(doc.trajectory).toHaveLength(101);
    expect(doc.trajectory[1]).toMatchObject({ t: 0.1 });
    expect(doc.trajectory.at(-1).t).toBe(10);
    const ode = trajectory(twoPopulationGame(file), [file.x0, file.y0], file.tmax);
    expect(doc.trajectory[37].x).toBeCloseTo(ode.points[37][0], 10);
    expect(doc.final).toEqual({ x: doc.trajectory.at(-1).x, y: doc.trajectory.at(-1).y });
    expect(doc.threshold).toBe(tippingThreshold(file, 'ge', 0, 5, [file.x0, file.y0]));
    expect(doc.threshold).toBeGreaterThan(3);
    expect(doc.threshold).toBeLessThan(3.5);
    expect(doc.basin.rows).toHaveLength(6);
    expect(doc.abm.mean).toHaveLength(101);
    expect(doc.abm.sd).toHaveLength(101);
    expect(doc.abm.mean.map((p: { t: number }) => p.t)).toEqual(doc.trajectory.map((p: { t: number }) => p.t));
    expect(doc.abm.mean[0]).toEqual({ t: 0, x: 0.5, y: 0.5 });
    expect(doc.abm.sd[0]).toEqual({ t: 0, x: 0, y: 0 });
    expect(Math.abs(doc.abm.mean[20].y - doc.trajectory[20].y)).toBeLessThan(0.06);
  });

  it('prints a readable report', () => {
    const r = run.report;
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Mean-field game: schools keen, firms cold/);
    expect(r.stdout).toMatch(/\(1, 0\)\s+stable node\s+stable\s+eigenvalues -2, -0\.5/);
    expect(r.stdout).toContain('stable when Cs − gs < 0 (-0.5 vs 0: holds) and q(1−α)V < Ce − ge (2 vs 4: holds)');
    expect(r.stdout).toContain('Long run: reaches (1,0)');
    expect(r.stdout).toContain('Tipping threshold of ge in [0, 2]: none');
    expect(r.stdout).toMatch(/\n\s+10\.0\s+0\.999\s+0\.000\n/);
  });

  it('a bad file fails with one line naming the field, the value and what is allowed', () => {
    const r = run.badFile;
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`coopsim: ${bad}: alpha: 2 is too large; expected 0–1`);
  });

  it('with government: z in every record; a bad option names the option', () => {
    const r = run.gov;
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.equilibria.length).toBeGreaterThanOrEqual(8);
    for (const e of doc.equilibria) expect(e.eigenvalues).toHaveLength(3);
    expect(doc.trajectory).toHaveLength(21);
    expect(Object.keys(doc.trajectory[0])).toEqual(['t', 'x', 'y', 'z']);
    expect(doc.final.z).toBeTypeOf('number');
    const wrong = run.badOption;
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/^coopsim: --threshold: "beta" is not a parameter of this game; allowed: V, alpha/);
  });
});
