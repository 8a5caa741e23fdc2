import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { SweepDirectoryError } from './sweep-directory-error.ts';
import type { SweepManifest } from './sweep-manifest.ts';
import { lineRunId, SWEEP_FILES } from './sweep-rows.ts';

/** Cells of one CSV line (quoted cells may hold commas). */
export function fieldCount(line: string): number {
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

/** A manifest as its file holds it. */
export function manifestText(m: SweepManifest): string {
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


/**
 * The complete data lines of a CSV file written by a sweep: a torn last line (no newline)
 * is dropped; the header must be this experiment's (a torn header counts as none).
 */
export function readLines(path: string, header: string): { lines: string[]; torn: number } {
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
export function sortFile(path: string): void {
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n');
  const lines = text.slice(0, end).split('\n');
  const header = lines.shift() as string;
  const keyed = lines.map((line, i) => ({ id: lineRunId(line), i, line }));
  keyed.sort((a, b) => a.id - b.id || a.i - b.i);
  atomicWrite(path, `${header}\n${keyed.map((k) => `${k.line}\n`).join('')}`);
}

/** Writes all of `data` at the end of a file and waits until it is on disk. */
export function appendDurably(fd: number, data: string | readonly Buffer[]): void {
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

/** Waits until a folder's entries (new and renamed files) are on disk, where the file system allows. */
export function syncDir(dir: string): void {
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
