import { assumedParameters } from './assumed-parameters.ts';
import type { RobustnessReport } from './robustness-sweep.ts';

/**
 * One report from sweeps run in parts (`coopsim robustness --only …` on different
 * parameters, e.g. on several machines or one after another): the parameters of every
 * part, in the schema's order, with their sweep times added. The parts must share seeds,
 * year, factors and the defaults' outcomes, or they are not parts of one sweep.
 */
export function mergeRobustnessReports(parts: readonly RobustnessReport[]): RobustnessReport {
  if (!parts.length) throw new Error('no robustness reports to merge');
  const [first] = parts;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  parts.forEach((p, i) => {
    if (!same(p.seeds, first.seeds)) throw new Error(`robustness part ${i + 1} used seeds ${p.seeds.length}, part 1 ${first.seeds.length}: rerun it with the same --seeds`);
    if (p.year !== first.year) throw new Error(`robustness part ${i + 1} judged year ${p.year}, part 1 year ${first.year}`);
    if (!same(p.factors, first.factors)) throw new Error(`robustness part ${i + 1} used factors ${p.factors.join(',')}, part 1 ${first.factors.join(',')}: rerun it with the same --factors`);
    if (!same(p.defaults, first.defaults)) throw new Error(`robustness part ${i + 1} has other results at the defaults than part 1: the parts were run on different versions of the model or scenarios`);
  });
  const order = new Map(assumedParameters().map((p, i) => [p.path, i]));
  const byPath = new Map(parts.flatMap((p) => p.parameters).map((p) => [p.path, p]));
  const parameters = [...byPath.values()].sort((a, b) => (order.get(a.path) ?? Infinity) - (order.get(b.path) ?? Infinity));
  return { ...first, parameters, seconds: parts.reduce((s, p) => s + p.seconds, 0) };
}

/** Assumed parameters of the schema that a report did not sweep. */
export function notSwept(r: RobustnessReport): string[] {
  const swept = new Set(r.parameters.map((p) => p.path));
  return assumedParameters()
    .map((p) => p.path)
    .filter((p) => !swept.has(p));
}
