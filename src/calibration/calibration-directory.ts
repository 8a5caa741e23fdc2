import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Population } from './abc-smc.ts';

/** A problem with the output folder (not empty, another calibration's, unreadable). */
export class CalibrationDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalibrationDirectoryError';
  }
}

/** Where finished generations are kept, one JSON file each, so a killed run resumes. */
const GENERATIONS_DIR = 'generations';

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
    if (entries.length > 0) throw new CalibrationDirectoryError(`${dir} holds no calibration (no manifest.json) to resume`);
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
  const done: Population[] = [];
  for (let g = 0; ; g++) {
    const f = join(dir, GENERATIONS_DIR, generationFile(g));
    if (!existsSync(f)) break;
    const p = JSON.parse(readFileSync(f, 'utf8'), (_k, v) => (v === 'Infinity' ? Infinity : v)) as Population;
    done.push(p);
  }
  return { done, manifest };
}

function generationFile(g: number): string {
  return `${String(g).padStart(3, '0')}.json`;
}

/** Saves a finished generation (exact numbers, so a resumed run continues bit for bit). */
export function saveGeneration(dir: string, p: Population): void {
  writeAtomic(join(dir, GENERATIONS_DIR, generationFile(p.generation)), JSON.stringify(p, (_k, v) => (v === Infinity ? 'Infinity' : v)));
}
