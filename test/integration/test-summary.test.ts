import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';

// test/summary/run-vitest.sh on a fixture project with a known outcome: 4 tests pass, 1 fails,
// a beforeAll throws (its 2 tests never run), a file throws on import, a test leaves an
// unhandled rejection, one test is skipped, and needs-root/ holds 2 tests for a missing prerequisite.
function summarize(skip: string, ...filters: string[]) {
  const r = spawnSync('bash', ['test/summary/run-vitest.sh', ...filters], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COOPSIM_VITEST_ROOT: 'test/fixtures/summary-project', COOPSIM_SKIP: skip },
  });
  const lines = r.stdout.trimEnd().split('\n');
  return { status: r.status, last: lines[lines.length - 1], stdout: r.stdout };
}

describe('test summary line', () => {
  it('counts a failed hook, a failed import and an unhandled error as failures, and skipped tests as skipped', () => {
    const r = summarize('needs-root/\n');
    expect(r.status).toBe(1);
    // 1 failed test + the hook's suite + the file that cannot load + the unhandled rejection
    expect(r.last).toBe('4 passed, 4 failed, 5 skipped');
    expect(r.stdout).toContain('failed outside a test: unhandled error: nobody handles this');
    expect(r.stdout).toContain('setup failed');
  });

  it('runs the files of a missing prerequisite when nothing is skipped: they fail there', () => {
    expect(summarize('').last).toBe('4 passed, 6 failed, 3 skipped');
  });

  it('ends with exactly "N passed, N failed" when nothing was skipped, and exits 0 when all passed', () => {
    const r = summarize('', 'failing-test');
    expect(r.last).toBe('1 passed, 1 failed');
    const ok = spawnSync('bash', ['test/summary/run-vitest.sh', 'passing'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', COOPSIM_VITEST_ROOT: 'test/fixtures/summary-project', COOPSIM_SKIP: '' },
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trimEnd().split('\n').pop()).toBe('2 passed, 0 failed, 1 skipped');
  });

  it('counts a vitest run that found no test file as a failure', () => {
    const r = summarize('', 'no-such-file');
    expect(r.status).not.toBe(0);
    expect(r.last).toBe('0 passed, 1 failed');
  });
});
