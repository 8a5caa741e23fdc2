import { beforeAll, describe, expect, it } from 'vitest';
import { checkClaims, checkYears, type ClaimsReport } from '../../src/studies/claims/check-claims.ts';
import { CLAIMS } from '../../src/studies/claims/claim-definitions.ts';
import { readScenarioDir } from '../../src/studies/claims/shipped-scenarios.ts';
import { createInThreadRunner } from '../../src/runner/in-thread-runner.ts';
import { shipped } from '../helpers/scenario.ts';

/**
 * The seed's claims (docs/ODD.md, Claims), checked by the same function as
 * `coopsim claims`, so the test and the report cannot disagree: every criterion at each
 * of years 5, 10 and the last year, on the report's default seeds.
 *
 * Criteria the model does not reproduce today are listed here, and their tests pass
 * only while they fail: when a model change makes one hold, its test turns red and the
 * entry must go.
 */
const KNOWN_FAILURES = new Set<string>([
  // Tax relief is a credit on certified firms' qualifying investment (equipment, bases,
  // curriculum) against the education surcharges they owe: shallow partnerships have none, so
  // relief alone no longer draws firms into cooperation (the report gives the numbers).
  '3|firms_cooperating_share|5',
  '3|firms_cooperating_share|10',
  '3|firms_cooperating_share|19',
]);

const YEARS = checkYears(shipped('baseline').years);
let report: ClaimsReport;

beforeAll(async () => {
  report = await checkClaims({ scenarios: readScenarioDir(), runner: createInThreadRunner() });
}, 120_000);

function row(claim: number, criterion: number, year: number) {
  const y = report.claims.find((c) => c.id === claim)!.criteria[criterion].years.find((r) => r.year === year);
  if (!y) throw new Error(`claim ${claim}: year ${year} was not checked`);
  return y;
}

describe("the seed's claims (docs/ODD.md, Claims), paired seeds, at years 5, 10 and the last year", () => {
  it('checks the years 5, 10 and 19 of the 20-year scenarios', () => {
    expect(report.years).toEqual(YEARS);
    expect(YEARS).toEqual([5, 10, 19]);
  });

  for (const claim of CLAIMS.filter((c) => c.id !== 7)) {
    claim.criteria.forEach((k, i) => {
      for (const year of YEARS) {
        const key = `${claim.id}|${k.test.split(':')[0].split(',')[0]}|${year}`;
        const known = KNOWN_FAILURES.has(key);
        (known ? it.fails : it)(`${claim.id}. year ${year}: ${k.test}${known ? ' (known failure)' : ''}`, () => {
          expect(row(claim.id, i, year).holds).toBe(true);
        });
      }
    });
  }

  // Claim 7 allows "or the model says why not": where the package loses to a single lever
  // per M¥, the report must give both sides' gains and costs.
  const seven = CLAIMS.find((c) => c.id === 7)!;
  seven.criteria.forEach((k, i) => {
    for (const year of YEARS) {
      it(`7. year ${year}: ${k.test}, or the numbers that say why not`, () => {
        const y = row(7, i, year);
        if (y.holds) return;
        expect(y.why).toMatch(/full-package [+−]\d.* deep partnerships for [+−]\d.*M¥/);
        expect(y.why).toMatch(/extra cost: fiscal_/);
      });
    }
  });

  // A known failure must say why in numbers, so the report never shows a bare ✗.
  for (const year of YEARS) {
    it(`3. year ${year}: where tax relief alone does not raise participation, the report gives the certification and credit figures`, () => {
      const y = row(3, 0, year);
      if (y.holds) return;
      expect(y.why).toMatch(/tax-relief certifies \d+\.\d+% of firms and credits \d+\.\d+ M¥ a year; only \d+\.\d+% of firms/);
    });
  }
});
