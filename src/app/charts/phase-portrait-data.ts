import type { EquilibriumKind } from '../../analysis/game/classify-eigenvalues.ts';
import { findEquilibria } from '../../analysis/game/equilibria.ts';
import type { GameParams } from '../../analysis/game/game-params.ts';
import { replicatorVelocity } from '../../analysis/game/replicator-game.ts';
import { trajectory } from '../../analysis/game/trajectory.ts';
import { twoPopulationCoefficients, twoPopulationGame } from '../../analysis/game/two-population-game.ts';
import { gameAbmRuns, type GameAbmOutput } from '../../analysis/game/game-abm-runs.ts';

/** A point of a path in the (x, y) plane. */
export interface PathPoint {
  t: number;
  x: number;
  y: number;
}

/** Everything the phase portrait draws, as plain data. */
export interface PhasePortraitData {
  /** Velocity (dx, dy) of the replicator dynamics at grid points (x, y). */
  field: { x: number; y: number; dx: number; dy: number }[];
  /**
   * Interior nullclines as segments: schools' (ẋ = 0, the line y = (Cs − gs)/(αV)) and
   * firms' (ẏ = 0, the line x = (Ce − ge)/(q(1−α)V)) when they cross the open square.
   */
  nullclines: { population: 'schools' | 'firms'; x1: number; y1: number; x2: number; y2: number }[];
  equilibria: { x: number; y: number; stable: boolean; kind: EquilibriumKind; label: string }[];
  /** ODE trajectories, one per start. */
  trajectories: { start: [number, number]; points: PathPoint[] }[];
  /** Agent-based runs (thin lines): each with the index of its start and its seed. */
  abmRuns: { start: number; seed: number; points: PathPoint[] }[];
  /** The mean of the agent-based runs from each start that has runs. */
  abmMeans: { start: number; points: PathPoint[] }[];
}

/** Options of {@link phasePortraitData}. */
export interface PhasePortraitDataOptions {
  /** Time span of the trajectories (default 10). */
  tmax?: number;
  /** Vector-field grid points per axis (default 15). */
  grid?: number;
  /** Agent-based runs from each start (none by default); see {@link gameAbmRuns}. */
  abm?: { agents: number; runs: number; seed: number; M?: number };
}

/**
 * Builds the data of the phase portrait of the two-population game for `params` (a
 * government population, if any, is ignored: the portrait is the (x, y) plane of the
 * two-population game) with ODE trajectories from each of `starts` and, optionally,
 * agent-based runs from each start. Pure.
 */
export function phasePortraitData(
  params: GameParams,
  starts: readonly (readonly [number, number])[],
  options: PhasePortraitDataOptions = {},
): PhasePortraitData {
  const { government: _ignored, ...two } = params;
  const game = twoPopulationGame(two);
  const { a, b, c, d } = twoPopulationCoefficients(two);
  const tmax = options.tmax ?? 10;
  const n = options.grid ?? 15;
  const field: PhasePortraitData['field'] = [];
  const v = new Float64Array(2);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = (i + 0.5) / n;
      const y = (j + 0.5) / n;
      replicatorVelocity(game, [x, y], v);
      field.push({ x, y, dx: v[0], dy: v[1] });
    }
  const nullclines: PhasePortraitData['nullclines'] = [];
  const inside = (u: number) => Number.isFinite(u) && u > 0 && u < 1;
  if (a !== 0 && inside(b / a)) nullclines.push({ population: 'schools', x1: 0, y1: b / a, x2: 1, y2: b / a });
  if (c !== 0 && inside(d / c)) nullclines.push({ population: 'firms', x1: d / c, y1: 0, x2: d / c, y2: 1 });
  const equilibria = findEquilibria(game).map((e) => ({
    x: e.point[0],
    y: e.point[1],
    stable: e.stable,
    kind: e.kind,
    label: e.label,
  }));
  const trajectories = starts.map((s) => {
    const path = trajectory(game, s, tmax);
    return {
      start: [s[0], s[1]] as [number, number],
      points: path.times.map((t, k) => ({ t, x: path.points[k][0], y: path.points[k][1] })),
    };
  });
  const abm = options.abm ? abmPaths(gameAbmRuns({ params: two, starts, tmax, ...options.abm })) : { abmRuns: [], abmMeans: [] };
  return { field, nullclines, equilibria, trajectories, ...abm };
}

/** The runs and means of {@link gameAbmRuns} (computed in a worker, say) as paths to draw. */
export function abmPaths(out: GameAbmOutput): Pick<PhasePortraitData, 'abmRuns' | 'abmMeans'> {
  const points = (x: Float64Array, y: Float64Array): PathPoint[] => Array.from(out.times, (t, k) => ({ t, x: x[k], y: y[k] }));
  return {
    abmRuns: out.runs.map((r) => ({ start: r.start, seed: r.seed, points: points(r.x, r.y) })),
    abmMeans: out.means.map((m) => ({ start: m.start, points: points(m.x, m.y) })),
  };
}
