import { describe, expect, it } from 'vitest';
import { gameVsModelMarkdown, type GameVsModel } from '../../src/analysis/game/game-vs-model.ts';
import { leverResponse } from '../../src/analysis/game/lever-response.ts';
import { gameVsModelSvg } from '../../src/cli/game-vs-model-svg.ts';
import { small } from '../helpers/scenario.ts';

const row = (scenario: string, deepShare: number[], lever: GameVsModel['lever'] = 'subsidyPerInternMonth'): GameVsModel => ({
  scenario,
  lever,
  gameThreshold: 2.5,
  gameDeepStable: 1.6,
  model: { lever, values: [0, 1, 2, 3], seeds: [1, 2], deepShare, deepShareSd: [0, 0, 0, 0], steepest: 1.5, steepestRise: deepShare[2] - deepShare[1] },
  pairs: { shareGaining: [0, 0.1, 0.5, 0.9], p5: 0.5, p50: 2, p95: 2.9 },
});

describe('game against model: table and chart', () => {
  it('the table gives each threshold and calls a rise under one point over the range no turn', () => {
    const md = gameVsModelMarkdown([row('A', [0, 0.05, 0.2, 0.22]), row('B', [0.001, 0.002, 0.004, 0.005], 'taxRelief')]);
    expect(md).toContain('| A | subsidyPerInternMonth (0–3) | 2.50 | 1.60 | 1.50 (+15.0 points in that step) | 0.50 / 2.00 / 2.90 |');
    expect(md).toContain('no turn (deep share 0.1% → 0.5%)');
  });

  it('the chart draws a model line and a pairs line per scenario, the game marks, and the model mark only for a real turn', () => {
    const svg = gameVsModelSvg([row('A', [0, 0.05, 0.2, 0.22]), row('B', [0.001, 0.002, 0.004, 0.005])]);
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg).toContain('A: game threshold from the start 2.50');
    expect(svg).toContain('B: game: deep–deep stable from 1.60');
    expect(svg).toContain("A: model's steepest rise at 1.50");
    expect(svg).not.toContain("B: model's steepest rise");
  });
});

describe('leverResponse', () => {
  it('rejects lever values that do not increase and an empty seed list, naming the problem', () => {
    const s = small();
    expect(() => leverResponse(s, 'taxRelief', [0], [1])).toThrow(/at least two lever values/);
    expect(() => leverResponse(s, 'taxRelief', [0.5, 0.2], [1])).toThrow(/must increase \(0.5 then 0.2\)/);
    expect(() => leverResponse(s, 'taxRelief', [0, 1], [])).toThrow(/at least one seed/);
  });

  it('uses the same seeds at every value: a lever with no effect gives the same deep share at both values', () => {
    // Tax relief without any certification quota changes no firm's items.
    const s = small({ policy: { certificationQuota: 0 } });
    const r = leverResponse(s, 'taxRelief', [0, 1], [1, 2]);
    expect(r.deepShare[1]).toBe(r.deepShare[0]);
    expect(r.steepest).toBeNull();
  });
});
