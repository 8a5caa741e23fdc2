import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { coopsim } from '../helpers/cli.ts';

// A real SLURM job array on a single-node cluster on this machine (test/setup/ensure-slurm.sh):
// the shipped sbatch script runs the shards, coopsim merge joins them, and the result must
// equal the sweep run in one go.
const repo = resolve('.');
const experiment = resolve('test/fixtures/experiments/small-grid.json');
const sbatchScript = resolve('scenarios/experiments/sweep.sbatch');
const MARKER = '/run/slurm/started-by-coopsim';

const sh = (cmd: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error) : '') };
};

let root: string;

beforeAll(() => {
  const setup = sh('bash', ['test/setup/ensure-slurm.sh']);
  if (setup.status !== 0) throw new Error(`SLURM is not available: ${setup.stdout}${setup.stderr}`);
  root = mkdtempSync(join(tmpdir(), 'coopsim-slurm-'));
});

afterAll(() => {
  // Stop the daemons by their own pids if the setup script started them.
  if (!existsSync(MARKER)) return;
  for (const pidFile of ['/run/slurm/slurmd.pid', '/run/slurm/slurmctld.pid', '/run/munge/munged.pid']) {
    try {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (pid > 0) process.kill(pid, 'SIGTERM');
    } catch {
      // not running
    }
  }
  rmSync(MARKER, { force: true });
});

async function waitForJob(jobId: string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const q = sh('squeue', ['-h', '-j', jobId, '-o', '%i %T %R']);
    if (q.status === 0 && q.stdout.trim() === '') return;
    if (Date.now() - t0 > timeoutMs) {
      const info = sh('sinfo', ['-N', '-l']);
      throw new Error(`job ${jobId} not finished after ${timeoutMs / 1000} s:\n${q.stdout}${q.stderr}\n${info.stdout}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function submit(array: string, out: string): string {
  const sub = sh(
    'sbatch',
    ['--parsable', `--array=${array}`, '--cpus-per-task=1', `--output=${root}/slurm-%A_%a.out`, `--chdir=${repo}`, sbatchScript, experiment, out, '4'],
    { COOPSIM: `${process.execPath} ${join(repo, 'src/cli/bin.mjs')}` },
  );
  expect(sub.stderr).toBe('');
  expect(sub.status).toBe(0);
  const jobId = sub.stdout.trim().split(';')[0];
  expect(jobId).toMatch(/^\d+$/);
  return jobId;
}

describe('SLURM job array', () => {
  it('runs the shards of an experiment with the shipped sbatch script, a resubmitted task runs its own shard, and merged they equal one machine\'s run', async () => {
    const out = join(root, 'array');
    // Tasks 0–2 of 4 shards, as if task 3 had failed; then the README's recovery: resubmit it alone.
    const jobId = submit('0-2', out);
    await waitForJob(jobId, 100_000);
    const logs = readdirSync(root).filter((f) => f.startsWith('slurm-')).map((f) => readFileSync(join(root, f), 'utf8'));
    expect(logs).toHaveLength(3);
    const states = sh('scontrol', ['show', 'job', jobId]).stdout;
    expect(states.match(/JobState=\w+/g), `${states}\n${logs.join('\n')}`).toEqual(Array(3).fill('JobState=COMPLETED'));
    for (const log of logs) expect(log).toMatch(/sweep: 6 runs in .* on 1 worker/);
    const shards = () => readdirSync(out).sort().map((d) => join(out, d));
    const partial = coopsim(['merge', ...shards(), '--out', join(root, 'partial')]);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toMatch(/missing shards or unfinished ones: 3\/4/);

    const again = submit('3', out);
    await waitForJob(again, 100_000);
    expect(readFileSync(join(root, `slurm-${again}_3.out`), 'utf8')).toMatch(/shard 3\/4/);
    expect(readdirSync(out).sort()).toEqual(['shard-0-of-4', 'shard-1-of-4', 'shard-2-of-4', 'shard-3-of-4']);

    const merged = coopsim(['merge', ...shards(), '--out', join(root, 'merged')]);
    expect(merged.stderr).toMatch(/merge: 24 runs from 4 folders/);
    expect(merged.status).toBe(0);
    const one = coopsim(['sweep', experiment, '--out', join(root, 'one'), '--no-progress']);
    expect(one.status).toBe(0);
    for (const f of ['runs.csv', 'years.csv', 'failures.csv'])
      expect(readFileSync(join(root, 'merged', f), 'utf8'), f).toBe(readFileSync(join(root, 'one', f), 'utf8'));
  });
});
