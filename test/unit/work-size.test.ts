import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../../src/experiment/parse/parse-experiment.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { largestRunMessage } from '../../src/experiment/plan/largest-run.ts';
import { estimateRun, largeRunMessage } from '../../src/scenario/work-size.ts';

const scenario = (input: unknown) => {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const experiment = (input: unknown) => {
  const r = parseExperiment(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('run size', () => {
  it('estimates memory from firms and partner slots and time from firm-years (restates the measured constants)', () => {
    expect(estimateRun(scenario({ years: 10, world: { firms: 1000, maxPartnersPerFirm: 2 } }))).toEqual({ bytes: 1000 * 470, seconds: 0.09, firmYears: 10_000 });
  });

  it('asks for confirmation above 20,000,000 firm-years only, with the estimate', () => {
    expect(largeRunMessage(scenario({ years: 20, world: { firms: 1_000_000 } }))).toBeNull();
    expect(largeRunMessage(scenario({ years: 21, world: { firms: 1_000_000 } }))).toBe(
      '1000000 firms × 21 years is a large run (about 470 MB and 3 minutes on one core); add --allow-large to run it, or make it smaller',
    );
  });

  it('finds an experiment\'s largest run over its design points', () => {
    expect(largestRunMessage(experiment({ base: { years: 20 }, factors: { 'policy.law': [0, 1] } }))).toBeNull();
    const big = experiment({ base: { years: 50 }, factors: { 'world.firms': [1000, 500_000] } });
    expect(largestRunMessage(big)).toMatch(/^500000 firms × 50 years is a large run/);
  });
});
