import { describe, expect, it } from 'vitest';
import { pairedEffect, costPerExtra } from '../../src/analysis/paired-effect.ts';
import { quantile, ensembleBand } from '../../src/analysis/quantiles.ts';
import { effectSummary } from '../../src/app/results/effects.ts';
import { yearChanges, yearStory } from '../../src/app/results/year-story.ts';
import { agentTimeline, partnersIn } from '../../src/app/results/agent-history.ts';
import { runCsv } from '../../src/app/export/results-export.ts';
import { translator } from '../../src/app/i18n/messages.ts';
import { formatter } from '../../src/app/i18n/format.ts';
import { inspectRun } from '../../src/runner/inspect-api.ts';
import { executeRun } from '../../src/runner/execute-run.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { simulate } from '../../src/model/simulate.ts';
import { metricsToCsv } from '../../src/runner/metrics-table.ts';
import { fromLeverValue, toLeverValue, stepsToExpression } from '../../src/app/state/lever-control.ts';
import { compileExpression } from '../../src/model/params/expression.ts';

const small = { world: { schools: 12, firms: 400 }, years: 8 };

describe('paired statistics', () => {
  it('quantiles interpolate between order statistics and skip NaN', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, NaN, 3], 0.5)).toBe(2);
    expect(quantile([], 0.5)).toBeNaN();
    const b = ensembleBand([[1, 10], [2, 20], [3, 30]]);
    expect(Array.from(b.mid)).toEqual([2, 20]);
  });

  it('the paired effect is the distribution of per-seed differences', () => {
    const e = pairedEffect([1, 2, 3, 4, 5], [2, 4, 4, 6, 6]);
    expect(e.difference).toBe(1);
    expect(e.baseline).toBe(3);
    expect(e.current).toBe(4);
    expect(e.lo).toBeCloseTo(1);
    expect(e.hi).toBeCloseTo(2);
    expect(pairedEffect([1], [2]).lo).toBeNaN();
    expect(costPerExtra([10, 20], [1, 1])).toBe(15);
    expect(costPerExtra([10, 20], [0, 0])).toBeNaN();
  });

  it('the summary reads the same year from paired runs', () => {
    const seeds = [1, 2, 3];
    const base = seeds.map((seed) => executeRun({ scenario: small, seed }));
    const cur = seeds.map((seed) => executeRun({ scenario: { ...small, policy: { taxRelief: 0.6, subsidyPerInternMonth: 0.5 } }, seed }));
    const s = effectSummary(base, cur, 5);
    expect(s.year).toBe(5);
    expect(s.n).toBe(3);
    expect(s.rows.map((r) => r.key)).toEqual(['deep', 'cooperating', 'meanDepth', 'oneTime', 'employment']);
    // The baseline's groups have a running cost; relief and subsidies add to it.
    expect(s.fiscal.baseline).toBeGreaterThan(0);
    expect(s.fiscal.current).toBeGreaterThan(s.fiscal.baseline);
    const same = effectSummary(base, base, 99);
    expect(same.year).toBe(7);
    for (const r of same.rows) expect(r.effect.difference).toBe(0);
  });
});

describe('run data for the views', () => {
  it('CSV of a run equals the CLI’s metricsToCsv of simulate for the same seed', () => {
    const parsed = parseScenario(small);
    if (!parsed.ok) throw new Error('bad');
    const direct = simulate(parsed.value, { seed: 4 });
    expect(runCsv(executeRun({ scenario: small, seed: 4 }))).toBe(metricsToCsv(direct.year, direct.metrics));
  });

  it('the inspection run matches the plain run and a shorter run repeats its first years', () => {
    const full = inspectRun({ scenario: small, seed: 2 }, { layout: true });
    const plain = executeRun({ scenario: small, seed: 2 });
    expect(Array.from(full.output.values)).toEqual(Array.from(plain.values));
    expect(full.output.network).toHaveLength(8);
    expect(full.layout?.school.length).toBe(24);
    const short = inspectRun({ scenario: small, seed: 2, years: 4 });
    expect(Array.from(short.output.network?.[3] ?? [])).toEqual(Array.from(full.output.network?.[3] ?? []));
  });

  it('year changes count started, ended, deeper and shallower partnerships', () => {
    const net = [Int32Array.from([0, 0, 1, 1, 0, 2]), Int32Array.from([0, 0, 2, 2, 1, 1]), Int32Array.from([0, 0, 3])];
    expect(yearChanges(net, 1)).toMatchObject({ started: 1, ended: 1, deeper: 1, shallower: 0 });
    expect(yearChanges(net, 2)).toMatchObject({ started: 0, ended: 1, endedAfterOneYear: 1, deeper: 1, deepNow: 1 });
    const out = inspectRun({ scenario: small, seed: 3 }).output;
    const lines = yearStory(out, 3, translator('en'), formatter('en'));
    expect(lines.join(' ')).toMatch(/new partnerships began/);
    expect(yearStory(out, 0, translator('zh-CN'), formatter('zh-CN'))[0]).toMatch(/起点/);
  });

  it('agent timelines and partners come from the network history', () => {
    const net = [Int32Array.from([0, 0, 1, 1, 0, 2]), Int32Array.from([0, 0, 2, 2, 0, 1])];
    const rows = agentTimeline(net, 'school', 0, (f) => `F${f}`);
    expect(rows.map((r) => r.label)).toEqual(['F0', 'F1', 'F2']);
    expect(Array.from(rows[0].depth)).toEqual([1, 2]);
    expect(partnersIn(net[1], 'school', 0).map((p) => p.partner)).toEqual([0, 2]);
  });
});

describe('lever controls ↔ scenario values', () => {
  it('a timing becomes yearly steps and reads back as start and ramp', () => {
    const v = toLeverValue('taxRelief', { value: 0.3, start: 2, ramp: 3, expression: '' });
    expect(v).toEqual([
      { from: 2, value: 0.1 },
      { from: 3, value: 0.2 },
      { from: 4, value: 0.3 },
    ]);
    expect(fromLeverValue('taxRelief', v)).toEqual({ value: 0.3, start: 2, ramp: 3, expression: '' });
    expect(toLeverValue('law', { value: 1, start: 0, ramp: 0, expression: '' })).toBe(1);
    expect(toLeverValue('law', { value: 1, start: 0, ramp: 0, expression: ' year > 2 ? 1 : 0 ' })).toBe('year > 2 ? 1 : 0');
  });

  it('other step lists become an equivalent formula', () => {
    const steps = [
      { from: 0, value: 0.5 },
      { from: 3, value: 1 },
    ];
    const c = fromLeverValue('law', steps);
    expect(c.expression).toBe(stepsToExpression('law', steps));
    const r = compileExpression(c.expression, ['year']);
    if (!r.ok) throw new Error(r.error);
    expect([0, 1, 2, 3, 4].map((year) => r.value.evaluate({ year }))).toEqual([0.5, 0.5, 0.5, 1, 1]);
  });
});
