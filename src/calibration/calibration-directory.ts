import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Population } from './abc-types.ts';
import type { ShardResult } from './simulate-shard.ts';

/** A problem with the output folder (not empty, another calibration's, unreadable). */
export class CalibrationDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalibrationDirectoryError';
  }
}

/** Where finished generations are kept, one JSON file each, so a killed run resumes. */
const GENERATIONS_DIR = 'generations';
/** Where shards of a job array leave their candidates' results, per generation. */
const SHARDS_DIR = 'shards';

/** The calibration's manifest.json. */
export interface CalibrationManifest {
  tool: 'coopsim calibrate';
  version: string;
  calibration: string | null;
  hash: string;
  status: 'running' | 'complete' | 'incomplete';
  started: string;
  finished: string | null;
  workers: number;
  generations: number;
  stopped: string | null;
  simulations: number;
  sessions: { started: string; finished: string | null; workers: number; generationsRun: number }[];
}

/** Writes a file whole or not at all (a kill mid-write leaves the old one). */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Prepares `dir`: new or empty, or (resume) the same calibration's folder; returns its finished generations. */
export function openCalibrationDirectory(dir: string, hash: string, resume: boolean): { done: Population[]; manifest: CalibrationManifest | null } {
  if (!existsSync(dir)) {
    mkdirSync(join(dir, GENERATIONS_DIR), { recursive: true });
    return { done: [], manifest: null };
  }
  const entries = readdirSync(dir);
  const manifestPath = join(dir, 'manifest.json');
  if (!resume) {
    if (entries.length > 0)
      throw new CalibrationDirectoryError(
        `${dir} is not empty; choose a new folder${existsSync(manifestPath) ? ', or continue this calibration with --resume' : ''}`,
      );
    mkdirSync(join(dir, GENERATIONS_DIR), { recursive: true });
    return { done: [], manifest: null };
  }
  if (!existsSync(manifestPath)) {
    // Shards of a job array may have written their results before any merge step ran.
    if (entries.some((e) => e !== GENERATIONS_DIR && e !== SHARDS_DIR)) throw new CalibrationDirectoryError(`${dir} holds no calibration (no manifest.json) to resume`);
    mkdirSync(join(dir, GENERATIONS_DIR), { recursive: true });
    return { done: [], manifest: null };
  }
  let manifest: CalibrationManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (err) {
    throw new CalibrationDirectoryError(`${manifestPath}: cannot read (${(err as Error).message})`);
  }
  if (manifest.hash !== hash)
    throw new CalibrationDirectoryError(`${dir} holds a different calibration (its parameters, targets, method or base scenario differ); use a new folder`);
  mkdirSync(join(dir, GENERATIONS_DIR), { recursive: true });
  return { done: readGenerations(dir), manifest };
}

/** The finished generations in `dir` (none when it has none). */
export function readGenerations(dir: string): Population[] {
  const done: Population[] = [];
  for (let g = 0; ; g++) {
    const f = join(dir, GENERATIONS_DIR, generationFile(g));
    if (!existsSync(f)) break;
    const p = JSON.parse(readFileSync(f, 'utf8'), (_k, v) => (v === 'Infinity' ? Infinity : v)) as Population;
    done.push(p);
  }
  return done;
}

function generationFile(g: number): string {
  return `${String(g).padStart(3, '0')}.json`;
}

/** Saves a finished generation (exact numbers, so a resumed run continues bit for bit). */
export function saveGeneration(dir: string, p: Population): void {
  writeAtomic(join(dir, GENERATIONS_DIR, generationFile(p.generation)), JSON.stringify(p, (_k, v) => (v === Infinity ? 'Infinity' : v)));
}

/** Saves one shard's candidates of a generation (written by `--shard i/n`). */
export function saveShard(dir: string, hash: string, shard: { index: number; count: number }, result: ShardResult): string {
  const folder = join(dir, SHARDS_DIR, String(result.generation).padStart(3, '0'));
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${shard.index}-of-${shard.count}.json`);
  writeAtomic(file, JSON.stringify({ hash, ...result }));
  return file;
}

/** Every shard result of generation `g` of this calibration (by hash), by candidate number. */
export function readShards(dir: string, hash: string, g: number): Map<number, { theta: number[]; stats: number[] }> {
  const folder = join(dir, SHARDS_DIR, String(g).padStart(3, '0'));
  const known = new Map<number, { theta: number[]; stats: number[] }>();
  if (!existsSync(folder)) return known;
  for (const f of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(folder, f), 'utf8')) as ShardResult & { hash: string };
    if (data.hash !== hash)
      throw new CalibrationDirectoryError(`${join(folder, f)} belongs to a different calibration (its parameters, targets, method or base scenario differ)`);
    for (const r of data.results) known.set(r.i, { theta: r.theta, stats: r.stats.map((v) => (v === null ? NaN : v)) });
  }
  return known;
}
