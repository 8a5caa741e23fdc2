import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationJsonSchema } from '../../src/calibration/calibration-schema.ts';
import { DIRECT_INPUTS, parseCalibration, readCalibrationFile } from '../../src/calibration/parse-calibration.ts';
import { makePrior } from '../../src/calibration/priors.ts';
import { weightedQuantile } from '../../src/calibration/weighted-quantile.ts';

const ok = {
  base: { years: 4 },
  parameters: { 'behaviour.choiceNoise': { uniform: [0.3, 3], source: 'assumption: test' } },
  targets: [{ metric: 'coop_firms_loss_share', years: [0, 3], value: 0.4, sd: 0.05, source: 'test' }],
};

function problems(data: unknown): string[] {
  const r = parseCalibration(data, process.cwd());
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('calibration files', () => {
  it('the shipped status-quo calibration is valid, with at least six parameters and no direct-input target', () => {
    const r = readCalibrationFile('scenarios/calibration/status-quo.json');
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(r.value.parameters.length).toBeGreaterThanOrEqual(6);
    for (const t of r.value.file.targets) expect(Object.keys(DIRECT_INPUTS)).not.toContain(t.metric);
  });

  it('the published JSON Schema is the one the code generates (run npm run schema)', () => {
    const published = JSON.parse(readFileSync('scenarios/calibration/calibration.schema.json', 'utf8'));
    expect(published).toEqual(calibrationJsonSchema());
  });

  it('accepts a minimal file', () => {
    expect(problems(ok)).toEqual([]);
  });

  it('refuses a target that is a direct input of the model, saying why', () => {
    const p = problems({ ...ok, targets: [{ metric: 'retention_rate', years: [0, 3], value: 0.6, sd: 0.05, source: 'BIBB' }] });
    expect(p.join('\n')).toMatch(/targets\[0\]\.metric: retention_rate is a direct input .*economics\.retentionBase.*no information/);
  });

  it('names the field of each problem', () => {
    const p = problems({
      base: { years: 4 },
      parameters: {
        'behaviour.choiceNoize': { uniform: [0.3, 3], source: 's' },
        'behaviour.learningRate': { uniform: [0.1, 0.5] },
        'world.firms': { uniform: [10, 100], source: 's' },
        'behaviour.contactTurnover': { beta: [2, 2], uniform: [0, 1], source: 's' },
      },
      targets: [{ metric: 'coop_firms_loss_share', years: [0, 9], value: 0.4, sd: 0.05, source: 's' }],
    }).join('\n');
    expect(p).toMatch(/parameters\.behaviour\.learningRate\.source: /);
    expect(p).toMatch(/parameters\.behaviour\.contactTurnover: more than one distribution/);
    const p2 = problems({
      ...ok,
      parameters: { 'behaviour.choiceNoize': { uniform: [0.3, 3], source: 's' }, 'world.firms': { uniform: [10, 100], source: 's' } },
      targets: [{ metric: 'coop_firms_loss_share', years: [0, 9], value: 0.4, sd: 0.05, source: 's' }],
    }).join('\n');
    expect(p2).toMatch(/parameters\.behaviour\.choiceNoize: behaviour\.choiceNoize is not a scenario field; allowed here: choiceNoise/);
    expect(p2).toMatch(/parameters\.world\.firms: .*whole number/);
    expect(p2).toMatch(/targets\[0\]\.years: year 9 is beyond the 4 simulated years/);
  });

  it('refuses a prior outside the field\'s range and a beta on a field that is not 0–1', () => {
    expect(problems({ ...ok, parameters: { 'behaviour.choiceNoise': { uniform: [0, 3], source: 's' } } }).join()).toMatch(/outside the field's range 0\.01–100/);
    expect(problems({ ...ok, parameters: { 'behaviour.choiceNoise': { beta: [2, 2], source: 's' } } }).join()).toMatch(/beta\(2, 2\) lives on 0–1/);
  });

  it('an expression target is checked by the expression sandbox', () => {
    const p = problems({ ...ok, targets: [{ expression: 'constructor.name', years: [0, 3], min: 0, sd: 1, source: 's' }] });
    expect(p.join()).toMatch(/targets\[0\]\.expression: /);
  });
});

describe('priors and weighted quantiles', () => {
  it('a normal prior is truncated to the field range: its quantiles stay inside', () => {
    const p = makePrior({ normal: [0.05, 0.2] }, 0, 1);
    expect(p.quantile(0.001)).toBeGreaterThanOrEqual(0);
    expect(p.quantile(0.5)).toBeGreaterThan(0.05); // the mass cut below 0 moves the median up
    expect(p.logDensity(-0.01)).toBe(-Infinity);
  });

  it('loguniform quantiles are uniform in log scale', () => {
    const p = makePrior({ loguniform: [1, 100] }, 0, 1000);
    expect(p.quantile(0.5)).toBeCloseTo(10, 10);
  });

  it('beta quantiles match the uniform for beta(1, 1)', () => {
    const p = makePrior({ beta: [1, 1] }, 0, 1);
    expect(p.quantile(0.3)).toBeCloseTo(0.3, 10);
  });

  it('a weighted median follows the weights', () => {
    expect(weightedQuantile([1, 2, 3], [0.1, 0.1, 0.8], 0.5)).toBe(3);
    expect(weightedQuantile([1, 2, 3], [1, 1, 1], 0.5)).toBe(2);
  });
});
