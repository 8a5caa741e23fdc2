import { describe, expect, it } from 'vitest';
import { gameScore, PROGRAMME_COST_M, scoreDecimals, scoreParts } from '../../src/app/classroom/game-score.ts';
import { depthPointsAt, roundResult, type RoundResult } from '../../src/app/classroom/policy-round.ts';
import { formatter } from '../../src/app/i18n/format.ts';
import { METRIC_NAMES, type MetricName } from '../../src/model/metrics.ts';
import { runValues } from '../../src/runner/run-metrics.ts';
import { MIXES, playPlan } from '../helpers/classroom-play.ts';

const round = (points: number, pointsBaseline: number, extraCost: number): RoundResult => ({ ...roundResult(0, {}, [], [], 3000), points, pointsBaseline, extraCost });

describe('classroom score', () => {
  it('weighs firms by their deepest partnership: depth 2 one point, 3 two, 4 three, shallow none (restates the formula)', () => {
    const shares: Partial<Record<MetricName, number>> = { depth_1_share: 0.5, depth_2_share: 0.1, depth_3_share: 0.02, depth_4_share: 0.01 };
    const year = { years: 1, values: runValues(1, (m) => shares[METRIC_NAMES[m]] ?? 0) };
    expect(depthPointsAt([year], 0, 1000)).toBeCloseTo(100 + 40 + 30, 9);
  });

  it('divides the gain by the spending plus the programme cost; a saving counts as none, a loss scores below zero (restates the formula)', () => {
    expect(gameScore([round(30, 10, 20), round(50, 10, 20)])).toBeCloseTo((40 / (40 + PROGRAMME_COST_M)) * 100, 9);
    expect(gameScore([round(12, 10, 0)])).toBeCloseTo((2 / PROGRAMME_COST_M) * 100, 9);
    expect(scoreParts([round(12, 10, -30)])?.counted).toBe(PROGRAMME_COST_M);
    expect(gameScore([round(8, 10, 5)])).toBeLessThan(0);
    expect(scoreParts([])).toBeNull();
    // Same gain, different small costs: no floor flattens them into one score.
    expect(gameScore([round(12, 10, 3)])).toBeGreaterThan(gameScore([round(12, 10, 6)]));
  });

  it('gives every measured policy mix its own displayed score, in the order of the exact scores', () => {
    const measured = Object.entries(MIXES).map(([name, plan]) => {
      const parts = scoreParts(playPlan(plan, 1).rounds)!;
      return { name, ...parts, shown: formatter('en').number(parts.score, scoreDecimals(parts.score)) };
    });
    // The status quo against itself is exactly zero; every other mix moved something.
    expect(measured.find((m) => m.name === 'statusQuo')?.shown).toBe('0.00');
    expect(new Set(measured.map((m) => m.shown)).size).toBe(measured.length);
    const byExact = [...measured].sort((a, b) => b.score - a.score).map((m) => m.name);
    const byShown = [...measured].sort((a, b) => Number(b.shown.replace(/,/g, '')) - Number(a.shown.replace(/,/g, ''))).map((m) => m.name);
    expect(byShown).toEqual(byExact);
    // A mix that gains more for less money ranks above the other.
    for (const a of measured)
      for (const b of measured)
        if (a.gain > 0 && a.gain >= b.gain && a.spent <= b.spent && (a.gain > b.gain || a.spent < b.spent)) expect(a.score, `${a.name} over ${b.name}`).toBeGreaterThan(b.score);
  }, 300_000);
});
