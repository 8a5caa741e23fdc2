import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../src/model/simulate.ts';
import { METRICS, METRIC_INDEX } from '../../src/model/metrics.ts';
import { recomputeLoads } from '../../src/model/phases/matching.ts';
import { LEVER_RANGE, perLever, type LeverName } from '../../src/model/params/lever-table.ts';
import { small } from '../helpers/scenario.ts';

const shareMetrics = METRICS.filter((m) => m[2] === 'share' || m[2] === '0–1').map((m) => m[0]);

/** Upper ends for the money levers: their ranges run far beyond what changes a decision. */
const DRAWN_UP_TO: Partial<Record<LeverName, number>> = { subsidyPerInternMonth: 2, schoolFunding: 5 };

const policyArb = fc.record({
  // Every lever of the table, so a new lever is drawn here without being listed.
  ...perLever((name) => fc.double({ min: LEVER_RANGE[name][0], max: DRAWN_UP_TO[name] ?? LEVER_RANGE[name][1], noNaN: true })),
  evaluationInterval: fc.integer({ min: 0, max: 4 }),
  certificationQuota: fc.double({ min: 0, max: 3, noNaN: true }),
  certificationTerm: fc.integer({ min: 1, max: 5 }),
});

describe('invariants hold for any policy, world and seed', () => {
  it('depths stay in 0–4, shares in 0–1, loads match, and the fiscal ledger balances', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (policy, seed, regions, perFirm, cheap) => {
          const scenario = small({ policy, world: { regions, firms: 200, schools: 6, maxPartnersPerFirm: perFirm }, labour: { cheapLabour: cheap } });
          const sim = createSimulation(scenario, { seed });
          const w = sim.world;
          for (let y = 0; y < 6; y++) {
            const row = sim.step();
            const P = w.partnerships;
            for (let p = 0; p < P.school.length; p++) {
              if (P.school[p] < 0) continue;
              expect(P.depth[p]).toBeGreaterThanOrEqual(1);
              expect(P.depth[p]).toBeLessThanOrEqual(4);
              expect(P.school[p]).toBeLessThan(w.schools.n);
              expect(P.trust[p]).toBeGreaterThanOrEqual(0);
              expect(P.trust[p]).toBeLessThanOrEqual(1);
            }
            for (const name of shareMetrics) {
              const v = row[METRIC_INDEX[name]];
              expect(v, name).toBeGreaterThanOrEqual(0);
              expect(v, name).toBeLessThanOrEqual(1);
            }
            let depthShares = 0;
            for (let d = 0; d <= 4; d++) depthShares += row[METRIC_INDEX.depth_0_share + d];
            expect(depthShares).toBeCloseTo(1, 12);
            // Every yuan the government books reaches a firm, and nothing else does.
            const receipts = w.firms.receipts.reduce((a, b) => a + b, 0);
            const l = w.ledger;
            expect(receipts).toBeCloseTo(l.taxForgone + l.subsidies + l.evaluationRewards, 6);
            expect(row[METRIC_INDEX.fiscal_cost]).toBeCloseTo(
              row[METRIC_INDEX.fiscal_tax_forgone] +
                row[METRIC_INDEX.fiscal_subsidies] +
                row[METRIC_INDEX.fiscal_school_funding] +
                row[METRIC_INDEX.fiscal_evaluation_rewards] +
                row[METRIC_INDEX.fiscal_admin_cost],
              9,
            );
            const load = Array.from(w.schools.load);
            recomputeLoads(w);
            expect(load).toEqual(Array.from(w.schools.load));
            for (let f = 0; f < w.firms.n; f++) {
              for (let a = 0; a < P.perFirm; a++)
                for (let b = a + 1; b < P.perFirm; b++) {
                  const sa = P.school[f * P.perFirm + a];
                  if (sa >= 0) expect(P.school[f * P.perFirm + b]).not.toBe(sa);
                }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
