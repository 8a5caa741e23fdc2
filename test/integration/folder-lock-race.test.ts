import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_NAME, LOCK_OWNER_NAME } from '../../src/experiment/sweep/folder-lock.ts';

const HARNESS = 'test/fixtures/lock-race/take-lock.ts';
const root = mkdtempSync(join(tmpdir(), 'coopsim-lock-race-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder whose lock was left by a process that has exited (as after kill -9). */
function folderWithDeadHolder(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, LOCK_NAME), { recursive: true });
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(join(dir, LOCK_OWNER_NAME), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), command: 'sweep', started: new Date().toISOString() }));
  return dir;
}

function take(dir: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HARNESS, dir, String(startAt), '1500'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', () => resolve(out.trim()));
  });
}

describe('taking over the lock of a process that died', () => {
  it('lets exactly one of four processes that try at the same moment hold it; the others are told it is in use', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = folderWithDeadHolder(`round-${round}`);
      const startAt = Date.now() + 4000;
      const results = await Promise.all([0, 1, 2, 3].map(() => take(dir, startAt)));
      expect(results.filter((r) => r === 'took'), results.join('\n')).toHaveLength(1);
      for (const r of results.filter((x) => x !== 'took')) expect(r).toMatch(/^refused: .* is in use by coopsim race \(pid \d+ on host /);
    }
  }, 60_000);
});
