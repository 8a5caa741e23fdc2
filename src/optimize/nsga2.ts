import seedrandom from 'seedrandom';
import { crowdingDistance, nondominatedSort, constrainedDominates, type Fitness } from './pareto-rank.ts';
import { polynomialMutation, sbxCrossover, type Bounds, type Uniform } from './variation.ts';

/** One member of a population: its variables and what they scored. */
export interface Individual extends Fitness {
  readonly x: readonly number[];
}

/** An individual with its NSGA-II rank (0 = first front) and crowding distance. */
export interface RankedIndividual extends Individual {
  readonly rank: number;
  readonly crowding: number;
}

/** Settings of the variation operators (defaults of Deb et al. 2002). */
export interface VariationSettings {
  /** Chance that a pair of parents is crossed (default 0.9). */
  crossoverRate?: number;
  /** SBX distribution index (default 20). */
  crossoverEta?: number;
  /** Chance per variable of mutation (default 1 / number of variables). */
  mutationRate?: number;
  /** Polynomial-mutation distribution index (default 20). */
  mutationEta?: number;
}

/**
 * The random stream of one generation: every draw of generation `generation` comes from
 * it, so a search restarted from a saved generation continues exactly as if it had not
 * stopped, and nothing depends on the order in which evaluations finish.
 */
export function generationRng(masterSeed: number | string, generation: number): Uniform {
  return seedrandom.alea(`coopsim-optimize:${masterSeed}:${generation}`);
}

/** `size` points drawn uniformly within the bounds (the first generation). */
export function randomPopulation(bounds: Bounds, size: number, rng: Uniform): number[][] {
  return Array.from({ length: size }, () => bounds.lower.map((lo, i) => lo + rng() * (bounds.upper[i] - lo)));
}

/**
 * NSGA-II's survivor selection (Deb et al. 2002, §III-C): fills `size` places front by
 * front and cuts the last front by crowding distance (larger first, ties by position).
 */
export function selectSurvivors(pool: readonly Individual[], size: number): RankedIndividual[] {
  const fronts = nondominatedSort(pool);
  const out: RankedIndividual[] = [];
  for (let r = 0; r < fronts.length && out.length < size; r++) {
    const front = fronts[r];
    const crowd = crowdingDistance(pool, front);
    const order = front.map((_, i) => i);
    if (out.length + front.length > size) order.sort((a, b) => crowd[b] - crowd[a] || a - b);
    for (const i of order.slice(0, size - out.length)) out.push({ ...pool[front[i]], rank: r, crowding: crowd[i] });
  }
  return out;
}

/**
 * The offspring of a ranked population: binary tournaments on (rank, crowding) pick the
 * parents, SBX crosses them and polynomial mutation perturbs the children. Returns as
 * many children as there are parents.
 */
export function makeOffspring(parents: readonly RankedIndividual[], bounds: Bounds, rng: Uniform, settings: VariationSettings = {}): number[][] {
  const n = parents.length;
  const vars = bounds.lower.length;
  const pc = settings.crossoverRate ?? 0.9;
  const etaC = settings.crossoverEta ?? 20;
  const pm = settings.mutationRate ?? 1 / Math.max(1, vars);
  const etaM = settings.mutationEta ?? 20;
  const pick = (): RankedIndividual => {
    const a = parents[Math.floor(rng() * n)];
    const b = parents[Math.floor(rng() * n)];
    if (constrainedDominates(a, b)) return a;
    if (constrainedDominates(b, a)) return b;
    if (a.rank !== b.rank) return a.rank < b.rank ? a : b;
    if (a.crowding !== b.crowding) return a.crowding > b.crowding ? a : b;
    return rng() < 0.5 ? a : b;
  };
  const children: number[][] = [];
  while (children.length < n) {
    const p1 = pick();
    const p2 = pick();
    const cross = rng() < pc;
    const [c1, c2] = cross ? sbxCrossover(p1.x, p2.x, bounds, etaC, rng) : [p1.x.slice(), p2.x.slice()];
    polynomialMutation(c1, bounds, etaM, pm, rng);
    polynomialMutation(c2, bounds, etaM, pm, rng);
    children.push(c1);
    if (children.length < n) children.push(c2);
  }
  return children;
}

/** Settings of {@link nsga2}. */
export interface Nsga2Options extends VariationSettings {
  population: number;
  generations: number;
  seed: number | string;
  /** Called after each generation with the survivors (generation 0 = the first population). */
  onGeneration?: (generation: number, population: readonly RankedIndividual[]) => void;
}

/** Scores a batch of candidates; may run them anywhere, but must return them in order. */
export type BatchEvaluator = (xs: readonly (readonly number[])[]) => Promise<Fitness[]> | Fitness[];

/**
 * NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002) with constraint domination: a
 * population of `population` evolves for `generations` generations after the first.
 * Deterministic for a given seed: generation g draws from {@link generationRng}(seed, g).
 */
export async function nsga2(bounds: Bounds, evaluate: BatchEvaluator, options: Nsga2Options): Promise<RankedIndividual[]> {
  const first = randomPopulation(bounds, options.population, generationRng(options.seed, 0));
  let pop = selectSurvivors(await scoreAll(first, evaluate), options.population);
  options.onGeneration?.(0, pop);
  for (let g = 1; g <= options.generations; g++) {
    const kids = makeOffspring(pop, bounds, generationRng(options.seed, g), options);
    const scored = await scoreAll(kids, evaluate);
    pop = selectSurvivors([...pop, ...scored], options.population);
    options.onGeneration?.(g, pop);
  }
  return pop;
}

async function scoreAll(xs: number[][], evaluate: BatchEvaluator): Promise<Individual[]> {
  const fit = await evaluate(xs);
  if (fit.length !== xs.length) throw new Error(`evaluator returned ${fit.length} results for ${xs.length} candidates`);
  return xs.map((x, i) => ({ x, objectives: fit[i].objectives, violation: fit[i].violation }));
}
