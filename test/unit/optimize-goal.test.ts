import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { goalJsonSchema } from '../../src/optimize/goal-schema.ts';
import { METRIC_COUNT, METRIC_NAMES } from '../../src/model/metrics.ts';
import { runValues } from '../../src/runner/run-metrics.ts';
import type { RunOutput } from '../../src/runner/run-request.ts';
import { parseGoal, type Goal } from '../../src/optimize/parse-goal.ts';
import { readGoalFile } from '../../src/optimize/read-goal-file.ts';
import type { OptimizationState } from '../../src/optimize/optimization-state.ts';
import { summaryText } from '../../src/optimize/summary-text.ts';
import { candidateFitness, candidateScenario, measureValue, robustValue } from '../../src/optimize/score-candidate.ts';
import { formatProblems } from '../../src/scenario/parse.ts';
import { goalRuns, goalSeeds, runScenario } from '../../src/optimize/goal-runs.ts';

const minimal = {
  levers: [{ path: 'policy.taxRelief', range: [0, 0.5] }],
  objectives: [{ name: 'cost', of: 'fiscal_cost', cumulativeTo: 2, sense: 'minimise' }],
};

function goalOf(input: unknown): Goal {
  const r = parseGoal(input);
  if (!r.ok) throw new Error(formatProblems(r.problems));
  return r.value;
}

function problemsOf(input: unknown): string {
  const r = parseGoal(input);
  if (r.ok) throw new Error('expected problems');
  return formatProblems(r.problems);
}

/** A run whose metric m in year y is `f(m, y)`. */
function fakeRun(years: number, f: (metric: string, year: number) => number): RunOutput {
  return { seed: 1, years, values: runValues(years, (m, y) => f(METRIC_NAMES[m], y)), initial: new Float64Array(METRIC_COUNT) };
}

describe('goal files', () => {
  it('the shipped goal is valid and runs ten years', () => {
    const r = readGoalFile('scenarios/goals/deep-share-10pct.json');
    if (!r.ok) throw new Error(formatProblems(r.problems));
    expect(r.value.years).toBe(10);
    expect(r.value.levers.flatMap((l) => l.columns)).toContain('policy.taxRelief.startYear');
  });

  it('every shipped goal is valid and points at the JSON Schema, which is up to date (npm run schema)', () => {
    const files = readdirSync('scenarios/goals').filter((f) => f.endsWith('.json') && f !== 'goal.schema.json');
    expect(files).toContain('deep-share-10pct.json');
    for (const f of files) {
      const r = readGoalFile(`scenarios/goals/${f}`);
      expect(r.ok ? 'ok' : formatProblems(r.problems), f).toBe('ok');
      expect(JSON.parse(readFileSync(`scenarios/goals/${f}`, 'utf8')).$schema).toBe('./goal.schema.json');
    }
    expect(JSON.parse(readFileSync('scenarios/goals/goal.schema.json', 'utf8'))).toEqual(goalJsonSchema());
  });

  it('names the field of every problem', () => {
    expect(problemsOf({ ...minimal, levers: [{ path: 'policy.taxRelif', range: [0, 1] }] })).toMatch(/^levers\[0\]\.range: policy\.taxRelif: unknown field; allowed here: .*taxRelief/m);
    expect(problemsOf({ ...minimal, levers: [{ path: 'policy.taxRelief', range: [0, 3] }] })).toMatch(/^levers\[0\]\.range: policy\.taxRelief: 3 is too large/m);
    expect(problemsOf({ ...minimal, levers: [{ path: 'policy.taxRelief', range: [1, 0] }] })).toMatch(/^levers\[0\]\.range: .*low is above high/m);
    expect(problemsOf({ ...minimal, objectives: [{ name: 'x', of: 'depth_9_share', year: 3, sense: 'maximise' }] })).toMatch(/^objectives\[0\]\.of: "depth_9_share"/m);
    expect(problemsOf({ ...minimal, objectives: [{ name: 'x', of: 'mean_depth', year: 3, cumulativeTo: 3, sense: 'maximise' }] })).toMatch(/^objectives\[0\]: give either "year"/m);
    expect(problemsOf({ ...minimal, constraints: [{ name: 'c', of: 'mean_depth', year: 3 }] })).toMatch(/^constraints\[0\]: give either "atLeast" or "atMost"/m);
    expect(problemsOf({ ...minimal, objectives: [{ ...minimal.objectives[0], sense: 'maximize' }] })).toMatch(/^objectives\[0\]\.sense: "maximize" is not valid/m);
    expect(problemsOf({ ...minimal, robustness: { statistic: 'quantile', confidence: 0.3 } })).toMatch(/robustness/);
    expect(problemsOf({ ...minimal, search: { population: 2, generations: 1 } })).toMatch(/^search\.population: 2 is too small/m);
    expect(problemsOf({ ...minimal, levers: [] })).toMatch(/^levers: no levers/m);
  });

  it('sets constant, whole-number and timed levers on the base', () => {
    const g = goalOf({
      ...minimal,
      levers: [
        { path: 'policy.law', range: [0, 1] },
        { path: 'policy.evaluationInterval', range: [0, 4], integer: true },
        { path: 'policy.taxRelief', startYear: [0, 5], level: [0, 1] },
      ],
    });
    const s = candidateScenario(g, [0.25, 2.6, 3.4, 0.7]) as { policy: Record<string, unknown> };
    expect(s.policy).toEqual({ law: 0.25, evaluationInterval: 3, taxRelief: [{ from: 3, value: 0.7 }] });
  });
});

describe('robustness across parameter sets drawn from a posterior', () => {
  it('draws the sets from the master seed, the same for every candidate, and runs each seed with each set', () => {
    const a = readGoalFile('test/fixtures/goals/tiny-posterior.json');
    if (!a.ok) throw new Error(formatProblems(a.problems));
    const g = a.value;
    expect(g.draws).toHaveLength(2);
    expect(Object.keys(g.draws![0])).toContain('behaviour.choiceNoise');
    expect(g.posteriorParticles).toBeGreaterThan(10);
    const again = readGoalFile('test/fixtures/goals/tiny-posterior.json');
    expect(again.ok && again.value.draws).toEqual(g.draws);
    const runs = goalRuns(g);
    expect(runs.map((r) => r.draw)).toEqual([0, 0, 1, 1]);
    expect(runs.map((r) => r.seed)).toEqual([...goalSeeds(g), ...goalSeeds(g)]);
    const s = runScenario(g, candidateScenario(g, [0.5, 0.2]), runs[2]) as { behaviour: Record<string, number>; policy: Record<string, number> };
    expect(s.behaviour.choiceNoise).toBe(g.draws![1]['behaviour.choiceNoise']);
    expect(s.policy).toEqual({ law: 0.5, taxRelief: 0.2 });
    // A field the base sets keeps its value.
    const own = runScenario(g, { ...candidateScenario(g, [0.5, 0.2]), behaviour: { choiceNoise: 0.123 } }, runs[0]) as { behaviour: Record<string, number> };
    expect(own.behaviour.choiceNoise).toBe(0.123);
    expect(goalRuns(goalOf(minimal)).map((r) => r.draw)).toEqual(Array(8).fill(null));
  });

  it('refuses draws without a posterior, a posterior without a file to be relative to, and a missing file', () => {
    expect(problemsOf({ ...minimal, robustness: { statistic: 'mean', draws: 4 } })).toMatch(/^robustness\.draws: parameter sets need a posterior/m);
    expect(problemsOf({ ...minimal, robustness: { statistic: 'mean', posterior: 'p.json' } })).toMatch(/^robustness\.posterior: a posterior path needs a goal file/m);
    expect(problemsOf({ ...minimal, robustness: { statistic: 'mean', posterior: 'p.json', draws: 0 } })).toMatch(/^robustness\.draws: 0 is too small/m);
    const missing = parseGoal({ ...minimal, robustness: { statistic: 'mean', posterior: 'nowhere.json' } }, undefined, () => ({ ok: false, problems: [{ path: '', message: 'nowhere.json: no such file or folder' }] }));
    expect(missing.ok ? '' : formatProblems(missing.problems)).toMatch(/^robustness\.posterior: nowhere\.json: no such file or folder/m);
  });
});

describe('measures and robustness', () => {
  const g = goalOf({
    ...minimal,
    objectives: [
      { name: 'cost', of: 'fiscal_cost', cumulativeTo: 2, sense: 'minimise' },
      { name: 'deep', of: 'depth_3_share + depth_4_share', year: 2, sense: 'maximise' },
    ],
    constraints: [{ name: 'goal', of: 'depth_3_share + depth_4_share', year: 2, atLeast: 0.1 }],
  });

  it('sums a cumulative measure over years 0…N and reads a yearly one in its year; NaN years are missing', () => {
    const run = fakeRun(4, (m, y) => (m === 'fiscal_cost' ? (y === 1 ? NaN : 10 * (y + 1)) : m === 'depth_3_share' ? 0.01 * y : m === 'depth_4_share' ? 0.02 : 0));
    expect(measureValue(g.objectives[0], run)).toBe(10 + 30); // year 1 is NaN, year 3 is beyond
    expect(measureValue(g.objectives[1], run)).toBeCloseTo(0.04, 12);
    expect(measureValue(g.objectives[1], fakeRun(2, () => 0))).toBeNaN(); // the run ends before year 2
  });

  it('takes the pessimistic quantile: the value reached in at least 80% of runs', () => {
    const values = [1, 2, 3, 4, 5];
    const q = { robustness: { statistic: 'quantile', confidence: 0.8 } } as const;
    expect(robustValue(values, true, q)).toBeCloseTo(1.8, 12); // 20% quantile: 4 of 5 runs reach it
    expect(robustValue(values, false, q)).toBeCloseTo(4.2, 12);
    expect(robustValue([1, NaN, 3], true, { robustness: { statistic: 'mean' } })).toBe(2);
  });

  it('scores a candidate: maximised objectives negated, a missed bound as its relative shortfall', () => {
    // perSeed: cost, deep, goal (each × 3 seeds); the mean is the statistic here.
    const fit = candidateFitness(g, [
      [10, 20, 30],
      [0.05, 0.06, 0.07],
      [0.05, 0.06, 0.07],
    ]);
    expect(fit.objectives[0]).toBe(20);
    expect(fit.objectives[1]).toBeCloseTo(-0.06, 12);
    expect(fit.violation).toBeCloseTo(0.4, 12); // (0.1 − 0.06) / 0.1
    expect(fit.constraints[0].margin).toBeCloseTo(-0.04, 12);
    const none = candidateFitness(g, [[NaN], [NaN], [NaN]]);
    expect(none.violation).toBeGreaterThan(1e9);
  });

  it('the summary says where the base stands, judged as the mixes are (here by the mean)', () => {
    const state = {
      evaluations: [],
      generation: 0,
      hypervolume: [],
      base: [
        [10, 20, 30],
        [0.05, 0.06, 0.07],
        [0.05, 0.06, 0.07],
      ],
    } as unknown as OptimizationState;
    expect(summaryText(g, state, [])).toContain('The base scenario as it is, judged the same way on the same runs: cost 20, deep 0.06, goal margin -0.04 (missed).');
  });
});

describe('the front as SVG', () => {
  it('is one self-contained SVG document with a dot per Pareto point', async () => {
    const { frontSvg } = await import('../../src/optimize/front-svg.ts');
    const { paretoSet } = await import('../../src/optimize/candidate-figures.ts');
    const g = goalOf({
      ...minimal,
      objectives: [
        { name: 'cost', of: 'fiscal_cost', cumulativeTo: 2, sense: 'minimise' },
        { name: 'deep', of: 'mean_depth', year: 2, sense: 'maximise' },
      ],
    });
    const rec = (id: number, cost: number, deep: number) => ({ id, generation: 0, x: [id / 10], perSeed: [[cost, cost + 1], [deep, deep]], objectives: [cost + 0.5, -deep], violation: 0 });
    const evaluations = [rec(0, 1, 1), rec(1, 2, 2), rec(2, 3, 1.5)];
    const state = {
      version: 1 as const, hash: 'h', generation: 0, evaluations, base: [[0, 0], [1, 1]], scale: { ideal: [0, 0], nadir: [1, 1] }, hypervolume: [0],
      population: [{ id: 0, rank: 0, crowding: Infinity }, { id: 1, rank: 0, crowding: Infinity }, { id: 2, rank: 1, crowding: Infinity }],
      started: '', sessions: [],
    };
    const pareto = paretoSet(g, state);
    expect(pareto.map((p) => p.record.id)).toEqual([0, 1]);
    const svg = frontSvg(g, state, pareto);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<title>candidate \d+<\/title>/g)).toHaveLength(2);
    expect(svg).toContain('cost (minimise)');
  });
});
