import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { coopsim } from '../helpers/cli.ts';

// scenarios/experiments/sweep.sbatch run by bash with the environment SLURM sets for an array
// task, following the README's recipe: tasks 0–2 of an array of 4, merge names shard 3 as
// missing, task 3 is resubmitted alone (sbatch --array=3: SLURM then sets a task count of 1),
// and merge gives the files of a sweep in one go.
const script = resolve('scenarios/experiments/sweep.sbatch');
const experiment = resolve('test/fixtures/experiments/small-grid.json');
const bin = `${process.execPath} ${resolve('src/cli/bin.mjs')}`;
let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'coopsim-sbatch-'));
});

/** The array variables SLURM sets for task `id` of an array submitted as --array=min-max. */
function task(id: number, min: number, max: number, args: string[]) {
  const env = {
    ...process.env,
    COOPSIM: bin,
    SLURM_JOB_ID: String(100 + id),
    SLURM_ARRAY_JOB_ID: '100',
    SLURM_ARRAY_TASK_ID: String(id),
    SLURM_ARRAY_TASK_MIN: String(min),
    SLURM_ARRAY_TASK_MAX: String(max),
    SLURM_ARRAY_TASK_COUNT: String(max - min + 1),
    SLURM_ARRAY_TASK_STEP: '1',
    SLURM_CPUS_PER_TASK: '1',
  };
  return spawnSync('bash', [script, ...args], { encoding: 'utf8', env });
}

describe('sweep.sbatch', () => {
  it('follows the README recovery recipe: a resubmitted task runs its own shard of N', () => {
    const out = join(root, 'exp');
    for (const id of [0, 1, 2]) {
      const r = task(id, 0, 3, [experiment, out, '4']);
      expect(r.stderr).toMatch(/sweep: 6 runs in .* on 1 worker/);
      expect(r.status).toBe(0);
    }
    const shards = () => readdirSync(out).sort().map((d) => join(out, d));
    const partial = coopsim(['merge', ...shards(), '--out', join(root, 'partial')]);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toMatch(/missing shards or unfinished ones: 3\/4/);

    const again = task(3, 3, 3, [experiment, out, '4']);
    expect(again.stdout).toMatch(/shard 3\/4/);
    expect(again.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['shard-0-of-4', 'shard-1-of-4', 'shard-2-of-4', 'shard-3-of-4']);
    const merged = coopsim(['merge', ...shards(), '--out', join(root, 'merged')]);
    expect(merged.status).toBe(0);
    const one = coopsim(['sweep', experiment, '--out', join(root, 'one'), '--no-progress', '--workers', '1']);
    expect(one.status).toBe(0);
    for (const f of ['runs.csv', 'years.csv', 'failures.csv'])
      expect(readFileSync(join(root, 'merged', f), 'utf8'), f).toBe(readFileSync(join(root, 'one', f), 'utf8'));
  });

  it('refuses a task outside 0–(N-1) and a missing shard count, saying how to submit', () => {
    const outside = task(4, 0, 4, [experiment, join(root, 'x'), '4']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/array task 4 is not one of 4 shards; number the array from 0 to N-1/);
    const noCount = task(0, 0, 3, [experiment, join(root, 'y')]);
    expect(noCount.status).not.toBe(0);
    expect(noCount.stderr).toMatch(/usage: sbatch --array=0-<N-1> sweep\.sbatch EXPERIMENT\.json OUTDIR N/);
  });
});
