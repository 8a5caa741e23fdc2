import type { Runner } from '../runner/runner.ts';
import type { ScenarioInput } from '../model/params/schema.ts';
import { formatProblems } from '../scenario/parse.ts';
import { setPath } from '../scenario/set-path.ts';
import type { AbcProblem } from './abc-types.ts';
import { targetDistance, type Calibration } from './parse-calibration.ts';

/** The base scenario with the parameters set to `theta` (in parameter order). */
export function scenarioAt(cal: Calibration, theta: readonly number[]): Record<string, unknown> {
  let data = cal.base;
  cal.parameters.forEach((p, k) => {
    const r = setPath(data, p.path, theta[k]);
    if (!r.ok) throw new Error(`${p.path}: ${formatProblems(r.problems)}`);
    data = r.value;
  });
  return data;
}

/**
 * The calibration as an ABC problem on a runner: a particle's statistics are its
 * targets' values averaged over its seeds (a seed whose target is undefined, NaN, is
 * left out of that target's mean).
 */
export function modelProblem(cal: Calibration, runner: Runner): AbcProblem {
  return {
    priors: cal.parameters.map((p) => p.prior),
    async simulate(theta, seeds, signal) {
      const scenario = scenarioAt(cal, theta) as ScenarioInput;
      const outs = await Promise.all(seeds.map((seed) => runner.run({ scenario, seed, years: cal.runYears }, signal)));
      return cal.targets.map((t) => {
        let sum = 0;
        let n = 0;
        for (const out of outs) {
          const v = t.ofRun(out);
          if (Number.isNaN(v)) continue;
          sum += v;
          n++;
        }
        return n === 0 ? NaN : sum / n;
      });
    },
    distance: (stats) => targetDistance(cal.targets, stats),
  };
}
