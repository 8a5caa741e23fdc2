import type { Scenario } from '../../model/params/schema.ts';
import { scenarioWorld } from './game-from-scenario.ts';
import { leverResponse, type LeverResponse } from './lever-response.ts';
import { leverThreshold, type ThresholdLever } from './lever-thresholds.ts';
import { pairLeverThresholds } from './pair-payoff-gaps.ts';

/** The game's tipping point of a lever next to the agent-based model's response to it. */
export interface GameVsModel {
  scenario: string;
  lever: ThresholdLever;
  /** The game's threshold from the scenario's start (null: none in the range). */
  gameThreshold: number | null;
  /** Where full deep cooperation becomes a stable corner of the game (null: not in the range). */
  gameDeepStable: number | null;
  /** The model's response (deep share per lever value) and its steepest rise. */
  model: LeverResponse;
  /**
   * For the subsidy: the share of firm–college pairs in which going deep pays the firm, at each
   * of the model's lever values (the heterogeneity the game's means hide), and the lever
   * values at which 5%, 50% and 95% of the pairs gain.
   */
  pairs?: { shareGaining: number[]; p5: number; p50: number; p95: number };
}

/**
 * Compares the scenario's game with the model on one lever: the game's thresholds
 * (`leverThreshold` over the range of `values`) and the model's paired-seed response
 * (`leverResponse`). Pure; the model runs take most of the time (values × seeds runs).
 */
export function compareGameWithModel(scenario: Scenario, lever: ThresholdLever, values: readonly number[], seeds: readonly number[]): GameVsModel {
  const t = leverThreshold(scenario, lever, { from: values[0], to: values[values.length - 1] });
  const out: GameVsModel = {
    scenario: scenario.name,
    lever,
    gameThreshold: t.threshold,
    gameDeepStable: t.deepStableFrom,
    model: leverResponse(scenario, lever, values, seeds),
  };
  if (lever === 'subsidyPerInternMonth') {
    const sorted = pairLeverThresholds(scenarioWorld(scenario, 0).world, lever);
    const share = (v: number) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] <= v) lo = mid + 1;
        else hi = mid;
      }
      return sorted.length > 0 ? lo / sorted.length : 0;
    };
    const quantile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    out.pairs = { shareGaining: values.map(share), p5: quantile(0.05), p50: quantile(0.5), p95: quantile(0.95) };
  }
  return out;
}

/** Rises under one point of deep share over the whole range are not a turn: seed noise can make them. */
const TURN = 0.01;

function turn(m: LeverResponse): string {
  const total = Math.max(...m.deepShare) - m.deepShare[0];
  if (m.steepest === null || total < TURN) return `no turn (deep share ${(100 * m.deepShare[0]).toFixed(1)}% → ${(100 * m.deepShare[m.deepShare.length - 1]).toFixed(1)}%)`;
  return `${f2(m.steepest)} (+${(100 * m.steepestRise).toFixed(1)} points in that step)`;
}

const f2 = (v: number | null) => (v === null ? 'none' : Number.isFinite(v) ? v.toFixed(2) : 'never');

/** The README's table of {@link compareGameWithModel} results. */
export function gameVsModelMarkdown(rows: readonly GameVsModel[]): string {
  const lines = [
    '| scenario | lever (range) | game: tips from the start | game: deep–deep stable from | model: steepest rise at (rise in deep share) | pairs gaining 5% / 50% / 95% at |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const v = r.model.values;
    const p = r.pairs ? `${f2(r.pairs.p5)} / ${f2(r.pairs.p50)} / ${f2(r.pairs.p95)}` : '—';
    lines.push(
      `| ${r.scenario} | ${r.lever} (${v[0]}–${v[v.length - 1]}) | ${f2(r.gameThreshold)} | ${f2(r.gameDeepStable)} | ${turn(r.model)} | ${p} |`,
    );
  }
  return lines.join('\n');
}
