import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { goalFileOf, mixValues, panelGoal, GOAL_PARAMETER_SETS } from '../../src/app/goal/goal-search.ts';
import { defaultGoalState, type GoalPanelState } from '../../src/app/goal/goal-state.ts';
import type { RunService } from '../../src/app/scheduling/run-service.ts';
import { SHIPPED_POSTERIOR_FILE } from '../../src/app/state/shipped-posterior.ts';
import type { ScenarioInput } from '../../src/model/params/schema.ts';
import { candidateFitness } from '../../src/optimize/score-candidate.ts';
import { executeRun } from '../../src/runner/execute-run.ts';
import { coopsim } from '../helpers/cli.ts';

/** The app's run service, computing in this thread (the workers run the same executeRun). */
const runs = { run: async (scenario: ScenarioInput, seed: number) => executeRun({ scenario, seed }) } as unknown as RunService;

describe('Goal search with parameter uncertainty: the app judges a mix as coopsim optimize does', () => {
  const base = { world: { schools: 6, firms: 300 } } as ScenarioInput;
  const g: GoalPanelState = { ...defaultGoalState(), output: 'firms_cooperating_share', year: 3, level: 0.15, seeds: 2, size: 'small', levers: ['taxRelief', 'law'] };

  it('the same runs (seeds × parameter sets) and the same robust cost and output as the CLI for the same goal', async () => {
    const parsed = panelGoal(g, base, true);
    if (!parsed.ok) throw new Error(parsed.error);
    const goal = parsed.goal;
    expect(goal.draws).toHaveLength(GOAL_PARAMETER_SETS);
    // The goal file the panel searches, with the bundled posterior as a path the CLI reads.
    const dir = mkdtempSync(join(tmpdir(), 'coopsim-goal-pu-'));
    const file = goalFileOf(g, base, true) as { robustness: Record<string, unknown> };
    file.robustness.posterior = resolve(SHIPPED_POSTERIOR_FILE);
    const goalFile = join(dir, 'goal.json');
    writeFileSync(goalFile, JSON.stringify(file));
    const out = join(dir, 'out');
    const r = coopsim(['optimize', goalFile, '--out', out, '--workers', '1', '--no-progress']);
    expect(r.status, r.stderr).toBe(0);
    const rows = parse(readFileSync(join(out, 'evaluations.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toMatch(/status-quo\.posterior\.json/);
    for (const row of rows.slice(0, 3)) {
      const x = [Number(row['policy.taxRelief']), Number(row['policy.law'])];
      const fit = candidateFitness(goal, await mixValues(goal, x, runs));
      expect(fit.objectives[0]).toBeCloseTo(Number(row.fiscal_cost_cum), 9);
      expect(-fit.objectives[1]).toBeCloseTo(Number(row.target), 9);
      expect(fit.violation === 0).toBe(row.feasible === 'true');
    }
    // The parameter sets matter: without them the same mix is judged otherwise.
    const seedsOnly = panelGoal(g, base, false);
    if (!seedsOnly.ok) throw new Error(seedsOnly.error);
    const x0 = [Number(rows[0]['policy.taxRelief']), Number(rows[0]['policy.law'])];
    const plain = candidateFitness(seedsOnly.goal, await mixValues(seedsOnly.goal, x0, runs));
    expect(plain.objectives).not.toEqual(candidateFitness(goal, await mixValues(goal, x0, runs)).objectives);
  }, 300_000);
});
