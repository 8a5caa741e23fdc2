import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { ACQUIRE_WAIT_MS, withAcquireMutex } from './acquire-mutex.ts';
import { ioErrorMessage } from './io-error-message.ts';
import { SweepDirectoryError } from './sweep-directory-error.ts';

/** The lock of a folder: a directory made with mkdir (atomic on local and network file systems). */
export const LOCK_NAME = '.coopsim.lock';
/** Who holds the lock: pid, host, command and start time. */
export const LOCK_OWNER_NAME = '.coopsim.lock.json';
/** Held for the moment of deciding and taking the lock (see withAcquireMutex). */
export const LOCK_ACQUIRE_NAME = '.coopsim.lock.acquire';

/**
 * A lock whose modification time has not been refreshed for this long is stale and is taken
 * over: its holder refreshes it every {@link LOCK_REFRESH_MS} while it runs, so only a holder
 * that died (or a machine that lost the shared file system) leaves it that old. On the same
 * host a lock whose pid is no longer running is taken over at once.
 */
export const LOCK_STALE_MS = 60_000;
/** How often a holder refreshes its lock's modification time. */
export const LOCK_REFRESH_MS = 10_000;

/** Who holds a folder's lock, as written in its owner file. */
export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  started: string;
}

/** The folder is being written by another process. */
export class FolderLockedError extends SweepDirectoryError {
  constructor(message: string) {
    super(message);
    this.name = 'FolderLockedError';
  }
}

/** An exclusive lock on an output folder, held until {@link FolderLock.release}. */
export interface FolderLock {
  readonly dir: string;
  /** Set when a stale lock was taken over: says whose. */
  readonly note: string | null;
  /** Throws if the lock was lost while held (another process removed or took it). */
  check(): void;
  /** Gives the lock up (idempotent). */
  release(): void;
}

/** Whether a lock file and its owner are names a sweep folder may hold besides its data. */
export function isLockFile(name: string): boolean {
  return name === LOCK_NAME || name === LOCK_OWNER_NAME || name === `${LOCK_OWNER_NAME}.tmp` || name === LOCK_ACQUIRE_NAME;
}

/**
 * Takes the exclusive lock of `dir` (created if missing) for `command`, so that one process at
 * a time writes it. Refuses at once, naming the holder, when another live process holds it;
 * takes over a stale lock (its pid dead on this host, or not refreshed for
 * {@link LOCK_STALE_MS} elsewhere) and says so in `note`.
 */
export function lockFolder(dir: string, command: string): FolderLock {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new SweepDirectoryError(ioErrorMessage(realMkdirError(dir, err), 'create the output folder', dir));
  }
  if (!statSync(dir).isDirectory()) throw new SweepDirectoryError(`${dir} is a file, not a folder; give a folder for --out`);
  const lockPath = join(dir, LOCK_NAME);
  const ownerPath = join(dir, LOCK_OWNER_NAME);
  let note: string | null = null;
  let lost: Error | null = null;
  const options = {
    lockfilePath: lockPath,
    realpath: false,
    stale: LOCK_STALE_MS,
    update: LOCK_REFRESH_MS,
    onCompromised: (err: Error) => {
      lost = err;
    },
  };

  const busy = () =>
    new FolderLockedError(`${dir} is being locked by another coopsim process that has not finished taking it for ${ACQUIRE_WAIT_MS / 1000} s; try again, or give another folder`);
  const { owner, release } = withAcquireMutex(join(dir, LOCK_ACQUIRE_NAME), () => {
    const previous = readOwner(ownerPath);
    if (existsSync(lockPath)) {
      const age = Date.now() - mtimeOf(lockPath);
      if (previous && previous.host === hostname() && !pidAlive(previous.pid)) {
        note = `took over the lock of ${describe(previous)}, which is no longer running`;
        try {
          rmdirSync(lockPath);
        } catch {
          // already gone; the lock attempt below decides
        }
      } else if (age > LOCK_STALE_MS) {
        note = `took over a stale lock (${previous ? describe(previous) : 'holder unknown'}, not refreshed for ${Math.round(age / 1000)} s)`;
      }
    }

    let release: () => void;
    try {
      release = lockfile.lockSync(dir, options);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
        const holder = readOwner(ownerPath);
        throw new FolderLockedError(
          `${dir} is in use by ${holder ? describe(holder) : 'another coopsim process'}; ` +
            `wait for it to finish or stop it (a lock not refreshed for ${LOCK_STALE_MS / 1000} s is taken over), or give another folder`,
        );
      }
      throw new SweepDirectoryError(ioErrorMessage(err, 'lock the output folder', dir));
    }
    const owner: LockOwner = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
    try {
      writeFileSync(`${ownerPath}.tmp`, `${JSON.stringify(owner)}\n`);
      renameSync(`${ownerPath}.tmp`, ownerPath);
    } catch (err) {
      release();
      throw new SweepDirectoryError(ioErrorMessage(err, 'write the lock owner file', ownerPath));
    }
    return { owner, release };
  }, busy);
  let released = false;
  return {
    dir,
    note,
    check() {
      if (lost)
        throw new FolderLockedError(
          `lost the lock of ${dir} while writing it (${(lost as Error).message}); another process may have written the folder: check it, then --resume`,
        );
      const now = readOwner(ownerPath);
      if (!now || now.pid !== owner.pid || now.host !== owner.host || now.started !== owner.started)
        throw new FolderLockedError(
          `the lock of ${dir} was taken by ${now ? describe(now) : 'another process'} while this one wrote it; check the folder, then --resume`,
        );
    },
    release() {
      if (released) return;
      released = true;
      try {
        rmSync(ownerPath, { force: true });
      } catch {
        // the lock below is what counts
      }
      try {
        release();
      } catch {
        // already released or compromised
      }
    },
  };
}

/** The current holder of `dir`'s lock, or null when none holds it (a stale lock counts as none). */
export function folderLockHolder(dir: string): LockOwner | 'unknown' | null {
  const lockPath = join(dir, LOCK_NAME);
  if (!existsSync(lockPath)) return null;
  const owner = readOwner(join(dir, LOCK_OWNER_NAME));
  if (Date.now() - mtimeOf(lockPath) > LOCK_STALE_MS) return null;
  if (owner && owner.host === hostname() && !pidAlive(owner.pid)) return null;
  return owner ?? 'unknown';
}

/** "coopsim sweep (pid 123 on host h, since 2026-…)". */
export function describe(o: LockOwner): string {
  return `coopsim ${o.command} (pid ${o.pid} on host ${o.host}, since ${o.started})`;
}

/**
 * The error that says why `dir` cannot be made: a recursive mkdir reports ENOENT on a
 * read-only file system, where a plain mkdir (its parent existing) gives EROFS.
 */
function realMkdirError(dir: string, err: unknown): unknown {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(dirname(dir))) return err;
  try {
    mkdirSync(dir);
    return err;
  } catch (plain) {
    return plain;
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return typeof o?.pid === 'number' && typeof o.host === 'string' ? o : null;
  } catch {
    return null;
  }
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
