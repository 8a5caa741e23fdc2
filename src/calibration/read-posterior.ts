import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';

/** A calibration's final population, read back from its posterior.csv. */
export interface Posterior {
  /** Calibrated scenario field paths, in column order. */
  paths: string[];
  /** One parameter vector per particle (in `paths` order). */
  theta: number[][];
  /** Normalised weights. */
  weights: number[];
}

/** Reads `DIR/posterior.csv` of `coopsim calibrate` (or a posterior.csv path). */
export function readPosterior(dirOrFile: string): Posterior {
  const file = dirOrFile.endsWith('.csv') ? dirOrFile : join(dirOrFile, 'posterior.csv');
  const rows = parse(readFileSync(file, 'utf8'), { columns: false }) as string[][];
  const header = rows[0];
  const w = header.indexOf('weight');
  if (header[0] !== 'particle' || w < 2) throw new Error(`${file}: not a posterior.csv of coopsim calibrate (expected particle, parameters…, weight, distance)`);
  const paths = header.slice(1, w);
  const theta = rows.slice(1).map((r) => r.slice(1, w).map(Number));
  const raw = rows.slice(1).map((r) => Number(r[w]));
  const sum = raw.reduce((a, b) => a + b, 0);
  return { paths, theta, weights: raw.map((x) => x / sum) };
}

/**
 * `n` parameter sets drawn from the posterior by weight (with replacement), reproducibly
 * from `seed`: each a map field path → value, ready for the scenario path setter.
 */
export function drawPosterior(p: Posterior, n: number, seed: number): Record<string, number>[] {
  const rng = seedrandom(`coopsim-posterior:${seed}`);
  const cum: number[] = [];
  let acc = 0;
  for (const w of p.weights) cum.push((acc += w));
  return Array.from({ length: n }, () => {
    const r = rng() * acc;
    let j = 0;
    while (j < cum.length - 1 && cum[j] < r) j++;
    return Object.fromEntries(p.paths.map((path, k) => [path, p.theta[j][k]]));
  });
}
