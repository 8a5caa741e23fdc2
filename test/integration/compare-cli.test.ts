import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coopsim } from '../helpers/cli.ts';
import { defaultState } from '../../src/app/state/app-state.ts';
import { baselineInputOf, ensembleSeeds } from '../../src/app/state/comparison.ts';
import { presetOrDefault } from '../../src/app/state/scenario-edits.ts';
import { EFFECT_ROWS, effectSummary } from '../../src/app/results/effects.ts';
import { executeRun } from '../../src/runner/execute-run.ts';
import { compareRuns, compareScenarios } from '../../src/analysis/compare-scenarios.ts';
import { simulate } from '../../src/model/simulate.ts';
import { deriveSeed } from '../../src/model/rng.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { VERSION } from '../../src/version.ts';
import { scenarioOf, shipped } from '../helpers/scenario.ts';
import { drawPosterior, readPosterior } from '../../src/calibration/read-posterior.ts';
import { setPath } from '../../src/scenario/set-path.ts';

// `coopsim compare` against the app's own code path: the app's preset, its status-quo
// baseline, its ensemble seeds, its worker's run function and its summary card.
describe('coopsim compare', () => {
  it('gives the numbers of the app\'s summary card for the same scenario, baseline, seed and run count', () => {
    const state = { ...defaultState('en'), preset: 'tax-relief', ensemble: 6 };
    const input = presetOrDefault('tax-relief').input;
    const baselineInput = baselineInputOf(state, input);
    const seeds = ensembleSeeds(scenarioOf(input).seed, state.ensemble);
    const current = seeds.map((seed) => executeRun({ scenario: input, seed }));
    const baseline = seeds.map((seed) => executeRun({ scenario: baselineInput, seed }));

    const r = coopsim(['compare', 'scenarios/tax-relief.json', '--seeds', '6', '--years', '4,last', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    expect(doc.seeds).toEqual(seeds);
    for (const year of [4, 19]) {
      const card = effectSummary(baseline, current, year);
      for (const row of card.rows) {
        const series = EFFECT_ROWS.find((e) => e.key === row.key)!.series;
        const cli = doc.effects.find((e: { metric: string; year: number }) => e.metric === series && e.year === year);
        expect(cli, `${series} ${year}`).toMatchObject({ n: 6, baseline: row.effect.baseline, scenario: row.effect.current, effect: row.effect.difference, lo: row.effect.lo, hi: row.effect.hi });
      }
      const cost = doc.costs.find((c: { year: number }) => c.year === year);
      expect(cost.fiscalCumulative).toMatchObject({ baseline: card.fiscal.baseline, scenario: card.fiscal.current, effect: card.fiscal.difference, lo: card.fiscal.lo, hi: card.fiscal.hi });
      expect(cost.extraDeep).toMatchObject({ effect: card.extraDeep.difference, lo: card.extraDeep.lo, hi: card.extraDeep.hi });
      expect(cost.costPerExtraDeep).toBe(card.costPerDeep);
      expect(cost.costPerExtraDeep).toBeGreaterThan(0);
    }
  });

  it('compares with --against, writes tidy CSV, and uses the seeds of coopsim sweep', () => {
    const r = coopsim(['compare', 'scenarios/law.json', '--against', 'scenarios/baseline.json', '--seeds', '3', '--seed', '11', '--metrics', 'mean_depth,deep_share', '--years', '2', '--csv']);
    expect(r.status).toBe(EXIT.ok);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('metric,year,n,baseline,scenario,effect,effect_mean,effect_lo,effect_hi,cost_per_extra_deep');
    expect(lines.map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['metric,year', 'mean_depth,2', 'deep_share,2', 'fiscal_cost_cumulative,2', 'deep_partnerships,2']);
    const lib = compareScenarios(shipped('law'), shipped('baseline'), { seeds: 3, seed: 11, metrics: ['mean_depth'], years: [2] });
    expect(lib.seeds).toEqual([0, 1, 2].map((i) => deriveSeed(11, i)));
    expect(Number(lines[1].split(',')[5])).toBe(lib.effects[0].effect.difference);
  });

  it('prints a readable card by default and refuses bad years and metrics with status 2', () => {
    const r = coopsim(['compare', 'scenarios/tax-relief.json', '--seeds', '2', '--years', '3']);
    expect(r.status).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^scenarios\/tax-relief\.json against the status quo \(same world and years\): 2 seed pairs/);
    expect(r.stdout).toMatch(/\nyear 3: fiscal cost over years 0–3 .* M¥/);
    expect(r.stdout).toMatch(/cost per extra deep partnership/);
    const year = coopsim(['compare', 'scenarios/tax-relief.json', '--years', '20']);
    expect(year.status).toBe(EXIT.badInput);
    expect(year.stderr).toMatch(/year 20 is not simulated; expected 0–19 or "last"/);
    const metric = coopsim(['compare', 'scenarios/tax-relief.json', '--metrics', 'depthh']);
    expect(metric.status).toBe(EXIT.badInput);
    expect(metric.stderr).toMatch(/--metrics: "depthh" is not a metric; allowed: /);
  });
});

describe('coopsim compare --posterior', () => {
  const POSTERIOR = 'scenarios/calibration/status-quo.posterior.json';
  it('runs pair i of both scenarios with parameter set i drawn from the posterior, and says so', () => {
    const r = coopsim(['compare', 'scenarios/tax-relief.json', '--seeds', '3', '--years', '3', '--metrics', 'firms_cooperating_share', '--posterior', POSTERIOR, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    const scenario = shipped('tax-relief');
    const draws = drawPosterior(readPosterior(POSTERIOR), 3, scenario.seed);
    expect(doc.parameterUncertainty).toEqual({ file: POSTERIOR, particles: 200, drawSeed: scenario.seed, draws });
    // Independently of applyDraw: set the drawn fields on both scenarios by hand and run pair by pair.
    const withDraw = (s: object, d: Record<string, number>) =>
      Object.entries(d).reduce((acc, [path, v]) => {
        const r = setPath(acc, path, v);
        if (!r.ok) throw new Error(path);
        return r.value;
      }, s as Record<string, unknown>);
    const diffs = doc.seeds.map((seed: number, i: number) => {
      const cur = simulate(scenarioOf(withDraw(scenario, draws[i])), { seed }).metrics.firms_cooperating_share[3];
      const base = simulate(scenarioOf(withDraw({ world: scenario.world, years: scenario.years }, draws[i])), { seed }).metrics.firms_cooperating_share[3];
      return cur - base;
    });
    const effect = doc.effects[0];
    expect(effect.meanEffect).toBeCloseTo(diffs.reduce((a: number, b: number) => a + b, 0) / 3, 12);
    const plain = compareScenarios(scenario, shipped('baseline'), { seeds: 3, years: [3], metrics: ['firms_cooperating_share'] });
    expect(effect.meanEffect).not.toBe(plain.effects[0].effect.meanDifference);
    const text = coopsim(['compare', 'scenarios/tax-relief.json', '--seeds', '2', '--years', '3', '--posterior', POSTERIOR]);
    expect(text.stdout).toMatch(/\nintervals include parameter uncertainty: pair i runs with parameter set i drawn from scenarios\/calibration\/status-quo\.posterior\.json \(200 particles/);
    const none = coopsim(['compare', 'scenarios/tax-relief.json', '--seeds', '2', '--years', '3']);
    expect(none.stdout).toMatch(/\nintervals show seed variation only/);
    const bad = coopsim(['compare', 'scenarios/tax-relief.json', '--posterior', 'scenarios/tax-relief.json']);
    expect(bad.status).toBe(EXIT.badInput);
    expect(bad.stderr).toMatch(/--posterior: .*not a coopsim posterior/);
  }, 120_000);
});

describe('plain ensemble', () => {
  it('sweeps an experiment without factors: one design point, the seeds of coopsim compare', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coopsim-ensemble-'));
    const file = join(dir, 'ensemble.json');
    writeFileSync(file, JSON.stringify({ name: 'ensemble', base: { years: 3, world: { regions: 2, sectors: 2, schools: 6, firms: 150 } }, replications: { count: 3, seed: 11 } }));
    const r = coopsim(['sweep', file, '--out', join(dir, 'out'), '--workers', '1', '--no-progress']);
    expect(r.stderr).toMatch(/sweep: 3 runs/);
    expect(r.status).toBe(EXIT.ok);
    const rows = readFileSync(join(dir, 'out', 'runs.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(rows[0].slice(0, 4)).toEqual(['run_id', 'point', 'replicate', 'seed']);
    expect(rows.slice(1).map((row) => Number(row[3]))).toEqual([0, 1, 2].map((i) => deriveSeed(11, i)));
    expect(new Set(rows.slice(1).map((row) => row[1]))).toEqual(new Set(['0']));
    // The manifest says what ran it and how.
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.coopsim).toBe(VERSION);
    expect(manifest.experiment.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.environment).toMatchObject({ node: process.version, platform: process.platform, arch: process.arch });
    expect(manifest.environment.command.slice(1)).toEqual(['sweep', file, '--out', join(dir, 'out'), '--workers', '1', '--no-progress']);
    expect(manifest.environment.command[0]).toMatch(/bin\.mjs$/);
  });
});

describe('compareRuns', () => {
  it('treats NaN values as missing: their seed pairs are left out of effects and costs', () => {
    const s = scenarioOf({ years: 3, world: { regions: 2, sectors: 2, schools: 6, firms: 150 }, policy: { taxRelief: 0.3 } });
    const b = scenarioOf({ years: 3, world: { regions: 2, sectors: 2, schools: 6, firms: 150 } });
    const seeds = [0, 1, 2, 3].map((i) => deriveSeed(2, i));
    const current = seeds.map((seed) => simulate(s, { seed }));
    const base = seeds.map((seed) => simulate(b, { seed }));
    const clean = compareRuns(base, current, [2], ['mean_depth']);
    expect(clean.effects[0].effect.n).toBe(4);
    // An undefined average in one run of each side, in different seeds: two pairs are missing.
    current[1].metrics.mean_depth[2] = NaN;
    base[3].metrics.mean_depth[2] = NaN;
    current[0].metrics.deep_partnerships[2] = NaN;
    const holed = compareRuns(base, current, [2], ['mean_depth']);
    expect(holed.effects[0].effect.n).toBe(2);
    const kept = [0, 2].map((i) => current[i].metrics.mean_depth[2] - base[i].metrics.mean_depth[2]);
    expect(holed.effects[0].effect.meanDifference).toBeCloseTo((kept[0] + kept[1]) / 2, 12);
    expect(holed.costs[0].extraDeep.n).toBe(3);
    expect(Number.isNaN(holed.costs[0].costPerExtraDeep)).toBe(Number.isNaN(clean.costs[0].costPerExtraDeep));
  });
});
