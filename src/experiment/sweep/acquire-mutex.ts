import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { ioErrorMessage } from './io-error-message.ts';
import { SweepDirectoryError } from './sweep-directory-error.ts';

/** How long a process waits for another one's acquisition of the same folder lock (ms). */
export const ACQUIRE_WAIT_MS = 15_000;
/**
 * An acquisition mutex older than this was left by a process that died while acquiring
 * (acquiring takes milliseconds: a check, a mkdir and a small file).
 */
export const ACQUIRE_STALE_MS = 15_000;

/**
 * Runs `acquire` while holding `path` (a directory made with mkdir, which is atomic), so
 * that two processes deciding at once whether a folder's lock is free, stale or held by a
 * dead process decide one after the other: without it both can read the dead holder, both
 * remove "its" lock, and each ends up removing the other's. Waits up to
 * {@link ACQUIRE_WAIT_MS} for another holder; `busy` builds the error when that runs out.
 */
export function withAcquireMutex<T>(path: string, acquire: () => T, busy: () => Error): T {
  const deadline = Date.now() + ACQUIRE_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(path);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new SweepDirectoryError(ioErrorMessage(err, 'lock the output folder', path));
      const age = ageOf(path);
      if (age !== null && age > ACQUIRE_STALE_MS) {
        removeQuietly(path);
        continue;
      }
      if (Date.now() > deadline) throw busy();
      sleepSync(10);
    }
  }
  try {
    return acquire();
  } finally {
    removeQuietly(path);
  }
}

function ageOf(path: string): number | null {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function removeQuietly(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // gone already: another process removed a stale one first
  }
}

/** Blocks this thread for `ms` (the lock is taken synchronously, before any run starts). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
