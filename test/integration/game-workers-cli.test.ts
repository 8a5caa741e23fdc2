import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `coopsim game` through src/cli/bin.mjs (the build when present, as users run it). */
function game(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/bin.mjs', 'game', ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const base = ['scenarios/games/bistable.json', '--json', '--agents', '2000', '--reps', '6', '--seed', '5'];
const run: Record<string, CliResult> = {};

beforeAll(async () => {
  const cases: Record<string, string[]> = {
    one: [...base, '--workers', '1'],
    two: [...base, '--workers', '2'],
    three: [...base, '--workers', '3'],
    zero: [...base, '--workers', '0'],
    text: [...base, '--workers', 'many'],
  };
  await Promise.all(Object.entries(cases).map(async ([k, args]) => (run[k] = await game(args))));
}, 120_000);

describe('coopsim game --workers', () => {
  it('prints the same report for 1, 2 and 3 threads', () => {
    for (const k of ['one', 'two', 'three']) expect(run[k].status, run[k].stderr).toBe(0);
    expect(run.two.stdout).toBe(run.one.stdout);
    expect(run.three.stdout).toBe(run.one.stdout);
    const doc = JSON.parse(run.one.stdout);
    expect(doc.abm.reps).toBe(6);
    expect(doc.abm.sd[50].x).toBeGreaterThan(0);
  });

  it('rejects a thread count that is not a positive integer, naming the option', () => {
    for (const k of ['zero', 'text']) {
      expect(run[k].status).toBe(2);
      expect(run[k].stderr).toMatch(/--workers: .* is not valid; expected an integer in 1–256/);
    }
  });
});
