import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, folderLockHolder, isLockFile, lockFolder } from '../sweep/folder-lock.ts';
import { ioErrorMessage, isIoError } from '../sweep/io-error-message.ts';
import { SweepDirectoryError } from '../sweep/sweep-directory-error.ts';
import { atomicWrite, readManifest } from '../sweep/sweep-files.ts';
import { MANIFEST_FAILURE_LIMIT, type RunFailure, type SweepManifest } from '../sweep/sweep-manifest.ts';
import { lineRunId, SWEEP_FILES } from '../sweep/sweep-rows.ts';

/** The shard folders given to {@link mergeSweeps} do not hold every run of the experiment. */
export class IncompleteMergeError extends SweepDirectoryError {
  constructor(message: string) {
    super(message);
    this.name = 'IncompleteMergeError';
  }
}

/** A folder given to {@link mergeSweeps} is not a sweep of the same experiment (bad input, not an output problem). */
export class MergeInputError extends SweepDirectoryError {
  constructor(message: string) {
    super(message);
    this.name = 'MergeInputError';
  }
}

/** What {@link mergeSweeps} wrote. */
export interface MergeResult {
  manifest: SweepManifest;
  /** Runs in the merged files (successes and failures). */
  runs: number;
}

interface SweepData {
  dir: string;
  manifest: SweepManifest;
  header: { runs: string; years: string | null; failures: string };
  runs: Map<number, string>;
  years: Map<number, string[]>;
  failures: Map<number, string>;
}

/** Most run ids listed in a message about missing runs. */
const LIST_LIMIT = 20;

/**
 * Merges sweep folders of one experiment (typically the shards of a SLURM job array)
 * into `out`: every run exactly once, files in run_id order, byte-identical to the
 * same sweep run in one go. Refuses folders of different experiments or versions, runs
 * that disagree between folders, and an incomplete set (naming the missing runs).
 */
export function mergeSweeps(dirs: readonly string[], out: string): MergeResult {
  if (dirs.length === 0) throw new MergeInputError('no sweep folders to merge');
  for (const d of dirs) {
    const holder = existsSync(d) ? folderLockHolder(d) : null;
    if (holder)
      throw new SweepDirectoryError(`${d} is still being written by ${holder === 'unknown' ? 'another coopsim process' : describe(holder)}; merge when it has finished`);
  }
  const lock = lockFolder(out, 'merge');
  try {
    if (readdirSync(out).some((f) => !f.endsWith('.tmp') && !isLockFile(f)))
      throw new SweepDirectoryError(`${out} is not empty; merge into a new or empty folder`);
    return mergeInto(dirs, out);
  } catch (err) {
    if (isIoError(err)) throw new SweepDirectoryError(`${ioErrorMessage(err, 'write the merged folder', out)}; fix it and merge again`);
    throw err;
  } finally {
    lock.release();
  }
}

function mergeInto(dirs: readonly string[], out: string): MergeResult {
  const sweeps = dirs.map(readSweep);
  const first = sweeps[0];
  for (const s of sweeps.slice(1)) {
    if (s.manifest.experiment.hash !== first.manifest.experiment.hash)
      throw new MergeInputError(`${s.dir} holds a different experiment than ${first.dir} (hash ${s.manifest.experiment.hash.slice(0, 12)} ≠ ${first.manifest.experiment.hash.slice(0, 12)})`);
    if (s.manifest.coopsim !== first.manifest.coopsim)
      throw new MergeInputError(`${s.dir} was written by coopsim ${s.manifest.coopsim}, ${first.dir} by ${first.manifest.coopsim}`);
    if (s.header.runs !== first.header.runs || s.header.years !== first.header.years || s.header.failures !== first.header.failures)
      throw new MergeInputError(`${s.dir} has other columns than ${first.dir}`);
  }

  const total = first.manifest.runs.total;
  const runs = new Map<number, { line: string; years: string[]; from: string }>();
  const failures = new Map<number, { line: string; from: string }>();
  for (const s of sweeps) {
    for (const [id, line] of s.runs) {
      const seen = runs.get(id);
      const years = s.years.get(id) ?? [];
      if (seen) {
        if (seen.line !== line || seen.years.join('') !== years.join(''))
          throw new MergeInputError(`run ${id} differs between ${seen.from} and ${s.dir}`);
        continue;
      }
      runs.set(id, { line, years, from: s.dir });
    }
  }
  for (const s of sweeps)
    for (const [id, line] of s.failures) if (!runs.has(id) && !failures.has(id)) failures.set(id, { line, from: s.dir });

  const missing: number[] = [];
  for (let id = 0; id < total; id++) if (!runs.has(id) && !failures.has(id)) missing.push(id);
  if (missing.length > 0) {
    const shards = new Set(sweeps.map((s) => (s.manifest.shard ? s.manifest.shard.count : 0)));
    const n = shards.size === 1 ? [...shards][0] : 0;
    const hint = n > 0 ? `; missing shards or unfinished ones: ${[...new Set(missing.map((id) => id % n))].map((i) => `${i}/${n}`).join(', ')}` : '';
    throw new IncompleteMergeError(
      `incomplete: ${missing.length} of ${total} runs missing (${formatIds(missing)})${hint}; finish them (sweep --resume with the same --shard) and merge again`,
    );
  }

  const ids = [...runs.keys()].sort((a, b) => a - b);
  const failedIds = [...failures.keys()].sort((a, b) => a - b);
  const manifest = mergedManifest(sweeps, ids.length, failedIds, failures);
  atomicWrite(join(out, SWEEP_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  atomicWrite(join(out, SWEEP_FILES.runs), first.header.runs + ids.map((id) => runs.get(id)?.line).join(''));
  if (first.header.years !== null)
    atomicWrite(join(out, SWEEP_FILES.years), first.header.years + ids.map((id) => runs.get(id)?.years.join('')).join(''));
  atomicWrite(join(out, SWEEP_FILES.failures), first.header.failures + failedIds.map((id) => failures.get(id)?.line).join(''));
  return { manifest, runs: ids.length + failedIds.length };
}

function mergedManifest(sweeps: SweepData[], done: number, failedIds: number[], failures: Map<number, { line: string }>): SweepManifest {
  const m = structuredClone(sweeps[0].manifest);
  const failureInfo = new Map<number, RunFailure>();
  for (const s of sweeps) for (const f of s.manifest.failures ?? []) failureInfo.set(f.run_id, f);
  m.shard = null;
  m.runs = { total: m.runs.total, planned: m.runs.total, done, failed: failedIds.length };
  m.status = 'complete';
  const starts = sweeps.map((s) => s.manifest.started).sort();
  const ends = sweeps.map((s) => s.manifest.finished ?? '').sort();
  m.started = starts[0];
  m.finished = ends[ends.length - 1] || null;
  m.sessions = sweeps.flatMap((s) => s.manifest.sessions ?? []);
  m.failures = failedIds
    .slice(0, MANIFEST_FAILURE_LIMIT)
    .map((id) => failureInfo.get(id) ?? { run_id: id, point: -1, replicate: -1, seed: -1, error: failures.get(id)?.line ?? '' });
  (m as SweepManifest & { mergedFrom?: string[] }).mergedFrom = sweeps.map((s) => s.dir);
  return m;
}

function readSweep(dir: string): SweepData {
  if (!existsSync(dir)) throw new MergeInputError(`${dir}: no such folder`);
  if (!existsSync(join(dir, SWEEP_FILES.manifest))) throw new MergeInputError(`${dir} has no ${SWEEP_FILES.manifest}: not the output folder of a coopsim sweep`);
  let manifest: SweepManifest;
  try {
    manifest = readManifest(join(dir, SWEEP_FILES.manifest), dir);
  } catch (err) {
    throw new MergeInputError((err as Error).message);
  }
  const runs = readCsv(join(dir, SWEEP_FILES.runs), dir, true);
  const years = manifest.files?.years ? readCsv(join(dir, SWEEP_FILES.years), dir, true) : null;
  const failures = readCsv(join(dir, SWEEP_FILES.failures), dir, false);
  const byRun = new Map<number, string>();
  for (const line of runs.lines) byRun.set(lineRunId(line), `${line}\n`);
  const yearsOf = new Map<number, string[]>();
  if (years)
    for (const line of years.lines) {
      const id = lineRunId(line);
      if (!byRun.has(id)) continue; // years of a run cut off mid-write
      let list = yearsOf.get(id);
      if (!list) yearsOf.set(id, (list = []));
      list.push(`${line}\n`);
    }
  const failed = new Map<number, string>();
  for (const line of failures.lines) failed.set(lineRunId(line), `${line}\n`);
  return {
    dir,
    manifest,
    header: { runs: runs.header, years: years ? years.header : null, failures: failures.header },
    runs: byRun,
    years: yearsOf,
    failures: failed,
  };
}

function readCsv(path: string, dir: string, required: boolean): { header: string; lines: string[] } {
  if (!existsSync(path)) {
    if (required) throw new MergeInputError(`${dir} has no ${path.slice(dir.length + 1)}`);
    return { header: '', lines: [] };
  }
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n');
  if (end < 0) return { header: '', lines: [] };
  const lines = text.slice(0, end).split('\n');
  const header = `${lines.shift()}\n`;
  return { header, lines };
}

/** "3, 7, 11–14 and 20 more". */
export function formatIds(ids: readonly number[]): string {
  const ranges: string[] = [];
  let i = 0;
  let listed = 0;
  while (i < ids.length && ranges.length < LIST_LIMIT) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    ranges.push(j > i ? `${ids[i]}–${ids[j]}` : `${ids[i]}`);
    listed = j + 1;
    i = j + 1;
  }
  const rest = ids.length - listed;
  return `run${ids.length === 1 ? '' : 's'} ${ranges.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}
