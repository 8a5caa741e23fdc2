import { basinOfDeep } from './basin.ts';
import type { Eigenvalue } from './eigenvalues.ts';
import { findEquilibria, type StabilityCheck } from './equilibria.ts';
import { gameAbmEnsemble, maxImitationProbability, type GameAbmEnsemble } from './game-abm.ts';
import { gameFromParams } from './game-from-params.ts';
import type { GameParamName, GameParams } from './game-params.ts';
import type { GameFile } from './game-schema.ts';
import type { ReplicatorGame } from './replicator-game.ts';
import { settle } from './settle.ts';
import { tippingThreshold } from './tipping-threshold.ts';
import { trajectory } from './trajectory.ts';

/** Shares of deep schools (x), deep firms (y) and, with government, active governments (z). */
export interface Shares {
  x: number;
  y: number;
  z?: number;
}
/** Shares at a time. */
export type TimedShares = { t: number } & Shares;

/** What {@link analyseGame} should compute besides equilibria and the trajectory. */
export interface AnalyseGameOptions {
  /** Tipping threshold of `param` in [from, to]. */
  threshold?: { param: GameParamName; from: number; to: number };
  /** Agent-based ensemble. */
  abm?: { agents: number; reps: number; M: number; seed: number };
  /** Basin of full deep cooperation on an n × n grid of starts. */
  basin?: number;
}

/** One equilibrium as reported (shares, eigenvalues, classification, condition). */
export type ReportedEquilibrium = Shares & {
  eigenvalues: Eigenvalue[];
  stable: boolean;
  kind: string;
  condition: string;
  checks: StabilityCheck[];
};

/** The full analysis of a game file: the object `coopsim game --json` prints. */
export interface GameReport {
  name: string;
  description: string;
  params: GameParams;
  start: Shares;
  equilibria: ReportedEquilibrium[];
  /** Every 0.1 time units up to tmax (and tmax itself). */
  trajectory: TimedShares[];
  /** The shares at tmax. */
  final: Shares;
  /** Where the path ends in the long run: the stable rest point reached (label) or null. */
  limit: Shares & { t: number; equilibrium: string | null };
  threshold?: number | null;
  thresholdParam?: string;
  thresholdRange?: [number, number];
  basin?: { n: number; share: number; rows: string[] };
  abm?: {
    agents: number;
    reps: number;
    M: number;
    seed: number;
    maxImitationProbability: number;
    endedDeep: number;
    mean: TimedShares[];
    sd: TimedShares[];
    maxAbsDiffFromOde: number;
  };
}

/** The game parameters of a validated game file. */
export function paramsOfGameFile(file: GameFile): GameParams {
  const { V, alpha, Cs, Ce, gs, ge, q } = file;
  if (!file.government) return { V, alpha, Cs, Ce, gs, ge, q };
  const { Cg, Gs, Se, Fs, Fe, L } = file.government;
  return { V, alpha, Cs, Ce, gs, ge, q, government: { Cg, Gs, Se, Fs, Fe, L } };
}

/** The start shares of a validated game file. */
export function startOfGameFile(file: GameFile): number[] {
  return file.government ? [file.x0, file.y0, file.government.z0] : [file.x0, file.y0];
}

function named(game: ReplicatorGame, values: ArrayLike<number>): Shares {
  return game.dim === 3 ? { x: values[0], y: values[1], z: values[2] } : { x: values[0], y: values[1] };
}

/**
 * Analyses a game file: equilibria with stability, the trajectory from the start shares,
 * its long-run limit and, on request, a tipping threshold, the basin of full deep
 * cooperation and an agent-based ensemble on the same time grid. Pure.
 *
 * `abmEnsemble`, when given, is the ensemble `options.abm` asks for, already run (by
 * `gameAbmEnsembleThreads`, on several threads): the same numbers this function would compute.
 */
export function analyseGame(file: GameFile, options: AnalyseGameOptions = {}, abmEnsemble?: GameAbmEnsemble): GameReport {
  const params = paramsOfGameFile(file);
  const start = startOfGameFile(file);
  const game = gameFromParams(params);
  const equilibria = findEquilibria(game);
  const path = trajectory(game, start, file.tmax);
  const limit = settle(game, start, { equilibria });
  const report: GameReport = {
    name: file.name,
    description: file.description,
    params,
    start: named(game, start),
    equilibria: equilibria.map((e) => ({
      ...named(game, e.point),
      eigenvalues: e.eigenvalues,
      stable: e.stable,
      kind: e.kind,
      condition: e.condition,
      checks: e.checks,
    })),
    trajectory: path.times.map((t, k) => ({ t, ...named(game, path.points[k]) })),
    final: named(game, path.points[path.points.length - 1]),
    limit: { ...named(game, limit.point), t: limit.t, equilibrium: limit.equilibrium?.label ?? null },
  };
  if (options.threshold) {
    const { param, from, to } = options.threshold;
    report.threshold = tippingThreshold(params, param, from, to, start);
    report.thresholdParam = param;
    report.thresholdRange = [from, to];
  }
  if (options.basin !== undefined) {
    const b = basinOfDeep(game, options.basin, file.government?.z0);
    // Rows from the top (firms' start share near 1) down, as on a chart; '1' = ends deep.
    const rows = b.deep.map((row) => row.map((d) => (d ? '1' : '0')).join('')).reverse();
    report.basin = { n: b.n, share: b.share, rows };
  }
  if (options.abm) {
    const { agents, reps, M, seed } = options.abm;
    const ens = abmEnsemble ?? gameAbmEnsemble(game, { agents, sweepsPerUnit: M, tmax: file.tmax, start }, reps, seed);
    const at = (arr: Float64Array[], k: number) => named(game, arr.map((a) => a[k]));
    let maxDiff = 0;
    ens.times.forEach((_, k) => {
      for (let i = 0; i < game.dim; i++) maxDiff = Math.max(maxDiff, Math.abs(ens.mean[i][k] - path.points[k][i]));
    });
    report.abm = {
      agents,
      reps,
      M,
      seed,
      maxImitationProbability: maxImitationProbability(game, M),
      endedDeep: ens.endedDeep,
      mean: ens.times.map((t, k) => ({ t, ...at(ens.mean, k) })),
      sd: ens.times.map((t, k) => ({ t, ...at(ens.sd, k) })),
      maxAbsDiffFromOde: maxDiff,
    };
  }
  return report;
}
