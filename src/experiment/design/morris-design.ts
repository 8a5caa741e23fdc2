import type { Rng } from '../../model/rng.ts';

/** One step of a Morris trajectory: which factor moved, and by how much on the unit scale. */
export interface MorrisStep {
  factor: number;
  delta: number;
}

/** Morris trajectories: r × (k + 1) unit points and the step taken between consecutive points. */
export interface MorrisDesign {
  /** Unit coordinates; trajectory t is points t(k+1) … t(k+1)+k. */
  unit: number[][];
  /** steps[t][s]: the move from point s to point s + 1 of trajectory t. */
  steps: MorrisStep[][];
  /** The step size Δ = p / (2(p − 1)) on the unit scale. */
  delta: number;
}

/**
 * Morris's one-at-a-time trajectories on a p-level grid of [0, 1]^k (Morris 1991): each
 * trajectory starts at a random grid point and moves every factor once, in random
 * order, by ±Δ with Δ = p / (2(p − 1)). Deterministic for a given stream.
 */
export function morrisDesign(trajectories: number, k: number, levels: number, rng: Rng): MorrisDesign {
  if (levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris design: ${levels} levels; expected an even number ≥ 2`);
  const jump = levels / 2; // Δ in grid steps
  const delta = jump / (levels - 1);
  const unit: number[][] = [];
  const steps: MorrisStep[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const level = new Array<number>(k);
    const up = new Array<boolean>(k);
    for (let i = 0; i < k; i++) {
      const low = rng.int(jump); // lower end of the factor's pair of levels
      up[i] = rng.chance(0.5);
      level[i] = up[i] ? low : low + jump;
    }
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    unit.push(level.map((l) => l / (levels - 1)));
    const trajectory: MorrisStep[] = [];
    for (const i of order) {
      level[i] += up[i] ? jump : -jump;
      unit.push(level.map((l) => l / (levels - 1)));
      trajectory.push({ factor: i, delta: up[i] ? delta : -delta });
    }
    steps.push(trajectory);
  }
  return { unit, steps, delta };
}
