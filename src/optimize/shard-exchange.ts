import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Shard } from '../experiment/plan/experiment-plan.ts';
import { writeAtomic } from './optimization-state.ts';

/** Folder of the shards' evaluations inside the output folder. */
export const SHARD_FOLDER = 'shards';

/** How often a shard looks for the others' evaluations. */
const POLL_MS = 500;

// JSON has no NaN or Infinity: they travel as strings.
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

interface ShardFile {
  hash: string;
  batch: string;
  shard: Shard;
  /** Per-seed measures of the candidates with position % count === index, in order. */
  values: number[][][];
}

/**
 * Evaluates one batch of a search split across shards that share a folder (the tasks of a
 * SLURM job array): shard i evaluates the candidates at positions i, i + n, …, writes them
 * to `shards/BATCH-shard-i-of-n.json`, then waits for the other shards' files and returns
 * every candidate's values in order. A file already there (a restarted task) is reused,
 * so a shard that resumes replays the finished batches without running them again.
 */
export async function exchangeBatch(
  dir: string,
  hash: string,
  batch: string,
  shard: Shard,
  size: number,
  evaluate: (positions: number[]) => Promise<number[][][]>,
  signal?: AbortSignal,
  onWait?: () => void,
): Promise<number[][][]> {
  const folder = join(dir, SHARD_FOLDER);
  mkdirSync(folder, { recursive: true });
  const fileOf = (i: number) => join(folder, `${batch}-shard-${i}-of-${shard.count}.json`);
  const own = fileOf(shard.index);
  if (!existsSync(own)) {
    const positions: number[] = [];
    for (let p = shard.index; p < size; p += shard.count) positions.push(p);
    const values = positions.length > 0 ? await evaluate(positions) : [];
    const file: ShardFile = { hash, batch, shard, values };
    writeAtomic(own, JSON.stringify(file, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
  }
  const out: number[][][] = new Array(size);
  let waited = false;
  for (let i = 0; i < shard.count; i++) {
    while (!existsSync(fileOf(i))) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (!waited) onWait?.();
      waited = true;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const file = JSON.parse(readFileSync(fileOf(i), 'utf8'), (_k, v) => (typeof v === 'string' && NON_FINITE.has(v) ? Number(v) : v)) as ShardFile;
    if (file.hash !== hash) throw new Error(`${fileOf(i)} belongs to another goal (hash ${file.hash.slice(0, 12)}…); give a new folder`);
    file.values.forEach((v, k) => (out[i + k * shard.count] = v));
  }
  return out;
}
