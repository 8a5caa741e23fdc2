import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderLockedError, folderLockHolder, LOCK_NAME, LOCK_OWNER_NAME, LOCK_STALE_MS, lockFolder } from '../../src/experiment/sweep/folder-lock.ts';

const roots: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'coopsim-lock-'));
  roots.push(d);
  return join(d, 'out');
};
/** A lock as another process left it: its directory and owner file, the directory's mtime `ageMs` ago. */
function foreignLock(dir: string, owner: { pid: number; host: string }, ageMs: number) {
  mkdirSync(join(dir, LOCK_NAME), { recursive: true });
  writeFileSync(join(dir, LOCK_OWNER_NAME), JSON.stringify({ ...owner, command: 'sweep', started: '2026-12-01T00:00:00.000Z' }));
  const t = (Date.now() - ageMs) / 1000;
  utimesSync(join(dir, LOCK_NAME), t, t);
}

afterEach(() => {
  for (const d of roots.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('folder lock', () => {
  it('is exclusive while held, names its holder, and is gone when released', () => {
    const dir = fresh();
    const lock = lockFolder(dir, 'sweep');
    expect(lock.note).toBeNull();
    expect(() => lockFolder(dir, 'merge')).toThrow(FolderLockedError);
    expect(() => lockFolder(dir, 'merge')).toThrow(new RegExp(`in use by coopsim sweep \\(pid ${process.pid} on host ${hostname()}, since 20`));
    expect(folderLockHolder(dir)).toMatchObject({ pid: process.pid, command: 'sweep' });
    lock.check();
    lock.release();
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
    expect(folderLockHolder(dir)).toBeNull();
    lockFolder(dir, 'merge').release();
  });

  it('refuses a fresh lock of another host, and takes over one not refreshed for the stale age', () => {
    const dir = fresh();
    foreignLock(dir, { pid: 4242, host: 'node-17' }, 5_000);
    expect(() => lockFolder(dir, 'sweep')).toThrow(/in use by coopsim sweep \(pid 4242 on host node-17, since 2026-12-01/);
    foreignLock(dir, { pid: 4242, host: 'node-17' }, LOCK_STALE_MS + 5_000);
    expect(folderLockHolder(dir)).toBeNull();
    const lock = lockFolder(dir, 'sweep');
    expect(lock.note).toMatch(/^took over a stale lock \(coopsim sweep \(pid 4242 on host node-17, .*\), not refreshed for 6\d s\)$/);
    lock.release();
  });

  it('takes over at once the lock of a process of this host that no longer runs', () => {
    const dir = fresh();
    foreignLock(dir, { pid: 2 ** 22 + 12345, host: hostname() }, 1_000);
    const lock = lockFolder(dir, 'sweep');
    expect(lock.note).toMatch(/^took over the lock of coopsim sweep \(pid 4206649 on host .*\), which is no longer running$/);
    lock.release();
  });

  it('notices when another process took the lock while it was held', () => {
    const dir = fresh();
    const lock = lockFolder(dir, 'sweep');
    writeFileSync(join(dir, LOCK_OWNER_NAME), JSON.stringify({ pid: 1, host: 'other', command: 'sweep', started: 'x' }));
    expect(() => lock.check()).toThrow(/was taken by coopsim sweep \(pid 1 on host other/);
    lock.release();
  });
});
