import type { AbcProblem, AbcSettings, Population } from './abc-types.ts';
import { candidateCap, drawCandidate, nextGeneration, perturbationSd } from './abc-smc.ts';

/** One shard's share of a generation's candidates: number, parameters and statistics. */
export interface ShardResult {
  generation: number;
  /** Candidates 0 … budget−1 with number % count === index were simulated. */
  budget: number;
  results: { i: number; theta: number[]; stats: number[] }[];
}

/**
 * Simulates, for the generation after `done`, the candidates numbered `index`, `index +
 * count`, … below a budget sized from the last acceptance rate. The merge step
 * ({@link abcSmc} with `precomputed`) uses them and simulates whatever else it needs, so
 * the population is the same as without shards.
 */
export async function simulateShard(
  problem: AbcProblem,
  s: AbcSettings,
  done: readonly Population[],
  shard: { index: number; count: number },
  concurrency: number,
  signal?: AbortSignal,
): Promise<ShardResult | null> {
  const next = nextGeneration(done, s);
  if (!next) return null;
  const prev = done[done.length - 1] ?? null;
  const kernel = prev ? perturbationSd(prev) : null;
  // Each tolerance roughly halves the acceptance; a little extra saves a merge-side top-up.
  const expected = prev ? Math.max(s.minAcceptance, prev.acceptance * 0.6) : 1;
  const budget = Math.min(candidateCap(s), Math.ceil((1.25 * s.particles) / expected));
  const ids: number[] = [];
  for (let i = shard.index; i < budget; i += shard.count) ids.push(i);
  const results: ShardResult['results'] = [];
  let cursor = 0;
  const workerLoop = async () => {
    while (cursor < ids.length) {
      signal?.throwIfAborted();
      const i = ids[cursor++];
      const c = drawCandidate(problem, s, next.generation, i, prev, kernel);
      if (!c.theta) continue;
      const stats = await problem.simulate(c.theta, c.seeds, signal ?? new AbortController().signal);
      results.push({ i, theta: c.theta, stats });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, workerLoop));
  results.sort((a, b) => a.i - b.i);
  return { generation: next.generation, budget, results };
}
