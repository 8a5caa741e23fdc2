import { readFileSync, statSync } from 'node:fs';
import type { RunOutput } from '../../runner/run-request.ts';
import type { Shard } from '../plan/experiment-plan.ts';
import { VERSION } from '../../version.ts';
import type { FolderLock } from './folder-lock.ts';
import { SweepDirectoryError } from './sweep-directory-error.ts';
import type { SweepManifest } from './sweep-manifest.ts';

/** Options of {@link openSweepDirectory}. */
export interface SweepDirectoryOptions {
  /** Continue a sweep already in the directory (else the directory must be empty). */
  resume: boolean;
  shard: Shard | null;
  /** Hash of the experiment ({@link experimentHash}); a resume must match it. */
  hash: string;
  workers: number;
  /** Experiment file, recorded in the manifest. */
  experimentFile?: string | null;
  /** Clock (for tests). */
  now?: () => Date;
  /** The command holding the folder's lock, named to a second process that is refused (default "sweep"). */
  command?: string;
  /**
   * Called once when writing the folder fails (a full disk, a read-only remount) from a timer,
   * so the caller can stop sending runs; {@link SweepDirectory.finish} then throws the error.
   */
  onFatal?: (err: SweepDirectoryError) => void;
}

/** A sweep directory being written: results stream in, whole lines at a time. */
export interface SweepDirectory {
  readonly dir: string;
  /** Runs complete from earlier sessions (resume); they are not run again. */
  readonly done: ReadonlySet<number>;
  /** What opening the folder noted: a stale lock taken over, torn or duplicate lines dropped. */
  readonly notes: readonly string[];
  /** Records a finished run. */
  record(runId: number, out: RunOutput): void;
  /** Records a failed run. */
  fail(runId: number, error: string): void;
  /**
   * Ends this session. When every run of the directory is done or failed, the files are in
   * run_id order (rewritten atomically when they were not appended in that order), so they
   * are the same whatever the number of workers, shards or interruptions.
   */
  finish(): SweepManifest;
}

/** Refuses to resume a folder that holds another experiment, version or shard. */
export function checkSameSweep(m: SweepManifest, options: SweepDirectoryOptions, dir: string): void {
  if (m.experiment.hash !== options.hash)
    throw new SweepDirectoryError(
      `${dir} holds a sweep of a different experiment (${m.experiment.name || 'unnamed'}, hash ${m.experiment.hash.slice(0, 12)}; ` +
        `this one is ${options.hash.slice(0, 12)}); resume only with the same experiment, or give a new folder`,
    );
  if (m.coopsim !== VERSION)
    throw new SweepDirectoryError(`${dir} was written by coopsim ${m.coopsim}; this is ${VERSION}, whose results may differ: give a new folder`);
  const a = m.shard ? `${m.shard.index}/${m.shard.count}` : 'all runs';
  const b = options.shard ? `${options.shard.index}/${options.shard.count}` : 'all runs';
  if (a !== b) throw new SweepDirectoryError(`${dir} holds shard ${a}; resume it with the same --shard (got ${b})`);
}

/** Refuses to finish over files that another process replaced, removed or rewrote. */
export function checkOwnFiles(
  lock: FolderLock,
  identity: Readonly<Record<string, { dev: number; ino: number }>>,
  paths: Readonly<Record<string, string>> & { manifest: string },
  written: string,
): void {
  lock.check();
  for (const [k, id] of Object.entries(identity)) {
    const path = paths[k];
    let now: { dev: number; ino: number } | null = null;
    try {
      now = statSync(path);
    } catch {
      now = null;
    }
    if (!now || now.dev !== id.dev || now.ino !== id.ino)
      throw new SweepDirectoryError(
        `${path} was ${now ? 'replaced' : 'removed'} by another process while this sweep wrote it; its results are not trusted: ` +
          `check the folder, then continue with --resume`,
      );
  }
  let text = '';
  try {
    text = readFileSync(paths.manifest, 'utf8');
  } catch {
    text = '';
  }
  if (text !== written)
    throw new SweepDirectoryError(
      `${paths.manifest} was changed by another process while this sweep wrote the folder; check the folder, then continue with --resume`,
    );
}
