import type { Scenario } from '../../model/params/schema.ts';
import { gameFromWorld, scenarioWorld, type ScenarioGame } from './game-from-scenario.ts';
import { firmStride, meanFirmSupport } from './pair-payoff-gaps.ts';
import { gameFromParams } from './game-from-params.ts';
import { withGameParam, type GameParams } from './game-params.ts';
import { tippingThreshold } from './tipping-threshold.ts';

/**
 * Whether full deep cooperation is an asymptotically stable corner of the game: schools and
 * firms at 1 both gain from staying deep and, with government, the government keeps its
 * corner (active with a positive gain, or passive with a negative one). At a pure corner the
 * replicator's eigenvalues are these gains (sign-flipped where the share is 1), so no
 * eigenvalue solver is needed.
 */
export function deepIsStable(params: GameParams): boolean {
  const game = gameFromParams(params);
  const out = new Float64Array(game.dim);
  const corners = game.dim === 3 ? [[1, 1, 0], [1, 1, 1]] : [[1, 1]];
  return corners.some((c) => {
    game.gains(c, out);
    return out[0] > 0 && out[1] > 0 && (game.dim === 2 || (c[2] === 1 ? out[2] > 0 : out[2] < 0));
  });
}

/** The levers whose tipping threshold the scenario's game gives: they enter the firm's support only. */
export const THRESHOLD_LEVERS = ['taxRelief', 'subsidyPerInternMonth'] as const;
/** A lever of {@link leverThreshold}. */
export type ThresholdLever = (typeof THRESHOLD_LEVERS)[number];

/** Default search ranges: the lever's full range for tax relief; for the subsidy (k¥ per intern-month), ten times the 2–3 k¥ monthly pay of an intern. */
export const THRESHOLD_RANGE: Readonly<Record<ThresholdLever, readonly [number, number]>> = {
  taxRelief: [0, 1],
  subsidyPerInternMonth: [0, 30],
};

/** The game's tipping threshold of one lever. */
export interface LeverThreshold {
  lever: ThresholdLever;
  from: number;
  to: number;
  /** Smallest lever value in [from, to] from which the game's path ends at full deep cooperation, or null. */
  threshold: number | null;
  /** The firm support (ge, or Se with government) the game needs to tip from its start. */
  supportNeeded: number | null;
  /**
   * Smallest lever value at which full deep cooperation is a stable corner (from there a
   * start close enough to it tips), or null: a lower bound of `threshold`, which needs the start to tip too.
   */
  deepStableFrom: number | null;
  /** The firm support from which full deep cooperation is stable. */
  supportStable: number | null;
  /** The firm support the lever gives at `from` and at `to`. */
  supportAt: [number, number];
  /** The game at the lever's `from` value. */
  game: ScenarioGame;
}

/**
 * The game's tipping threshold of tax relief or the subsidy. Only the firm's support
 * (ge; Se with government) depends on these levers, and it does not fall as they rise, so
 * the threshold is found in two steps: the support from which the game's path from its
 * start ends at full deep cooperation (`tippingThreshold` of ge or Se), then the lever value
 * whose support reaches it (bisection to `tolerance`, default 1e-4, of the range). Null when the support
 * at `to` falls short. Pure, like {@link gameFromScenario}; `maxPairs` as there.
 */
export function leverThreshold(
  scenario: Scenario,
  lever: ThresholdLever,
  options: { year?: number; government?: boolean; from?: number; to?: number; tolerance?: number; maxPairs?: number } = {},
): LeverThreshold {
  const year = options.year ?? 0;
  const from = options.from ?? THRESHOLD_RANGE[lever][0];
  const to = options.to ?? THRESHOLD_RANGE[lever][1];
  if (!(to > from)) throw new Error(`${lever}: the search range ${from}–${to} is empty; give to above from`);
  const government = options.government === true;
  const { world, runningCostPerFirm } = scenarioWorld(scenario, year);
  world.lever[lever] = from;
  const stride = firmStride(world, options.maxPairs);
  const game = gameFromWorld(world, runningCostPerFirm, scenario.name, year, government, stride);
  const { x0, y0, z0 } = game.start;
  const start = z0 === undefined ? [x0, y0] : [x0, y0, z0];
  const param = government ? 'Se' : 'ge';
  const base = government ? game.params.government!.Se : game.params.ge;
  const supportOf = (v: number) => {
    world.lever[lever] = v;
    return meanFirmSupport(world, stride);
  };
  // The support the other terms already give (law, evaluation) stays as it is at `from`.
  const other = base - supportOf(from);
  const atTo = other + supportOf(to);
  const top = Math.max(atTo, base + 1e-9);
  const supportTol = 1e-4 * Math.max(1, Math.abs(atTo - base));
  const need = tippingThreshold(game.params, param, base, top, start, { tolerance: supportTol });
  const stableAt = (v: number) => deepIsStable(withGameParam(game.params, param, v));
  let stable: number | null = null;
  if (stableAt(base)) stable = base;
  else if (stableAt(top)) {
    let lo = base;
    let hi = top;
    // A sign test per step, no integration: bisect to rounding.
    while (hi - lo > 1e-9 * Math.max(1, Math.abs(top))) {
      const mid = (lo + hi) / 2;
      if (stableAt(mid)) hi = mid;
      else lo = mid;
    }
    stable = hi;
  }
  const tol = (options.tolerance ?? 1e-4) * (to - from);
  // The smallest lever value whose support reaches `support` (the support does not fall as the lever rises).
  const leverFor = (support: number | null): number | null => {
    if (support === null) return null;
    if (other + supportOf(from) >= support) return from;
    let lo = from;
    let hi = to;
    while (hi - lo > tol) {
      const mid = (lo + hi) / 2;
      if (other + supportOf(mid) >= support) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const threshold = leverFor(need);
  const deepStableFrom = leverFor(stable);
  world.lever[lever] = from;
  return { lever, from, to, threshold, supportNeeded: need, deepStableFrom, supportStable: stable, supportAt: [base, atTo], game };
}

/** {@link leverThreshold} of every lever in {@link THRESHOLD_LEVERS}, over its default range. */
export function leverThresholds(scenario: Scenario, options: { year?: number; government?: boolean } = {}): Record<ThresholdLever, LeverThreshold> {
  const out = {} as Record<ThresholdLever, LeverThreshold>;
  for (const lever of THRESHOLD_LEVERS) out[lever] = leverThreshold(scenario, lever, options);
  return out;
}
