import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One evaluated candidate. */
export interface EvaluationRecord {
  /** Position in evaluations.csv (0-based, in generation and then candidate order). */
  id: number;
  generation: number;
  /** Decision variables (before rounding). */
  x: number[];
  /** Per-seed values of every measure: objectives then constraints × seeds. */
  perSeed: number[][];
  /** Objectives as minimised (maximised ones negated) and total constraint violation. */
  objectives: number[];
  violation: number;
}

/** A population member: an evaluation's id with its rank and crowding distance. */
export interface PopulationEntry {
  id: number;
  rank: number;
  crowding: number;
}

/** Everything needed to continue a search after its last finished generation. */
export interface OptimizationState {
  version: 1;
  /** Hash of the goal (what determines its results). */
  hash: string;
  /** The last finished generation (0 = the first population). */
  generation: number;
  evaluations: EvaluationRecord[];
  population: PopulationEntry[];
  /** Per-seed measures of the base scenario (measure × seed). */
  base: number[][];
  /** Objective scale of the hypervolume, fixed by the first generation. */
  scale: { ideal: number[]; nadir: number[] };
  /** Hypervolume after each generation. */
  hypervolume: number[];
  started: string;
  sessions: { started: string; finished: string | null; workers: number; generations: number }[];
}

/** The state's file in an output folder. */
export const STATE_FILE = 'state.json';

// JSON has no NaN or Infinity: they are written as strings and read back as numbers.
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

/** Writes a file whole or not at all (through a temporary file and a rename). */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Saves the state of a search to its folder. */
export function saveState(dir: string, state: OptimizationState): void {
  writeAtomic(join(dir, STATE_FILE), JSON.stringify(state, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
}

/** Reads the state of a search from its folder, or null when there is none. */
export function loadState(dir: string): OptimizationState | null {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8'), (_k, v) => (typeof v === 'string' && NON_FINITE.has(v) ? Number(v) : v)) as OptimizationState;
}
