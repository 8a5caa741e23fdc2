import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { RunOutput } from '../../runner/run-request.ts';
import type { ExperimentPlan, Shard } from '../plan/experiment-plan.ts';
import { VERSION } from '../../version.ts';
import { isLockFile, lockFolder, type FolderLock } from './folder-lock.ts';
import { ioErrorMessage, isIoError } from './io-error-message.ts';
import { createRunOrder } from './run-order.ts';
import { SweepDirectoryError } from './sweep-directory-error.ts';
import { newManifest, MANIFEST_FAILURE_LIMIT, type RunFailure, type SweepManifest } from './sweep-manifest.ts';
import {
  csvLine,
  failureLine,
  failuresHeader,
  lineRunId,
  runsHeader,
  runsLine,
  summaryColumns,
  SWEEP_FILES,
  yearsHeader,
  yearsLines,
} from './sweep-rows.ts';

export { SweepDirectoryError };

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

/** Rows batched before a write; a timer writes smaller batches. */
const BATCH_RUNS = 1024;
const BATCH_MS = 1000;
/**
 * Finished runs held back at most, waiting for earlier runs, to write the files in order; and
 * for how long (past that the order is given up and the files are sorted at the end), so a
 * crash loses no more finished runs than the batching does.
 */
const REORDER_LIMIT = 256;
const REORDER_MS = BATCH_MS;

/** A finished run's lines, as bytes. */
interface RunLines {
  years?: Buffer;
  runs?: Buffer;
  failure?: Buffer;
}

/**
 * Opens a directory for a sweep. Results are appended as runs finish: first a run's
 * years.csv lines, then (after those are on disk) its runs.csv line, each batch with one
 * write and an fsync per file, in run_id order where the runs before have finished (so a
 * complete sweep needs no sorting pass). A run counts as done only if its runs.csv line is
 * complete, and that line is only written once its years are. So after a crash at any moment,
 * resuming drops a torn last line and any years of runs without a runs.csv line, and
 * runs only what is missing. Failed runs are run again on resume.
 */
export function openSweepDirectory(dir: string, plan: ExperimentPlan, options: SweepDirectoryOptions): SweepDirectory {
  const now = options.now ?? (() => new Date());
  const e = plan.experiment;
  const paths = {
    runs: join(dir, SWEEP_FILES.runs),
    years: join(dir, SWEEP_FILES.years),
    failures: join(dir, SWEEP_FILES.failures),
    manifest: join(dir, SWEEP_FILES.manifest),
  };
  const headers = {
    runs: csvLine(runsHeader(e)),
    years: csvLine(yearsHeader(e)),
    failures: csvLine(failuresHeader(e)),
  };
  const keepYears = e.outputs.years !== null;
  const planned = new Set(plan.runIds(options.shard));

  const notes: string[] = [];
  const lock = lockFolder(dir, options.command ?? 'sweep');
  if (lock.note) notes.push(lock.note);
  let manifest!: SweepManifest;
  let kept: number[] = [];
  let fds = { runs: -1, years: -1, failures: -1 };
  /** The files this session appends to, as opened: finishing checks they are still the ones on disk. */
  let identity: Record<string, { dev: number; ino: number }> = {};
  /** The manifest as this session last wrote it. */
  let written = '';
  try {
    const entries = readdirSync(dir).filter((f) => !f.endsWith('.tmp') && !isLockFile(f));
    let doneLines: Map<number, string>;
    let yearsOf: Map<number, string[]>;
    if (entries.length > 0) {
      if (!options.resume)
        throw new SweepDirectoryError(`${dir} is not empty; add --resume to continue the sweep in it, or give a new folder`);
      const previous = readManifest(paths.manifest, dir);
      checkSameSweep(previous, options, dir);
      manifest = previous;
      ({ doneLines, yearsOf } = recover());
      manifest.status = 'running';
      manifest.finished = null;
      manifest.failures = [];
      delete manifest.interrupted;
      manifest.sessions.push({ started: now().toISOString(), finished: null, workers: options.workers, ran: 0 });
    } else {
      manifest = newManifest(plan, options.hash, options.shard, options.experimentFile ?? null, now(), options.workers);
      doneLines = new Map();
      yearsOf = new Map();
    }
    manifest.runs.done = doneLines.size;
    manifest.runs.failed = 0;
    // The manifest goes first: a folder with data files always says what they are.
    writeManifest();
    kept = [...doneLines.keys()].sort((a, b) => a - b);
    atomicWrite(paths.runs, headers.runs + kept.map((id) => doneLines.get(id)).join(''));
    if (keepYears) atomicWrite(paths.years, headers.years + kept.map((id) => (yearsOf.get(id) ?? []).join('')).join(''));
    atomicWrite(paths.failures, headers.failures);
    syncDir(dir);
    doneLines.clear();
    yearsOf.clear();
    fds = {
      runs: openSync(paths.runs, 'a'),
      years: keepYears ? openSync(paths.years, 'a') : -1,
      failures: openSync(paths.failures, 'a'),
    };
    for (const [k, fd] of Object.entries(fds)) if (fd >= 0) identity[k] = fstatSync(fd);
  } catch (err) {
    for (const fd of Object.values(fds)) if (fd >= 0) closeSync(fd);
    lock.release();
    if (isIoError(err)) throw new SweepDirectoryError(`${ioErrorMessage(err, 'write the sweep folder', dir)}; then run again with --resume`);
    throw err;
  }

  const done = new Set(kept);
  const expected = [...planned].filter((id) => !done.has(id)).sort((a, b) => a - b);
  // Lines kept from earlier sessions come first in the files: appending in order keeps the
  // files sorted only when every run still to come has a higher id.
  const keptBefore = kept.length === 0 || expected.length === 0 || kept[kept.length - 1] < expected[0];
  const order = createRunOrder<RunLines>(expected, REORDER_LIMIT);
  /** The first write that failed: the session stops and says so. */
  let ioFailure: SweepDirectoryError | null = null;
  const columns = summaryColumns(e);
  const failures: RunFailure[] = [];
  // Lines wait for their write as bytes outside the JS heap: as strings they outlived a
  // young-generation collection or two and were copied each time.
  let pending = { runs: [] as Buffer[], years: [] as Buffer[], failures: [] as Buffer[], count: 0 };
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the runs held back now began to wait (0: none wait). */
  let heldSince = 0;
  let ran = 0;
  let finished = false;

  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (order.held > 0 && now().getTime() - heldSince >= REORDER_MS) {
      for (const l of order.drain()) queue(l, false);
      heldSince = 0;
    }
    if (order.held > 0) timer = setTimeout(flush, REORDER_MS);
    if (pending.count === 0) return;
    const batch = pending;
    pending = { runs: [], years: [], failures: [], count: 0 };
    if (ioFailure) return;
    let file: string = SWEEP_FILES.years;
    try {
      // Years before runs: a runs.csv line promises that the run's years are on disk.
      if (keepYears && batch.years.length > 0) appendDurably(fds.years, batch.years);
      file = SWEEP_FILES.runs;
      if (batch.runs.length > 0) appendDurably(fds.runs, batch.runs);
      file = SWEEP_FILES.failures;
      if (batch.failures.length > 0) appendDurably(fds.failures, batch.failures);
    } catch (err) {
      // A part of a line may be on disk: resume drops it, as after a crash.
      ioFailure = new SweepDirectoryError(`${ioErrorMessage(err, 'write', join(dir, file))}; then continue with --resume`);
      if (timer) clearTimeout(timer);
      timer = null;
      options.onFatal?.(ioFailure);
    }
  };

  const queue = (lines: RunLines, schedule = true) => {
    if (lines.years) pending.years.push(lines.years);
    if (lines.runs) pending.runs.push(lines.runs);
    if (lines.failure) pending.failures.push(lines.failure);
    pending.count++;
    if (!schedule) return;
    if (pending.count >= BATCH_RUNS) flush();
    else if (!timer) timer = setTimeout(flush, BATCH_MS);
  };

  const accept = (runId: number, lines: RunLines) => {
    ran++;
    for (const l of order.add(runId, lines)) queue(l);
    if (order.held === 0) heldSince = 0;
    else if (heldSince === 0) heldSince = now().getTime();
    if (order.held > 0 && !timer) timer = setTimeout(flush, REORDER_MS);
  };

  return {
    dir,
    done,
    notes,
    record(runId, out) {
      if (finished) throw new Error('sweep directory already finished');
      accept(runId, {
        years: keepYears ? Buffer.from(yearsLines(plan, runId, out)) : undefined,
        runs: Buffer.from(runsLine(plan, runId, out, columns)),
      });
      done.add(runId);
    },
    fail(runId, error) {
      if (finished) throw new Error('sweep directory already finished');
      const c = plan.coordinates(runId);
      failures.push({ run_id: runId, point: c.point, replicate: c.replicate, seed: c.seed, error });
      accept(runId, { failure: Buffer.from(failureLine(plan, runId, error)) });
    },
    finish() {
      if (finished) return manifest;
      for (const l of order.drain()) queue(l, false);
      flush();
      finished = true;
      for (const fd of Object.values(fds)) if (fd >= 0) closeSync(fd);
      try {
        if (ioFailure) throw ioFailure;
        checkOwnFiles();
        const failed = new Set(failures.map((f) => f.run_id));
        let complete = true;
        for (const id of planned) if (!done.has(id) && !failed.has(id)) complete = false;
        if (complete && !(keptBefore && order.inOrder)) {
          sortFile(paths.runs);
          if (keepYears) sortFile(paths.years);
          sortFile(paths.failures);
          syncDir(dir);
        }
        failures.sort((a, b) => a.run_id - b.run_id);
        const stamp = now().toISOString();
        manifest.runs.done = done.size;
        manifest.runs.failed = failures.length;
        manifest.failures = failures.slice(0, MANIFEST_FAILURE_LIMIT);
        manifest.status = complete ? 'complete' : 'incomplete';
        manifest.finished = complete ? stamp : null;
        endSession(stamp);
        writeManifest();
        syncDir(dir);
        return manifest;
      } catch (err) {
        const error =
          err instanceof SweepDirectoryError
            ? err
            : isIoError(err)
              ? new SweepDirectoryError(`${ioErrorMessage(err, 'finish the sweep folder', dir)}; then continue with --resume`)
              : (err as Error);
        if (!(err instanceof SweepDirectoryError && err.name === 'FolderLockedError')) markInterrupted(error.message);
        throw error;
      } finally {
        lock.release();
      }
    },
  };

  function endSession(stamp: string): void {
    const session = manifest.sessions[manifest.sessions.length - 1];
    session.finished = stamp;
    session.ran = ran;
  }

  function writeManifest(): void {
    const text = manifestText(manifest);
    atomicWrite(paths.manifest, text);
    written = text;
  }

  /**
   * Records in the manifest why the session stopped. On a full disk the temporary copy may not
   * fit: the manifest is then rewritten in place (truncating it first frees its blocks).
   */
  function markInterrupted(reason: string): void {
    manifest.status = 'interrupted';
    manifest.finished = null;
    manifest.interrupted = { at: now().toISOString(), reason };
    manifest.runs.failed = failures.length;
    endSession(manifest.interrupted.at);
    const text = manifestText(manifest);
    try {
      atomicWrite(paths.manifest, text);
    } catch {
      try {
        rmSync(`${paths.manifest}.tmp`, { force: true });
        writeFileSync(paths.manifest, text);
      } catch {
        // the error thrown says what happened; the manifest keeps saying "running"
      }
    }
  }

  /** Refuses to finish over files that another process replaced, removed or rewrote. */
  function checkOwnFiles(): void {
    lock.check();
    for (const [k, id] of Object.entries(identity)) {
      const path = paths[k as keyof typeof paths];
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

  /** Reads what earlier sessions left: complete runs and their years, nothing torn. */
  function recover(): { doneLines: Map<number, string>; yearsOf: Map<number, string[]> } {
    const runs = readLines(paths.runs, headers.runs);
    const runsFields = runsHeader(e).length;
    const doneLines = new Map<number, string>();
    const seen = new Set<number>();
    const dropped = { torn: runs.torn, range: 0, duplicate: 0 };
    for (const line of runs.lines) {
      const id = lineRunId(line);
      if (fieldCount(line) !== runsFields) dropped.torn++;
      else if (!planned.has(id)) dropped.range++;
      else if (seen.has(id)) {
        dropped.duplicate++;
        doneLines.delete(id); // which copy is right is unknown: run it again
      } else {
        seen.add(id);
        doneLines.set(id, `${line}\n`);
      }
    }
    const parts = [
      dropped.torn > 0 ? `${dropped.torn} torn` : '',
      dropped.range > 0 ? `${dropped.range} with a run_id outside this sweep` : '',
      dropped.duplicate > 0 ? `${dropped.duplicate} duplicate` : '',
    ].filter(Boolean);
    if (parts.length > 0) notes.push(`${paths.runs}: dropped ${parts.join(', ')} line(s); those runs are run again`);
    const yearsOf = new Map<number, string[]>();
    if (!keepYears) return { doneLines, yearsOf };
    const yearsFields = yearsHeader(e).length;
    const byRun = new Map<number, string[]>();
    const years = readLines(paths.years, headers.years);
    for (const line of years.lines) {
      const id = lineRunId(line);
      if (!doneLines.has(id)) continue; // years of a run whose runs.csv line never made it
      let list = byRun.get(id);
      if (!list) byRun.set(id, (list = []));
      list.push(`${line}\n`);
    }
    let redo = 0;
    for (const id of [...doneLines.keys()]) {
      const lines = byRun.get(id) ?? [];
      const expected = plan.yearsOf(plan.coordinates(id).point);
      const ok =
        lines.length === expected &&
        lines.every((l, y) => (l.startsWith(`${id},${y},`) || l === `${id},${y}\n`) && fieldCount(l.slice(0, -1)) === yearsFields);
      if (ok) yearsOf.set(id, lines);
      else {
        doneLines.delete(id);
        redo++;
      }
    }
    if (redo > 0) notes.push(`${paths.years}: ${redo} run(s) with missing or torn years are run again`);
    return { doneLines, yearsOf };
  }
}

/** Cells of one CSV line (quoted cells may hold commas). */
function fieldCount(line: string): number {
  if (!line.includes('"')) return line.split(',').length;
  let n = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) n++;
  }
  return quoted ? -1 : n;
}

function manifestText(m: SweepManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** Reads a sweep's manifest, or explains why the folder is not a sweep. */
export function readManifest(path: string, dir: string): SweepManifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SweepDirectoryError(`${dir} has no ${SWEEP_FILES.manifest}, so it holds no sweep to resume; give a new or empty folder`);
  }
  try {
    const m = JSON.parse(text) as SweepManifest;
    if (!m || typeof m !== 'object' || typeof m.experiment?.hash !== 'string') throw new Error('not a sweep manifest');
    if (!Array.isArray(m.sessions)) m.sessions = [];
    if (!Array.isArray(m.failures)) m.failures = [];
    if (!m.runs || typeof m.runs !== 'object') throw new Error('it has no "runs" counts');
    return m;
  } catch (err) {
    throw new SweepDirectoryError(`${path} is not a sweep manifest (${(err as Error).message})`);
  }
}

function checkSameSweep(m: SweepManifest, options: SweepDirectoryOptions, dir: string): void {
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

/**
 * The complete data lines of a CSV file written by a sweep: a torn last line (no newline)
 * is dropped; the header must be this experiment's (a torn header counts as none).
 */
function readLines(path: string, header: string): { lines: string[]; torn: number } {
  if (!existsSync(path)) return { lines: [], torn: 0 };
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n');
  if (end < 0) return { lines: [], torn: 0 };
  const lines = text.slice(0, end).split('\n');
  if (`${lines[0]}\n` !== header)
    throw new SweepDirectoryError(`${path}: its columns differ from this experiment's; it belongs to another sweep`);
  return { lines: lines.slice(1), torn: end < text.length - 1 ? 1 : 0 };
}

/** Rewrites a sweep CSV file with its data lines in run_id order (stable: a run's years stay in order). */
function sortFile(path: string): void {
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n');
  const lines = text.slice(0, end).split('\n');
  const header = lines.shift() as string;
  const keyed = lines.map((line, i) => ({ id: lineRunId(line), i, line }));
  keyed.sort((a, b) => a.id - b.id || a.i - b.i);
  atomicWrite(path, `${header}\n${keyed.map((k) => `${k.line}\n`).join('')}`);
}

/** Writes all of `data` at the end of a file and waits until it is on disk. */
function appendDurably(fd: number, data: string | readonly Buffer[]): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.concat(data);
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
  fsyncSync(fd);
}

/** Replaces a file in one step: write a temporary file, fsync it, rename it over. */
export function atomicWrite(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    appendDurably(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems cannot fsync a directory; the renames are still atomic
  }
}
