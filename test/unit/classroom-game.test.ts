import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gameInput, roundResult, type YearLevers } from '../../src/app/classroom/policy-round.ts';
import { STATUS_QUO_CHOICES, TEAM_DECISIONS } from '../../src/app/classroom/team-choices.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { executeRun } from '../../src/runner/execute-run.ts';
import { metricColumn, metricOf } from '../../src/runner/run-metrics.ts';
import { METRIC_COUNT, METRIC_NAMES } from '../../src/model/metrics.ts';
import type { ScenarioInput } from '../../src/model/params/schema.ts';

const { $schema: _editorOnly, ...base } = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')) as ScenarioInput & { $schema?: string };
const statusQuo: YearLevers = { taxRelief: 0, law: 0, groups: 0.1, subsidyPerInternMonth: 0, schoolFunding: 0, dataPlatform: 0, greenChannel: 0 };

describe('classroom policy game', () => {
  it('turns the levers of each year into steps from that year, leaving untouched levers out', () => {
    const input = gameInput(base, [{ ...statusQuo, taxRelief: 0.3 }, { ...statusQuo, taxRelief: 0.3, law: 1 }, { ...statusQuo, law: 1 }], statusQuo) as ScenarioInput & {
      policy: Record<string, unknown>;
      years: number;
    };
    expect(input.years).toBe(3);
    expect(input.policy).toEqual({
      taxRelief: [
        { from: 0, value: 0.3 },
        { from: 2, value: 0 },
      ],
      law: [
        { from: 0, value: 0 },
        { from: 1, value: 1 },
      ],
    });
  });

  it('each round only adds a year: the first years of a longer game are the shorter game byte for byte', () => {
    const years: YearLevers[] = [{ ...statusQuo, schoolFunding: 1 }, { ...statusQuo, law: 1 }, { ...statusQuo, taxRelief: 0.6 }];
    const two = executeRun({ scenario: gameInput(base, years.slice(0, 2), statusQuo), seed: 5 });
    const three = executeRun({ scenario: gameInput(base, years, statusQuo), seed: 5 });
    for (let m = 0; m < METRIC_COUNT; m++) expect(Array.from(metricColumn(three, m).subarray(0, two.years)), METRIC_NAMES[m]).toEqual(Array.from(metricColumn(two, m)));
    // The third year's levers did something: the game is not the status quo.
    const sq = executeRun({ scenario: gameInput(base, [statusQuo, statusQuo, statusQuo], statusQuo), seed: 5 });
    expect(Array.from(three.values)).not.toEqual(Array.from(sq.values));
    const r = roundResult(0, years[0], [three], [sq], 3000);
    expect(r.extraCost).toBeGreaterThan(30); // 60 colleges funded 1 M¥ each, as the lever is documented
  }, 60_000);

  it('with roles, the college and firm teams\' choices become yearly steps; teams that keep the status quo, or no roles, leave the scenario as it was', () => {
    const years: YearLevers[] = [statusQuo, { ...statusQuo, law: 1 }, { ...statusQuo, law: 1 }];
    const plain = gameInput(base, years, statusQuo);
    expect('yearly' in plain).toBe(false);
    expect(gameInput(base, years, statusQuo, years.map(() => ({ ...STATUS_QUO_CHOICES })))).toEqual(plain);
    const roles = gameInput(base, years, statusQuo, [STATUS_QUO_CHOICES, { college: 3, firm: 0.6 }, { college: 3, firm: 0.9 }]) as { yearly?: unknown };
    expect(roles.yearly).toEqual({ 'schools.placementValue': [{ from: 1, value: 3 }], 'behaviour.searchRate': [{ from: 2, value: 0.9 }] });
    // The teams' decisions reach the model from their year: year 0 is the game without roles.
    const a = executeRun({ scenario: plain, seed: 5 });
    const b = executeRun({ scenario: roles as typeof plain, seed: 5 });
    const year0 = (r: typeof a) => METRIC_NAMES.map((m) => metricOf(r, m, 0));
    expect(year0(b)).toEqual(year0(a));
    expect(Array.from(b.values)).not.toEqual(Array.from(a.values));
  }, 60_000);

  it('the teams\' "as today" options are the status quo\'s own values, and every option is in its parameter\'s range', () => {
    const parsed = parseScenario(base);
    if (!parsed.ok) throw new Error('baseline does not parse');
    expect(STATUS_QUO_CHOICES).toEqual({ college: parsed.value.schools.placementValue, firm: parsed.value.behaviour.searchRate });
    for (const team of ['college', 'firm'] as const) {
      expect(TEAM_DECISIONS[team].options.map((o) => o.value)).toContain(STATUS_QUO_CHOICES[team]);
      for (const o of TEAM_DECISIONS[team].options) {
        const input = gameInput(base, [statusQuo], statusQuo, [{ ...STATUS_QUO_CHOICES, [team]: o.value }]);
        expect(parseScenario(input).ok).toBe(true);
      }
    }
  });
});
