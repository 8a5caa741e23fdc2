import { describe, expect, it } from 'vitest';
import { assumedParameters } from '../../src/studies/robustness/assumed-parameters.ts';
import { formatRobustnessMarkdown } from '../../src/studies/robustness/format-robustness.ts';
import { mergeRobustnessReports, notSwept } from '../../src/studies/robustness/merge-robustness.ts';
import type { ParameterRobustness, RobustnessReport } from '../../src/studies/robustness/robustness-sweep.ts';

const defaults = [{ claim: 2, test: 'mean_depth: school-conditions − baseline > 0', median: 0.1, claimedDirection: true, seedsAgreeing: 1 }];
const param = (path: string, flips: boolean): ParameterRobustness => ({
  path,
  default: 1,
  description: 'assumption: test',
  skipped: [],
  points: [
    { factor: 0.5, value: 0.5, outcomes: [{ ...defaults[0], median: flips ? -0.1 : 0.2, claimedDirection: !flips }] },
    { factor: 1.5, value: 1.5, outcomes: [{ ...defaults[0], median: 0.2 }] },
  ],
});
const part = (paths: string[], seconds: number, flipping = ''): RobustnessReport => ({
  seeds: [1, 2, 3],
  year: 19,
  factors: [0.5, 1.5],
  defaults,
  parameters: paths.map((p) => param(p, p === flipping)),
  seconds,
});

describe('a robustness sweep run in parts', () => {
  const all = assumedParameters().map((p) => p.path);
  const [a, b, c] = [all[5], all[1], all[9]];

  it('merges into one report in the schema order, with the parts\' times added', () => {
    const m = mergeRobustnessReports([part([a, c], 10, c), part([b], 5)]);
    expect(m.parameters.map((p) => p.path)).toEqual([b, a, c]);
    expect(m.seconds).toBe(15);
    expect(formatRobustnessMarkdown(m)).toContain(`| \`${c}\` |`);
  });

  it('names the assumed parameters no part swept', () => {
    const m = mergeRobustnessReports([part([a], 1), part([b], 1)]);
    expect(notSwept(m)).toEqual(all.filter((p) => p !== a && p !== b));
    expect(formatRobustnessMarkdown(m)).toContain(`Not swept in this run (${all.length - 2} of ${all.length} assumed parameters`);
    expect(formatRobustnessMarkdown(mergeRobustnessReports([part(all, 1)]))).not.toContain('Not swept');
  });

  it('refuses parts of different sweeps', () => {
    expect(() => mergeRobustnessReports([part([a], 1), { ...part([b], 1), seeds: [1, 2] }])).toThrow(/seeds/);
    expect(() => mergeRobustnessReports([part([a], 1), { ...part([b], 1), factors: [0.8, 1.2] }])).toThrow(/factors/);
    expect(() => mergeRobustnessReports([part([a], 1), { ...part([b], 1), defaults: [{ ...defaults[0], median: 0.3 }] }])).toThrow(/defaults/);
    expect(() => mergeRobustnessReports([])).toThrow(/no robustness reports/);
  });
});
