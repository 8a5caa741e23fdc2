import { describe, expect, it } from 'vitest';
import { checkClaimsUnderPosterior } from '../../src/studies/claims/claims-under-posterior.ts';
import type { ClaimDefinition } from '../../src/studies/claims/claim-definitions.ts';
import { applyDraw, drawPosterior, posteriorFromDocument, type PosteriorDocument } from '../../src/analysis/posterior.ts';
import { METRIC_COUNT, METRIC_INDEX } from '../../src/model/metrics.ts';
import type { Runner } from '../../src/runner/runner.ts';
import type { RunRequest } from '../../src/runner/run-request.ts';
import { runValues } from '../../src/runner/run-metrics.ts';

const doc = (particles: number[][], parameters = ['behaviour.choiceNoise']): PosteriorDocument => ({
  format: 'coopsim-posterior/1',
  coopsim: 'test',
  calibration: 'test.json',
  calibrationHash: 'x',
  baseScenarioHash: 'y',
  generations: 1,
  tolerance: 1,
  parameters,
  columns: [...parameters, 'weight', 'distance'],
  particles,
});

describe('posterior documents and draws', () => {
  it('draws by weight: a particle of weight 0 is never drawn, and the same seed draws the same sets', () => {
    const p = posteriorFromDocument(doc([[0.5, 1, 0], [2, 0, 0], [3, 3, 0]]));
    const draws = drawPosterior(p, 400, 7);
    expect(draws.some((d) => d['behaviour.choiceNoise'] === 2)).toBe(false);
    const threes = draws.filter((d) => d['behaviour.choiceNoise'] === 3).length;
    // Weight 3 of 4: 300 of 400 expected; 4 binomial sds (35) either side.
    expect(threes).toBeGreaterThan(265);
    expect(threes).toBeLessThan(335);
    expect(drawPosterior(p, 400, 7)).toEqual(draws);
    expect(drawPosterior(p, 400, 8)).not.toEqual(draws);
  });

  it.each([
    [{ format: 'x' }, /not a coopsim posterior/],
    [doc([]), /"particles" is empty/],
    [doc([[1, 'a' as unknown as number, 0]]), /particle 0 is not a row of 3 finite numbers/],
    [doc([[1, -1, 0]]), /negative weight/],
    [doc([[1, 0, 0]]), /weights sum to 0/],
    [doc([[1, 1, 0]], ['__proto__.x']), /not a scenario field path/],
  ])('refuses a broken document (%#)', (bad, message) => {
    expect(() => posteriorFromDocument(bad, 'p.json')).toThrow(message);
  });

  it("puts a draw on a scenario, but a field the scenario sets itself (unlike the reference) keeps the scenario's value", () => {
    const draw = { 'behaviour.choiceNoise': 1.5, 'economics.retentionBase': 0.6 };
    expect(applyDraw({ policy: { taxRelief: 0.3 } }, draw)).toEqual({ policy: { taxRelief: 0.3 }, behaviour: { choiceNoise: 1.5 }, economics: { retentionBase: 0.6 } });
    expect(applyDraw({ behaviour: { choiceNoise: 0.2 } }, draw)).toEqual({ behaviour: { choiceNoise: 0.2 }, economics: { retentionBase: 0.6 } });
    const reference = { behaviour: { choiceNoise: 0.8 }, economics: { retentionBase: 0.58 } };
    expect(applyDraw({ behaviour: { choiceNoise: 0.8 }, economics: { retentionBase: 0.9 } }, draw, reference)).toEqual({
      behaviour: { choiceNoise: 1.5 },
      economics: { retentionBase: 0.9 },
    });
  });
});

describe('checkClaimsUnderPosterior', () => {
  // A made-up claim on a stub model whose effect is (choiceNoise − 1) plus small seed noise:
  // it holds exactly in the parameter sets with choiceNoise 2, not in those with 0.5.
  const claim: ClaimDefinition = {
    id: 1,
    claim: 'treatment raises participation',
    criteria: [
      {
        test: 'firms_cooperating_share: treated − base > 0',
        scenarios: ['base', 'treated'],
        metrics: ['firms_cooperating_share'],
        sign: 1,
        pair: (read) => [read('base', 'firms_cooperating_share'), read('treated', 'firms_cooperating_share')],
      },
    ],
  };
  const requests: RunRequest[] = [];
  const runner: Runner = {
    concurrency: 1,
    async run(req) {
      requests.push(req);
      const years = 12;
      const s = req.scenario as { behaviour?: { choiceNoise?: number }; treated?: boolean };
      const noise = ((req.seed * 7919) % 13) / 1000;
      const v = s.treated ? (s.behaviour?.choiceNoise ?? 0) - 1 + noise : 0;
      const values = runValues(years, (m) => (m === METRIC_INDEX.firms_cooperating_share ? v : 0));
      return { seed: req.seed, years, values, initial: new Float64Array(METRIC_COUNT) };
    },
    close: async () => {},
  };

  it('gives the share of parameter sets in which the claim holds, each set on its own seeds', async () => {
    const posterior = posteriorFromDocument(doc([[0.5, 1, 0], [2, 1, 0]]));
    const scenarios = { base: {}, treated: { treated: true } as never };
    const report = await checkClaimsUnderPosterior({ scenarios, runner, posterior, claims: [claim], draws: 12, seeds: 6, drawSeed: 3 });
    const draws = drawPosterior(posterior, 12, 3);
    const high = draws.map((d) => d['behaviour.choiceNoise'] === 2);
    expect(report.draws).toEqual(draws);
    expect(report.claims[0].verdicts).toEqual(high.map((h) => (h ? 'holds' : 'fails')));
    expect(report.claims[0].probability).toBeCloseTo(high.filter(Boolean).length / 12, 12);
    // Set d runs on seeds 6d+1 … 6d+6 with its own parameters on both scenarios.
    const seeds = requests.map((r) => r.seed).sort((a, b) => a - b);
    expect(new Set(seeds)).toEqual(new Set(Array.from({ length: 72 }, (_, i) => i + 1)));
    for (const r of requests) expect((r.scenario as { behaviour: { choiceNoise: number } }).behaviour.choiceNoise).toBe(draws[Math.floor((r.seed - 1) / 6)]['behaviour.choiceNoise']);
    // The pooled interval spans both kinds of world: from about −0.5 to about +1.
    const y = report.claims[0].criteria[0].years[0].effect;
    expect(y.lo).toBeLessThan(-0.45);
    expect(y.hi).toBeGreaterThan(0.95);
  });
});
