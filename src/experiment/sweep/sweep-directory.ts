import { closeSync, fstatSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentPlan } from '../plan/experiment-plan.ts';
import { isLockFile, lockFolder } from './folder-lock.ts';
import { ioErrorMessage, isIoError } from './io-error-message.ts';
import { createRunOrder } from './run-order.ts';
import { recoverSweep } from './recover-sweep.ts';
import { checkOwnFiles, checkSameSweep, type SweepDirectory, type SweepDirectoryOptions } from './sweep-directory-options.ts';
import { SweepDirectoryError } from './sweep-directory-error.ts';
import { appendDurably, atomicWrite, manifestText, readManifest, sortFile, syncDir } from './sweep-files.ts';
import { newManifest, MANIFEST_FAILURE_LIMIT, type RunFailure, type SweepManifest } from './sweep-manifest.ts';
import {
  csvLine,
  failureLine,
  failuresHeader,
  runsHeader,
  runsLine,
  summaryColumns,
  SWEEP_FILES,
  yearsHeader,
  yearsLines,
} from './sweep-rows.ts';

// The folder's error and option types are part of this module's face for its readers.
export { SweepDirectoryError };
export type { SweepDirectory, SweepDirectoryOptions } from './sweep-directory-options.ts';

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
      ({ doneLines, yearsOf } = recoverSweep(plan, paths, headers, planned, notes));
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
        checkOwnFiles(lock, identity, paths, written);
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
}
