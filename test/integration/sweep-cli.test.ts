import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coopsim } from '../helpers/cli.ts';
import { runExperiment } from '../../src/experiment/run/run-experiment.ts';
import { createInThreadRunner } from '../../src/runner/in-thread-runner.ts';
import { WorkersUnavailableError } from '../../src/runner/workers-unavailable-error.ts';
import { readExperimentFile } from '../../src/experiment/parse/read-experiment-file.ts';
import { analyzeSensitivity } from '../../src/experiment/sensitivity/analyze-sensitivity.ts';
import { sensitivityToCsv } from '../../src/experiment/sensitivity/format-sensitivity.ts';
import { readRunsCsv } from '../../src/experiment/sensitivity/read-runs-csv.ts';
import type { Experiment } from '../../src/experiment/parse/parse-experiment.ts';

const FIXTURES = 'test/fixtures/experiments';
const SMALL = `${FIXTURES}/small-grid.json`;
const LONG = `${FIXTURES}/long-grid.json`;
const CSV = ['runs.csv', 'years.csv', 'failures.csv'];

let root: string;
const dir = (name: string) => join(root, name);
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json'));
const lineCount = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);
const experiment = (file: string): Experiment => {
  const r = readExperimentFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

function sweep(file: string, out: string, ...extra: string[]) {
  return coopsim(['sweep', file, '--out', out, '--no-progress', ...extra]);
}

/** Expects the CSV files of two sweep folders to be byte for byte the same. */
function expectSameFiles(a: string, b: string, files = CSV) {
  for (const f of files) expect(read(a, f), f).toBe(read(b, f));
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts a sweep, lets it write at least `rows` runs.csv lines, then kills it with SIGKILL. */
async function killPartWay(file: string, out: string, rows: number, extra: string[] = []) {
  const child = spawn(process.execPath, ['src/cli/bin.mjs', 'sweep', file, '--out', out, '--no-progress', '--workers', '1', ...extra], {
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await waitFor(() => lineCount(join(out, 'runs.csv')) > rows, `${rows} rows in ${out}`);
  child.kill('SIGKILL');
  return exited;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'coopsim-sweep-'));
  // The reference: the long experiment uninterrupted, on two workers.
  const r = sweep(LONG, dir('long-ref'), '--workers', '2');
  expect(r.stderr).toMatch(/432 runs in .* on 2 workers/);
  expect(r.status).toBe(0);
});

describe('coopsim sweep', () => {
  it('writes the same files on 1 and 2 worker threads, and the library gives the same bytes', async () => {
    const one = sweep(SMALL, dir('w1'), '--workers', '1');
    const two = sweep(SMALL, dir('w2'), '--workers', '2');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expectSameFiles(dir('w1'), dir('w2'));
    const runs = read(dir('w1'), 'runs.csv').split('\n');
    expect(runs[0]).toBe(
      'run_id,point,replicate,policy.taxRelief,schools.facilities,seed,mean_depth_y2,mean_depth_last,firms_cooperating_share_y2,firms_cooperating_share_last',
    );
    expect(runs).toHaveLength(24 + 2);
    expect(runs.slice(1, -1).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(read(dir('w1'), 'years.csv').split('\n')[0]).toBe('run_id,year,mean_depth,firms_cooperating_share,fiscal_cost');
    expect(lineCount(join(dir('w1'), 'years.csv'))).toBe(1 + 24 * 6);
    const m = manifest(dir('w1'));
    expect(m).toMatchObject({
      coopsim: expect.any(String),
      status: 'complete',
      design: { type: 'grid', points: 6 },
      replications: { count: 4, seed: 3 },
      runs: { total: 24, planned: 24, done: 24, failed: 0 },
      shard: null,
    });
    expect(m.experiment.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.replications.seeds).toHaveLength(4);
    expect(Date.parse(m.finished)).toBeGreaterThanOrEqual(Date.parse(m.started));

    const lib = await runExperiment(experiment(SMALL), { runner: createInThreadRunner() });
    expect(lib.tables?.runs).toBe(read(dir('w1'), 'runs.csv'));
    expect(lib.tables?.years).toBe(read(dir('w1'), 'years.csv'));
    expect(lib.tables?.failures).toBe(read(dir('w1'), 'failures.csv'));
    expect(lib.runs?.[5].summary.mean_depth_last).toBeGreaterThan(0);
  });

  it('runs shards that merge into the files of the unsharded run', () => {
    for (let i = 0; i < 3; i++) {
      const r = sweep(SMALL, dir(`shard-${i}`), '--shard', `${i}/3`, '--workers', '1');
      expect(r.status).toBe(0);
      const ids = read(dir(`shard-${i}`), 'runs.csv').trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
      expect(ids.every((id) => id % 3 === i)).toBe(true);
      expect(ids).toHaveLength(8);
    }
    const partial = coopsim(['merge', dir('shard-0'), dir('shard-2'), '--out', dir('merged-partial')]);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toMatch(/incomplete: 8 of 24 runs missing \(runs 1, 4, 7, 10, 13, 16, 19, 22\); missing shards or unfinished ones: 1\/3/);
    const merged = coopsim(['merge', dir('shard-0'), dir('shard-1'), dir('shard-2'), '--out', dir('merged')]);
    expect(merged.status).toBe(0);
    expectSameFiles(dir('merged'), dir('w1'));
    expect(manifest(dir('merged'))).toMatchObject({ status: 'complete', shard: null, runs: { total: 24, planned: 24, done: 24, failed: 0 } });
    // A shard folder merged twice is fine; an unrelated sweep is refused.
    expect(coopsim(['merge', dir('shard-0'), dir('shard-1'), dir('shard-2'), dir('shard-1'), '--out', dir('merged-again')]).status).toBe(0);
    expectSameFiles(dir('merged-again'), dir('w1'));
    const other = coopsim(['merge', dir('shard-0'), dir('long-ref'), '--out', dir('merged-bad')]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/holds a different experiment/);
    // The output folder is not empty: an output problem.
    expect(coopsim(['merge', dir('shard-0'), dir('shard-1'), dir('shard-2'), '--out', dir('merged')]).status).toBe(3);
  });

  it('resumes after kill -9 at two points and ends with the files of an uninterrupted run', async () => {
    const out = dir('killed');
    expect(await killPartWay(LONG, out, 20)).toBe('SIGKILL');
    const first = lineCount(join(out, 'runs.csv')) - 1;
    expect(first).toBeLessThan(432);
    expect(manifest(out).status).toBe('running');
    // Without --resume the folder is refused.
    const refused = sweep(LONG, out);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/is not empty; add --resume/);
    // Interrupt the resumed sweep too.
    expect(await killPartWay(LONG, out, first + 40, ['--resume'])).toBe('SIGKILL');
    const second = lineCount(join(out, 'runs.csv')) - 1;
    expect(second).toBeGreaterThan(first);
    const done = sweep(LONG, out, '--resume', '--workers', '2');
    expect(done.status).toBe(0);
    expect(done.stderr).toMatch(/done before/);
    expectSameFiles(out, dir('long-ref'));
    const m = manifest(out);
    expect(m.status).toBe('complete');
    expect(m.sessions).toHaveLength(3);
    expect(m.sessions[2].ran).toBe(432 - second);
  });

  it('recovers from torn last lines and orphan years rows', () => {
    const out = dir('torn');
    const ref = dir('long-ref');
    // A folder as a crash could leave it: the first runs complete, then years of a run
    // whose runs.csv line never came, and half-written last lines in both files.
    const runs = read(ref, 'runs.csv').split('\n');
    const years = read(ref, 'years.csv').split('\n');
    mkdirSync(out);
    const m = manifest(ref);
    m.status = 'running';
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(m));
    writeFileSync(join(out, 'runs.csv'), `${runs.slice(0, 31).join('\n')}\n${runs[31].slice(0, 17)}`);
    writeFileSync(join(out, 'years.csv'), `${years.slice(0, 1 + 32 * 10).join('\n')}\n`);
    appendFileSync(join(out, 'years.csv'), years[1 + 32 * 10 + 3].slice(0, 9));
    const r = sweep(LONG, out, '--resume');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/sweep: 402 runs .* \(30 done before\)/);
    expectSameFiles(out, ref);
  });

  it('refuses to resume a folder of another experiment', () => {
    const r = sweep(SMALL, dir('long-ref'), '--resume');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^coopsim: .*long-ref holds a sweep of a different experiment \(a longer grid, to interrupt, hash [0-9a-f]{12}; this one is [0-9a-f]{12}\)/);
    const shard = sweep(LONG, dir('long-ref'), '--resume', '--shard', '1/2');
    expect(shard.status).toBe(3);
    expect(shard.stderr).toMatch(/holds shard all runs; resume it with the same --shard \(got 1\/2\)/);
  });

  it('records a run that throws with its error, finishes the others and exits non-zero', () => {
    const out = dir('failing');
    const r = sweep(`${FIXTURES}/failing-run.json`, out, '--workers', '2');
    expect(r.status).toBe(1);
    const last = r.stderr.trim().split('\n').pop();
    expect(last).toMatch(
      /^coopsim: 3 of 9 runs failed \(see .*failures\.csv\); first: run 3 \(seed \d+\): policy\.taxRelief: expression "year >= 3 \? 1\/\(0 \* fiscal_cost\) : 0" gave Infinity in year 3; the run stopped there$/,
    );
    const failures = read(out, 'failures.csv').trim().split('\n');
    expect(failures[0]).toBe('run_id,point,replicate,policy.taxRelief,seed,error');
    expect(failures.slice(1).map((l) => l.split(',')[0])).toEqual(['3', '4', '5']);
    expect(failures[1]).toContain('gave Infinity in year 3');
    expect(read(out, 'runs.csv').trim().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['0', '1', '2', '6', '7', '8']);
    const m = manifest(out);
    expect(m.runs).toMatchObject({ done: 6, failed: 3 });
    expect(m.failures.map((f: { run_id: number }) => f.run_id)).toEqual([3, 4, 5]);
    expect(m.failures[0].error).toMatch(/gave Infinity in year 3/);
  });

  it('runs under Node options for the whole process (profilers, heap size), which worker threads refuse', () => {
    const out = dir('node-options');
    const r = spawnSync(process.execPath, ['--max-old-space-size=2048', '--cpu-prof', `--cpu-prof-dir=${dir('profiles')}`, 'src/cli/bin.mjs', 'sweep', SMALL, '--out', out, '--workers', '2', '--no-progress'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/24 runs in .* on 2 workers/);
    expect(r.status).toBe(0);
    expectSameFiles(out, dir('w1'));
  });

  it('stops with one message when no worker can start, and the folder resumes', async () => {
    const out = dir('no-workers');
    const inThread = createInThreadRunner();
    let calls = 0;
    const broken = {
      concurrency: 2,
      run: (req: Parameters<typeof inThread.run>[0]) =>
        ++calls <= 5 ? inThread.run(req) : Promise.reject(new WorkersUnavailableError('workers cannot start: out of threads')),
      close: async () => {},
    };
    await expect(runExperiment(experiment(SMALL), { runner: broken, out })).rejects.toThrow('workers cannot start: out of threads');
    const m = manifest(out);
    expect(m.status).toBe('incomplete');
    expect(m.runs.failed).toBe(0);
    expect(lineCount(join(out, 'failures.csv'))).toBe(1);
    const done = lineCount(join(out, 'runs.csv')) - 1;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(24);
    expect(sweep(SMALL, out, '--resume', '--workers', '2').status).toBe(0);
    expectSameFiles(out, dir('w1'));
  });

  it('explains bad experiment files and options in one line each', () => {
    writeFileSync(dir('bad.json'), JSON.stringify({ factors: { 'policy.taxRelif': [0, 1] } }));
    const bad = sweep(dir('bad.json'), dir('bad-out'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: factors\.policy\.taxRelif: policy\.taxRelif is not a scenario field: unknown field; allowed here: law, /);
    const shard = sweep(SMALL, dir('x'), '--shard', '3/3');
    expect(shard.status).toBe(2);
    expect(shard.stderr).toMatch(/--shard 3\/3: expected 0 ≤ i < n/);
  });
});

describe('coopsim sensitivity', () => {
  it('computes Morris measures through the CLI, the same as the library from the runs', () => {
    const file = `${FIXTURES}/small-morris.json`;
    const out = dir('morris');
    const r = coopsim(['sensitivity', file, '--out', out, '--no-progress', '--workers', '2']);
    expect(r.stderr).not.toMatch(/coopsim:/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^mean_depth_last — Morris elementary effects/);
    expect(r.stdout).toMatch(/firms_cooperating_share_last — Morris/);
    expect(r.stdout).toContain('policy.subsidyPerInternMonth');
    const csv = read(out, 'sensitivity.csv');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('output,factor,mu,mu_star,sigma,mu_star_conf_low,mu_star_conf_high,effects,mu_star_conf');
    for (const l of lines.slice(1)) {
      const [, , , , , low, high, , conf] = l.split(',').map(Number);
      expect(conf).toBeCloseTo((high - low) / 2, 3);
    }
    expect(lines).toHaveLength(1 + 2 * 3);
    const report = analyzeSensitivity(experiment(file), readRunsCsv(read(out, 'runs.csv')));
    expect(sensitivityToCsv(report)).toBe(csv);
    // Again on the finished folder: nothing to run, same report.
    const again = coopsim(['sensitivity', file, '--out', out, '--no-progress', '--resume']);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(r.stdout);
    // One output: its own file; the full sensitivity.csv is left as it was.
    const one = coopsim(['sensitivity', file, '--out', out, '--no-progress', '--resume', '--output', 'mean_depth_last']);
    expect(one.status).toBe(0);
    expect(read(out, 'sensitivity.csv')).toBe(csv);
    const oneCsv = read(out, 'sensitivity-mean_depth_last.csv').trim().split('\n');
    expect(oneCsv).toHaveLength(1 + 3);
    expect(oneCsv.slice(1).every((l) => l.startsWith('mean_depth_last,'))).toBe(true);
  });

  it('computes Sobol indices with intervals for a sobol design', () => {
    const out = dir('sobol');
    const r = coopsim(['sensitivity', `${FIXTURES}/small-sobol.json`, '--out', out, '--no-progress', '--bootstrap', '200']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/firms_cooperating_share_last — Sobol indices \(first order S1, total ST; 95% bootstrap intervals; 8 base samples\)/);
    const sobol = read(out, 'sensitivity.csv').trim().split('\n');
    expect(sobol[0]).toBe('output,factor,S1,S1_conf_low,S1_conf_high,ST,ST_conf_low,ST_conf_high,samples,S1_conf,ST_conf');
    for (const l of sobol.slice(1)) {
      const v = l.split(',').map(Number);
      expect(v[9]).toBeCloseTo((v[4] - v[3]) / 2, 3);
      expect(v[10]).toBeCloseTo((v[7] - v[6]) / 2, 3);
    }
    const grid = coopsim(['sensitivity', SMALL, '--out', dir('grid-sens'), '--no-progress']);
    expect(grid.status).toBe(2);
    expect(grid.stderr).toMatch(/design\.type is grid; sensitivity needs "morris" or "sobol"/);
  });
});
