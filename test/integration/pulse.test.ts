import { describe, expect, it } from 'vitest';
import { formatPulseMarkdown } from '../../src/studies/pulse/format-pulse.ts';
import { measurePulse } from '../../src/studies/pulse/pulse-persistence.ts';
import { readScenarioDir } from '../../src/studies/claims/shipped-scenarios.ts';
import { compileLevers } from '../../src/model/params/compile-levers.ts';
import { LEVER_NAMES, POLICY_DEFAULTS } from '../../src/model/params/schema.ts';
import { shipped } from '../helpers/scenario.ts';

describe('the policy pulse (scenarios/pulse.json)', () => {
  it('is the full package in years 0–4 and the status quo from year 5', () => {
    const pulse = compileLevers(shipped('pulse').policy);
    const full = compileLevers(shipped('full-package').policy);
    const status = compileLevers(POLICY_DEFAULTS);
    for (const name of LEVER_NAMES) {
      for (let y = 0; y < 5; y++) expect([name, y, pulse[name](y, {})]).toEqual([name, y, full[name](y, {})]);
      for (const y of [5, 6, 29]) expect([name, y, pulse[name](y, {})]).toEqual([name, y, status[name](y, {})]);
    }
    expect(shipped('pulse').policy.evaluationInterval).toBe(shipped('full-package').policy.evaluationInterval);
  });

  it('is measured against the baseline on paired seeds, year by year', () => {
    const sc = readScenarioDir();
    const r = measurePulse(sc.pulse, sc.baseline, { seeds: 3, endYear: 5 });
    expect(r.effects.deep_share).toHaveLength(30);
    expect(r.effects.deep_share[4].n).toBe(3);
    // While the package is on it raises cooperation (claim 7's scenario, five years of it).
    expect(r.effects.firms_cooperating_share[4].meanDifference).toBeGreaterThan(0);
    expect(formatPulseMarkdown(r)).toMatch(/3 paired seeds, 30 years/);
  }, 60_000);
});
