import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coopsim } from '../helpers/cli.ts';

const EXP = 'test/fixtures/experiments/io-grid.json';
const SMALL = 'test/fixtures/experiments/small-grid.json';
const CSV = ['runs.csv', 'years.csv', 'failures.csv'];
/** Real small or read-only file systems need mount: root (as in CI) where mounting is allowed. */
const root = process.getuid?.() === 0 && canMount();

function canMount(): boolean {
  const at = mkdtempSync(join(tmpdir(), 'coopsim-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', at], { stdio: 'ignore' });
    execFileSync('umount', [at], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(at, { recursive: true, force: true });
  }
}

let base: string;
const mounts: string[] = [];
const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const manifest = (d: string) => JSON.parse(read(d, 'manifest.json'));
const sweep = (out: string, ...extra: string[]) => coopsim(['sweep', EXP, '--out', out, '--no-progress', '--workers', '2', ...extra]);

function mountTmpfs(name: string, options: string): string {
  const at = join(base, name);
  mkdirSync(at);
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at]);
  mounts.push(at);
  return at;
}

/** stderr is one line: coopsim: message, no stack. */
function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'coopsim-io-'));
  expect(sweep(join(base, 'ref')).status).toBe(0);
});

afterAll(() => {
  for (const m of mounts.reverse()) execFileSync('umount', [m]);
  rmSync(base, { recursive: true, force: true });
});

describe('I/O errors of sweep folders', () => {
  it('explains an --out under a file in one line with exit code 3, for sweep, merge and sensitivity', () => {
    writeFileSync(join(base, 'a-file'), 'x');
    const out = join(base, 'a-file', 'out');
    const s = sweep(out);
    expect(s.status).toBe(3);
    expectOneLine(s.stderr, /^coopsim: cannot create the output folder .*a-file\/out: a part of the path is a file, not a folder; give another path \(ENOTDIR\)$/);
    const m = coopsim(['merge', join(base, 'ref'), '--out', out]);
    expect(m.status).toBe(3);
    expectOneLine(m.stderr, /^coopsim: cannot create the output folder .*\(ENOTDIR\)$/);
    const sens = coopsim(['sensitivity', 'test/fixtures/experiments/small-morris.json', '--out', out, '--no-progress']);
    expect(sens.status).toBe(3);
    expectOneLine(sens.stderr, /^coopsim: cannot create the output folder .*\(ENOTDIR\)$/);
  });

  it.runIf(root)('explains a read-only file system in one line with exit code 3', () => {
    const ro = mountTmpfs('ro', 'ro,size=64k');
    const s = sweep(join(ro, 'out'));
    expect(s.status).toBe(3);
    expectOneLine(s.stderr, /^coopsim: cannot create the output folder .*ro\/out: the file system is read-only; give a folder on a writable one \(EROFS\)$/);
    const m = coopsim(['merge', join(base, 'ref'), '--out', join(ro, 'merged')]);
    expect(m.status).toBe(3);
    expectOneLine(m.stderr, /\(EROFS\)$/);
  });

  it.runIf(root)('stops on a full disk with one line and exit 3, marks the manifest interrupted, and resumes to the same bytes', () => {
    const disk = mountTmpfs('full', 'size=128k');
    const out = join(disk, 'out');
    const s = sweep(out);
    expect(s.status).toBe(3);
    expectOneLine(s.stderr, /^coopsim: cannot write .*out\/years\.csv: no space left on the device; free some space \(ENOSPC\); then continue with --resume$/);
    expect(manifest(out)).toMatchObject({ status: 'interrupted', interrupted: { reason: expect.stringContaining('ENOSPC') } });
    execFileSync('mount', ['-o', 'remount,size=8m', disk]);
    const resumed = sweep(out, '--resume');
    expect(resumed.status).toBe(0);
    for (const f of CSV) expect(read(out, f), f).toBe(read(join(base, 'ref'), f));
    expect(manifest(out).status).toBe('complete');
    expect(manifest(out).interrupted).toBeUndefined();
  });

  it('writes a sweep of the small grid fine into a folder that exists and is empty', () => {
    mkdirSync(join(base, 'empty'));
    expect(coopsim(['sweep', SMALL, '--out', join(base, 'empty'), '--no-progress', '--workers', '1']).status).toBe(0);
  });
});
