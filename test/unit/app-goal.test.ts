import { describe, expect, it } from 'vitest';
import { goalFrontSvg } from '../../src/app/goal/goal-front-chart.ts';
import { goalFileOf, mixValues, panelGoal, runGoalSearch, type GoalPoint } from '../../src/app/goal/goal-search.ts';
import { candidateFitness } from '../../src/optimize/score-candidate.ts';
import { defaultGoalState, parseGoalField, type GoalPanelState } from '../../src/app/goal/goal-state.ts';
import type { RunService } from '../../src/app/scheduling/run-service.ts';
import { decodeUrl, encodeUrl } from '../../src/app/url/url-codec.ts';
import { defaultState } from '../../src/app/state/app-state.ts';
import { executeRun } from '../../src/runner/execute-run.ts';
import type { ScenarioInput } from '../../src/model/params/schema.ts';

const base: ScenarioInput = { world: { schools: 6, firms: 300 } } as ScenarioInput;

/** A run service computing in this thread; `reverse` finishes the runs of each batch in reverse order, as more workers might. */
function fakeRuns(reverse: boolean): RunService & { calls: number } {
  const service = {
    calls: 0,
    async run(scenario: ScenarioInput, seed: number) {
      service.calls++;
      const out = executeRun({ scenario, seed });
      if (reverse) await new Promise((r) => setTimeout(r, (seed % 7) * 2));
      return out;
    },
  };
  return service as unknown as RunService & { calls: number };
}

describe('Goal panel: state and link', () => {
  it('reads its fields from a link and refuses bad ones with the reason', () => {
    expect(parseGoalField('levers', 'taxRelief, law')).toEqual({ ok: true, value: ['taxRelief', 'law'] });
    expect(parseGoalField('levers', 'taxRelief,magic')).toMatchObject({ ok: false, error: expect.stringMatching(/policy levers separated by commas/) });
    expect(parseGoalField('budget', '')).toEqual({ ok: true, value: null });
    expect(parseGoalField('confidence', '0.7')).toMatchObject({ ok: false, error: 'expected one of 0.5, 0.8, 0.9' });
    expect(parseGoalField('year', '2.5')).toMatchObject({ ok: false });
  });

  it('a fresh goal adds nothing to the link; a changed one round-trips; a bad field falls back with a problem', () => {
    expect(encodeUrl(defaultState())).not.toMatch(/goal\./);
    const goal: GoalPanelState = { ...defaultGoalState(), level: 0.2, budget: 300, levers: ['groups'], run: true };
    const r = decodeUrl(encodeUrl({ ...defaultState(), goal }));
    expect(r.problems).toEqual([]);
    expect(r.state.goal).toEqual(goal);
    const bad = decodeUrl('goal.size=huge&goal.level=0.3');
    expect(bad.state.goal).toEqual({ ...defaultGoalState(), level: 0.3 });
    expect(bad.problems).toEqual([{ kind: 'bad-value', name: 'goal.size', value: 'huge', detail: 'expected one of small, medium, large' }]);
  });
});

describe('Goal panel: the search', () => {
  it('is a goal file of coopsim optimize: cost down, the output up, the level (and budget) as constraints', () => {
    const g: GoalPanelState = { ...defaultGoalState(), year: 4, budget: 120 };
    const file = goalFileOf(g, base);
    expect(file.objectives).toEqual([
      { name: 'fiscal_cost_cum', of: 'fiscal_cost', cumulativeTo: 4, sense: 'minimise' },
      { name: 'target', of: 'depth_3_share + depth_4_share', year: 4, sense: 'maximise' },
    ]);
    expect(file.constraints).toEqual([
      { name: 'target_level', of: 'depth_3_share + depth_4_share', year: 4, atLeast: 0.1 },
      { name: 'budget', of: 'fiscal_cost', cumulativeTo: 4, atMost: 120 },
    ]);
    expect(file.levers).toEqual([
      { path: 'policy.taxRelief', range: [0, 1] },
      { path: 'policy.subsidyPerInternMonth', range: [0, 3] },
      { path: 'policy.law', range: [0, 1] },
    ]);
    const parsed = panelGoal(g, base);
    expect(parsed.ok && parsed.goal.years).toBe(5);
  });

  it('gives the same front whatever order the runs finish in, with levers on the sliders\' steps', async () => {
    const g: GoalPanelState = { ...defaultGoalState(), output: 'firms_cooperating_share', year: 3, level: 0.13, levers: ['taxRelief', 'law'], seeds: 2 };
    const parsed = panelGoal(g, base);
    if (!parsed.ok) throw new Error(parsed.error);
    const progress: number[] = [];
    const inOrder = fakeRuns(false);
    const a = await runGoalSearch(g, parsed.goal, inOrder, { onProgress: (p) => progress.push(p.generation) });
    const b = await runGoalSearch(g, parsed.goal, fakeRuns(true));
    expect(b).toEqual(a);
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(a.points).toHaveLength(32);
    // 32 mixes × 2 seeds, and the 2 runs of the reference (the searched levers off).
    expect(inOrder.calls).toBe(66);
    expect(a.reference.levers).toEqual({ taxRelief: 0, law: 0 });
    const direct = candidateFitness(parsed.goal, await mixValues(parsed.goal, [0, 0], fakeRuns(false)));
    expect([a.reference.cost, a.reference.value, a.reference.feasible]).toEqual([direct.objectives[0], -direct.objectives[1], direct.violation === 0]);
    // Here the levers only add spending: no mix is cheaper than the levers off, and some cost more.
    for (const p of a.points) expect(p.cost).toBeGreaterThanOrEqual(a.reference.cost);
    expect(a.points.some((p) => p.cost > a.reference.cost)).toBe(true);
    for (const p of a.points) for (const v of Object.values(p.levers)) expect(Math.abs(v! * 20 - Math.round(v! * 20))).toBeLessThan(1e-9);
    // The front: nothing on it is both cheaper and better than another point of it.
    for (const p of a.front) expect(a.front.some((q) => q.cost < p.cost && q.value > p.value)).toBe(false);
    if (a.cheapest) expect(a.cheapest).toBe(a.front[0]);
  }, 60_000);

  it('stops when cancelled', async () => {
    const g: GoalPanelState = { ...defaultGoalState(), year: 3, seeds: 2 };
    const parsed = panelGoal(g, base);
    if (!parsed.ok) throw new Error(parsed.error);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const service = {
      run: async (_s: ScenarioInput, _seed: number, _p: number, signal?: AbortSignal) => {
        signal?.throwIfAborted();
        throw new Error('not reached');
      },
    } as unknown as RunService;
    await expect(runGoalSearch(g, parsed.goal, service, { signal: controller.signal })).rejects.toThrow('cancelled');
  });
});

describe('Goal panel: the front chart', () => {
  it('draws a clickable dot per front point and a grey dot per other mix', () => {
    const pt = (id: number, cost: number, value: number, feasible = true): GoalPoint => ({ id, levers: { taxRelief: 0.1 * id }, cost, value, feasible });
    const points = [pt(0, 10, 0.05, false), pt(1, 20, 0.12), pt(2, 30, 0.15), pt(3, 25, 0.11)];
    const svg = goalFrontSvg(points, [points[1], points[2]], {
      title: 'T', costLabel: 'cost', valueLabel: 'share', frontLabel: 'front', triedLabel: 'tried', targetLabel: 'target', budgetLabel: 'budget',
      level: 0.1, budget: 28, selected: 2, formatCost: String, formatValue: String,
    });
    expect([...svg.matchAll(/class="front-point[^"]*" data-candidate="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2']);
    expect(svg.match(/class="tried"/g)).toHaveLength(2);
    expect(svg).toContain('class="budget-line"');
    expect(svg).toMatch(/data-candidate="2"[^>]*stroke-width="2"/);
    expect(svg).not.toContain('reference-point');
    const withRef = goalFrontSvg(points, [points[1], points[2]], {
      title: 'T', costLabel: 'cost', valueLabel: 'share', frontLabel: 'front', triedLabel: 'tried', targetLabel: 'target', budgetLabel: 'budget',
      level: 0.1, budget: 28, formatCost: String, formatValue: String, reference: { cost: 5, value: 0.02 }, referenceLabel: 'levers off',
    });
    expect(withRef.match(/class="reference-point"/g)).toHaveLength(1);
    expect(withRef).toContain('<title>levers off: 5 · 0.02</title>');
    expect(withRef).toMatch(/<text[^>]*>levers off<\/text>/);
    // The cost axis ends on a tick (30) at the right edge: its label ends there instead of running past it.
    const xAxis = svg.slice(svg.indexOf('class="axis x-axis"'));
    const ticks = [...xAxis.slice(0, xAxis.indexOf('class="axis-label"')).matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)">([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), anchor: m[2], label: m[3] }));
    expect(ticks.at(-1)).toEqual({ x: 560 - 14, anchor: 'end', label: '30' });
    expect(ticks.slice(0, -1).every((t) => t.anchor === 'middle')).toBe(true);
  });
});
