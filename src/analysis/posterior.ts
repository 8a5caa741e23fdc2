import seedrandom from 'seedrandom';

/** A calibration's final population: what results under parameter uncertainty draw from. */
export interface Posterior {
  /** Calibrated scenario field paths, in column order. */
  paths: string[];
  /** One parameter vector per particle (in `paths` order). */
  theta: number[][];
  /** Normalised weights. */
  weights: number[];
}

/** One parameter set drawn from a posterior: field path → value. */
export type PosteriorDraw = Record<string, number>;

/**
 * The committed form of a posterior (`coopsim calibrate` writes it as `posterior.json`):
 * the final particles with the hashes of what produced them, so a stale copy is detectable.
 */
export interface PosteriorDocument {
  format: 'coopsim-posterior/1';
  /** coopsim version that ran the calibration. */
  coopsim: string;
  /** The calibration file, as given to `coopsim calibrate`. */
  calibration: string;
  /** SHA-256 of everything that determines the posterior (base scenario with its defaults, priors, targets, method). */
  calibrationHash: string;
  /** SHA-256 of the base scenario with every default filled in (without name, description and sources). */
  baseScenarioHash: string;
  /** Generations run and the final tolerance (root-mean-square miss in target sds). */
  generations: number;
  tolerance: number;
  /** Calibrated field paths: the first columns of `particles`. */
  parameters: string[];
  /** Column names of `particles`: the parameters, then weight and distance. */
  columns: string[];
  /** One row per particle. */
  particles: number[][];
}

/** Reads a posterior document (JSON data), naming what is wrong with it. */
export function posteriorFromDocument(doc: unknown, label = 'posterior'): Posterior {
  const bad = (what: string) => new Error(`${label}: ${what}; expected the posterior.json that coopsim calibrate writes`);
  if (typeof doc !== 'object' || doc === null || (doc as { format?: unknown }).format !== 'coopsim-posterior/1') throw bad('not a coopsim posterior (format "coopsim-posterior/1")');
  const d = doc as PosteriorDocument;
  if (!Array.isArray(d.parameters) || d.parameters.length === 0 || !d.parameters.every((p) => typeof p === 'string')) throw bad('"parameters" is not a list of field paths');
  const path = d.parameters.find((p) => !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(p) || /(^|\.)(__proto__|constructor|prototype)(\.|$)/.test(p));
  if (path !== undefined) throw bad(`${JSON.stringify(path)} is not a scenario field path like behaviour.choiceNoise`);
  const k = d.parameters.length;
  if (!Array.isArray(d.particles) || d.particles.length === 0) throw bad('"particles" is empty');
  d.particles.forEach((row, i) => {
    if (!Array.isArray(row) || row.length < k + 1 || !row.every((v) => typeof v === 'number' && Number.isFinite(v)))
      throw bad(`particle ${i} is not a row of ${k + 2} finite numbers (parameters, weight, distance)`);
    if (row[k] < 0) throw bad(`particle ${i} has a negative weight`);
  });
  return normalised(
    [...d.parameters],
    d.particles.map((r) => r.slice(0, k)),
    d.particles.map((r) => r[k]),
    label,
  );
}

/** A posterior with its weights normalised (throws when they sum to zero). */
export function normalised(paths: string[], theta: number[][], raw: number[], label = 'posterior'): Posterior {
  const sum = raw.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error(`${label}: the particles' weights sum to ${sum}; expected a positive sum`);
  return { paths, theta, weights: raw.map((x) => x / sum) };
}

/**
 * `n` parameter sets drawn from the posterior by weight (with replacement), reproducibly
 * from `seed`: each a map field path → value, ready for {@link applyDraw}. The same in
 * Node and the browser (seedrandom, no platform randomness).
 */
export function drawPosterior(p: Posterior, n: number, seed: number): PosteriorDraw[] {
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

function getPath(data: unknown, path: string): unknown {
  let node = data;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * A copy of scenario data with a drawn parameter set on top. A field the scenario sets
 * itself to a value other than `reference`'s (its policy lever or a deliberate change)
 * keeps the scenario's value: the posterior describes the status quo, not a treatment.
 * Without `reference`, any field the scenario sets keeps its value.
 */
export function applyDraw<T extends object>(scenario: T, draw: PosteriorDraw, reference?: object): T {
  const out = structuredClone(scenario) as Record<string, unknown>;
  for (const [path, value] of Object.entries(draw)) {
    const own = getPath(out, path);
    if (own !== undefined && (reference === undefined || own !== getPath(reference, path))) continue;
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== 'object' || next === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = value;
  }
  return out as T;
}
