/**
 * A multi-population replicator system with two strategies per population, "deep" (1)
 * and "shallow" (0). State `p[i]` is the share of population i playing deep;
 * `ṗ[i] = p[i](1 − p[i])·gain_i(p)`, where `gain_i` is the payoff of deep minus the payoff
 * of shallow and does not depend on `p[i]` itself.
 */
export interface ReplicatorGame {
  /** Number of populations (2 or 3). */
  readonly dim: number;
  /** Names of the shares, e.g. `['x', 'y']` or `['x', 'y', 'z']`. */
  readonly names: readonly string[];
  /** Names of the populations, e.g. `['schools', 'firms']`. */
  readonly populations: readonly string[];
  /** Writes each population's payoff advantage of deep over shallow at shares `p` into `out`. */
  gains(p: ArrayLike<number>, out: Float64Array | number[]): void;
  /** ∂gain_i/∂p_j at `p`, one row per population (the diagonal is zero). */
  gainGradient(p: ArrayLike<number>): number[][];
  /**
   * Every isolated rest point in the closed unit cube: the pure corners first, then the
   * mixed ones. Continua of rest points (only at exact parameter coincidences) are not listed.
   */
  restPoints(): number[][];
  /**
   * The payoff advantage of population `i` at the pure corner `corner`, in words and numbers,
   * as benefit − cost: population i's share grows there when benefit > cost.
   */
  gainTerms(i: number, corner: readonly number[]): GainTerms;
  /** Formula of the interior rest point in words, when the game has a closed form for it. */
  readonly interiorFormula?: string;
}

/** A payoff advantage written as benefit − cost, with both sides in words and numbers. */
export interface GainTerms {
  benefit: string;
  cost: string;
  benefitValue: number;
  costValue: number;
}

/** Writes the replicator velocity ṗ at `p` into `out`. */
export function replicatorVelocity(game: ReplicatorGame, p: ArrayLike<number>, out: Float64Array | number[]): void {
  game.gains(p, out);
  for (let i = 0; i < game.dim; i++) out[i] = p[i] * (1 - p[i]) * out[i];
}

/** The Jacobian of the replicator velocity at `p`: J_ij = δ_ij(1 − 2p_i)·gain_i + p_i(1 − p_i)·∂gain_i/∂p_j. */
export function replicatorJacobian(game: ReplicatorGame, p: ArrayLike<number>): number[][] {
  const g = new Float64Array(game.dim);
  game.gains(p, g);
  const grad = game.gainGradient(p);
  const J: number[][] = [];
  for (let i = 0; i < game.dim; i++) {
    const row: number[] = [];
    for (let j = 0; j < game.dim; j++) row.push((i === j ? (1 - 2 * p[i]) * g[i] : 0) + p[i] * (1 - p[i]) * grad[i][j]);
    J.push(row);
  }
  return J;
}

/** All 2^dim pure corners of the unit cube, (0,…,0) first, the last share varying fastest. */
export function pureCorners(dim: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < 1 << dim; k++) {
    const c: number[] = [];
    for (let i = 0; i < dim; i++) c.push((k >> (dim - 1 - i)) & 1);
    out.push(c);
  }
  return out;
}

/** True when `v` lies strictly inside (0, 1). */
export function inOpenUnit(v: number): boolean {
  return Number.isFinite(v) && v > 0 && v < 1;
}
