import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../../src/studies/claims/claim-definitions.ts';
import { readScenarioDir } from '../../src/studies/claims/shipped-scenarios.ts';
import { decidingAssumptions, formatRobustnessMarkdown } from '../../src/studies/robustness/format-robustness.ts';
import { robustnessSweep } from '../../src/studies/robustness/robustness-sweep.ts';
import { createInThreadRunner } from '../../src/runner/in-thread-runner.ts';

describe('assumption-robustness sweep (2 parameters, 2 seeds)', () => {
  it('runs each parameter at −50% and +50% in every compared scenario and judges every criterion', async () => {
    const r = await robustnessSweep({
      scenarios: readScenarioDir(),
      runner: createInThreadRunner(),
      seeds: 2,
      only: ['schools.choiceNoise', 'world.maxPartnersPerFirm'],
      refine: false,
    });
    const criteria = CLAIMS.reduce((n, c) => n + c.criteria.length, 0);
    expect(r.seeds).toEqual([1, 2]);
    expect(r.year).toBe(19);
    expect(r.defaults).toHaveLength(criteria);
    const noise = r.parameters.find((p) => p.path === 'schools.choiceNoise')!;
    expect(noise.points.map((p) => [p.factor, p.value])).toEqual([[0.5, 0.75], [1.5, 2.25]]);
    // An integer of 2 at ±50%: 1 and 3.
    expect(r.parameters.find((p) => p.path === 'world.maxPartnersPerFirm')!.points.map((p) => p.value)).toEqual([1, 3]);
    for (const p of r.parameters) for (const pt of p.points) expect(pt.outcomes).toHaveLength(criteria);
    // Noisier college choices change results: the sweep must see a difference.
    expect(noise.points[1].outcomes.some((o, i) => o.median !== r.defaults[i].median)).toBe(true);
    const md = formatRobustnessMarkdown(r);
    expect(md).toMatch(/^2 assumed parameters/);
    for (const a of decidingAssumptions(r)) expect(md).toContain(`\`${a.path}\``);
  }, 120_000);

  it('names a parameter that is not an assumption', async () => {
    await expect(robustnessSweep({ scenarios: readScenarioDir(), runner: createInThreadRunner(), seeds: 1, only: ['policy.law'] })).rejects.toThrow(/not an assumed parameter: policy\.law/);
  });
});
