import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseExperiment } from '../../src/experiment/parse/parse-experiment.ts';
import { readExperimentFile } from '../../src/experiment/parse/read-experiment-file.ts';
import { experimentJsonSchema } from '../../src/experiment/schema/experiment-json-schema.ts';
import { formatProblems } from '../../src/scenario/parse.ts';
import { planExperiment } from '../../src/experiment/plan/experiment-plan.ts';
import { deriveSeed } from '../../src/model/rng.ts';
import { METRIC_NAMES } from '../../src/model/metrics.ts';

const problemsOf = (input: unknown) => {
  const r = parseExperiment(input);
  if (r.ok) throw new Error('expected problems');
  return formatProblems(r.problems);
};
const ok = (input: unknown) => {
  const r = parseExperiment(input);
  if (!r.ok) throw new Error(formatProblems(r.problems));
  return r.value;
};
const tax = { 'policy.taxRelief': [0, 0.3] };

describe('experiment files', () => {
  it('validates every shipped experiment and keeps the JSON Schema file up to date', () => {
    const dir = new URL('../../scenarios/experiments/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'experiment.schema.json');
    expect(files).toEqual(expect.arrayContaining(['tax-relief-sweep.json', 'morris-levers.json']));
    for (const f of files) {
      const r = readExperimentFile(new URL(f, dir).pathname);
      expect(r.ok ? 'ok' : formatProblems(r.problems), f).toBe('ok');
      expect(JSON.parse(readFileSync(new URL(f, dir), 'utf8')).$schema).toBe('./experiment.schema.json');
    }
    const onDisk = JSON.parse(readFileSync(new URL('experiment.schema.json', dir), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(experimentJsonSchema())));
  });

  it('sizes the tax-relief sweep as documented: 6 × 3 points × 20 seeds', () => {
    const r = readExperimentFile(new URL('../../scenarios/experiments/tax-relief-sweep.json', import.meta.url).pathname);
    if (!r.ok) throw new Error('invalid');
    const plan = planExperiment(r.value);
    expect(plan.pointCount).toBe(18);
    expect(plan.runCount).toBe(360);
    expect(plan.design.points.map((p) => p[0])).toEqual([0, 0, 0, 0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.4, 0.4, 0.4, 0.5, 0.5, 0.5]);
    expect(plan.seeds).toEqual(Array.from({ length: 20 }, (_, i) => deriveSeed(2024, i)));
  });

  it('names the factor of an unknown scenario path and what is allowed there', () => {
    expect(problemsOf({ factors: { 'policy.taxRelif': [0, 1] } })).toBe(
      'factors.policy.taxRelif: policy.taxRelif is not a scenario field: unknown field; allowed here: law, internPayFloor, taxRelief, greenChannel, groups, evaluationInterval, subsidyPerInternMonth, schoolFunding, dataPlatform, certificationQuota, certificationTerm, certificationCultivation',
    );
    expect(problemsOf({ factors: { 'wrld.firms': [10] } })).toMatch(/^factors\.wrld\.firms: wrld is not a scenario field: unknown field; allowed here: \$schema, name/);
  });

  it('checks factor values against the field\'s range, naming the bad value', () => {
    expect(problemsOf({ factors: { 'policy.taxRelief': [0, 2] } })).toBe('factors.policy.taxRelief: value 2: 2 is too large; expected 0–1');
    expect(problemsOf({ factors: { 'policy.taxRelief': { from: 0, to: 1.5, steps: 4 } } })).toBe(
      'factors.policy.taxRelief: value 1.5: 1.5 is too large; expected 0–1',
    );
    expect(problemsOf({ design: { type: 'sobol', samples: 8 }, factors: { 'world.firms': { uniform: [100, 200] } } })).toMatch(
      /^factors\.world\.firms: value 133\.33+\d*: .* is not an integer; expected an integer 1–2000000$/,
    );
    expect(problemsOf({ factors: { 'policy.taxRelief': { from: 0, to: 1 } } })).toMatch(/^factors\.policy\.taxRelief\.steps: missing/);
    expect(problemsOf({ design: { type: 'morris', trajectories: 2 }, factors: { 'policy.law': { uniform: [1, 0] } } })).toBe(
      'factors.policy.law: uniform [1,0]: low must not exceed high',
    );
  });

  it('explains which factors fit which design', () => {
    expect(problemsOf({ factors: { 'policy.law': { uniform: [0, 1] } } })).toMatch(/needs a sampling design/);
    expect(problemsOf({ design: { type: 'morris', trajectories: 3 }, factors: { 'policy.law': { normal: [0.5, 0.1] } } })).toMatch(/needs bounded factors/);
    expect(problemsOf({ design: { type: 'lhs' }, factors: tax })).toBe(
      'design.type: {"type":"lhs"} is not a design; expected {"type": one of grid, latin-hypercube, morris, sobol, ...}',
    );
    expect(problemsOf({ design: { type: 'morris', trajectories: 3, levels: 5 }, factors: tax })).toBe('design.levels: 5 is odd; expected an even integer 2–100');
    expect(problemsOf({ factors: { seed: [1, 2] } })).toMatch(/^factors\.seed: the seed is set for each run by replications/);
  });

  it('checks outputs, replications and unknown fields', () => {
    expect(problemsOf({ factors: tax, outputs: { summary: { metrics: ['mean_dpth'] } } })).toMatch(
      /^outputs\.summary\.metrics\[0\]: "mean_dpth" is not an output metric; expected one of firms_cooperating_share, mean_depth/,
    );
    expect(problemsOf({ factors: tax, outputs: { summary: { metrics: ['mean_depth'], years: [25] } } })).toBe(
      'outputs.summary.years[0]: 25 is beyond the base scenario\'s 20 years; expected 0–19 or "last"',
    );
    expect(problemsOf({ factors: tax, outputs: { summary: { metrics: ['mean_depth'], years: ['first'] } } })).toBe(
      'outputs.summary.years[0]: "first" is not a year; expected an integer year ≥ 0 or "last"',
    );
    expect(problemsOf({ factors: tax, replications: { count: 0 } })).toBe('replications.count: 0 is too small; expected an integer 1–100000');
    expect(problemsOf({ factors: tax, replication: 3 })).toMatch(/^replication: unknown field; allowed here: \$schema, name, description, base, factors/);
    expect(problemsOf({ factors: {}, design: { type: 'morris', trajectories: 4, levels: 4 } })).toBe(
      'factors: no factors; a morris design needs at least one (leave design out for a plain ensemble of the base scenario)',
    );
    expect(problemsOf({ base: { policy: { law: 3 } }, factors: tax })).toBe('base.policy.law: 3 is too large; expected 0–1');
    expect(problemsOf({ base: 'x.json', factors: tax })).toMatch(/^base: "x.json" is a file path, but no file can be read here/);
  });

  it('reads a base scenario file relative to the experiment file', () => {
    const r = readExperimentFile(new URL('../../scenarios/experiments/tax-relief-sweep.json', import.meta.url).pathname);
    expect(r.ok && r.value.base.name).toBe('Status quo');
  });

  it('fills defaults: a grid, one replicate with master seed 1, every metric per year, no summary', () => {
    const e = ok({ factors: tax });
    expect(e.design).toEqual({ type: 'grid' });
    expect(e.replications).toEqual({ count: 1, seed: 1 });
    expect(e.outputs.years).toEqual([...METRIC_NAMES]);
    expect(e.outputs.summary).toBeNull();
  });
});
