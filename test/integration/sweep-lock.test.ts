import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coopsim } from '../helpers/cli.ts';

const FIXTURES = 'test/fixtures/experiments';
const SMALL = `${FIXTURES}/small-grid.json`;
const LONG = `${FIXTURES}/long-grid.json`;
const CSV = ['runs.csv', 'years.csv', 'failures.csv'];

let root: string;
const dir = (name: string) => join(root, name);
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json'));
const lineCount = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);
const runIds = (d: string) => read(d, 'runs.csv').trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));

function sweep(file: string, out: string, ...extra: string[]) {
  return coopsim(['sweep', file, '--out', out, '--no-progress', ...extra]);
}

/** Starts a sweep in the background; resolves its exit status and stderr. */
function start(file: string, out: string, ...extra: string[]) {
  const child = spawn(process.execPath, ['src/cli/bin.mjs', 'sweep', file, '--out', out, '--no-progress', ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (status, signal) => resolve({ status, signal, stderr })),
  );
  return { child, exited };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'coopsim-lock-'));
  expect(sweep(SMALL, dir('small-ref'), '--workers', '1').status).toBe(0);
});

describe('one writer per sweep folder', () => {
  it('refuses a second sweep on a folder in use, naming the holder, and takes over the lock of a killed one', async () => {
    const out = dir('busy');
    const first = start(LONG, out, '--workers', '1');
    await waitFor(() => lineCount(join(out, 'runs.csv')) > 1, 'the first rows');
    const second = sweep(LONG, out, '--resume', '--workers', '1');
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(new RegExp(`^coopsim: .*busy is in use by coopsim sweep \\(pid ${first.child.pid} on host .*, since 20`));
    first.child.kill('SIGKILL');
    await first.exited;
    const third = start(LONG, out, '--resume', '--workers', '2');
    const r = await third.exited;
    expect(r.stderr).toMatch(new RegExp(`took over the lock of coopsim sweep \\(pid ${first.child.pid} .*no longer running`));
    expect(r.status).toBe(0);
    const ids = runIds(out);
    expect(ids).toHaveLength(432);
    expect(new Set(ids).size).toBe(432);
    expect(manifest(out).status).toBe('complete');
    expect(existsSync(join(out, '.coopsim.lock'))).toBe(false);
  });

  it('lets exactly one of two --resume started at once write the folder', async () => {
    const out = dir('twice');
    const first = start(LONG, out, '--workers', '1');
    await waitFor(() => lineCount(join(out, 'runs.csv')) > 3, 'a few rows');
    first.child.kill('SIGKILL');
    await first.exited;
    // The sweep left has hundreds of runs: the two overlap, whichever starts first.
    const a = start(LONG, out, '--resume', '--workers', '2');
    const b = start(LONG, out, '--resume', '--workers', '2');
    const results = await Promise.all([a.exited, b.exited]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([0, 3]);
    expect(results.find((r) => r.status === 3)?.stderr).toMatch(/is in use by coopsim sweep \(pid \d+ on host /);
    const ids = runIds(out);
    expect(ids).toEqual(Array.from({ length: 432 }, (_, i) => i));
    expect(manifest(out)).toMatchObject({ status: 'complete', runs: { done: 432, failed: 0 } });
  });

  it('drops torn, merged and duplicate lines on resume with a count and runs those runs again', () => {
    const out = dir('torn');
    expect(sweep(SMALL, out, '--workers', '1').status).toBe(0);
    const lines = read(out, 'runs.csv').split('\n');
    // line 3 cut and glued to line 4 (a cut mid-write), run 6 twice, a torn last line
    const broken = [lines[0], lines[1], lines[2].slice(0, 20) + lines[3], ...lines.slice(4, 20), lines[6], lines[20].slice(0, 10)];
    writeFileSync(join(out, 'runs.csv'), broken.join('\n'));
    const m = manifest(out);
    delete m.sessions;
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(m));
    const r = sweep(SMALL, out, '--resume', '--workers', '1');
    expect(r.stderr).toMatch(/runs\.csv: dropped 2 torn, 1 duplicate line\(s\); those runs are run again/);
    expect(r.status).toBe(0);
    for (const f of CSV) expect(read(out, f), f).toBe(read(dir('small-ref'), f));
  });

  it('does not report success over a runs.csv that another process replaced', async () => {
    const out = dir('replaced');
    const first = start(LONG, out, '--workers', '1');
    await waitFor(() => lineCount(join(out, 'runs.csv')) > 1, 'the first rows');
    writeFileSync(join(out, 'other.csv'), read(out, 'runs.csv'));
    renameSync(join(out, 'other.csv'), join(out, 'runs.csv'));
    appendFileSync(join(out, 'noise.txt'), 'x');
    first.child.kill('SIGINT');
    const r = await first.exited;
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/runs\.csv was replaced by another process while this sweep wrote it; its results are not trusted/);
    expect(manifest(out)).toMatchObject({ status: 'interrupted', interrupted: { reason: expect.stringMatching(/replaced/) } });
  });

  it('refuses to merge into a folder in use and to merge a folder still being written', async () => {
    const out = dir('merge-busy');
    const first = start(LONG, out, '--workers', '1');
    await waitFor(() => lineCount(join(out, 'runs.csv')) > 1, 'the first rows');
    const into = coopsim(['merge', dir('small-ref'), '--out', out]);
    expect(into.status).toBe(3);
    expect(into.stderr).toMatch(/merge-busy is in use by coopsim sweep/);
    const from = coopsim(['merge', out, '--out', dir('merge-out')]);
    expect(from.status).toBe(3);
    expect(from.stderr).toMatch(/merge-busy is still being written by coopsim sweep \(pid/);
    first.child.kill('SIGKILL');
    await first.exited;
  });
});
