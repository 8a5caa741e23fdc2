import { EXPRESSION_VARIABLES } from '../model/metrics.ts';
import { compileExpression } from '../model/params/expression.ts';
import type { Problem } from './problem.ts';
import { LEVER_NAMES, type Scenario } from '../model/params/schema.ts';

/** The first year an expression gives no finite number, and what it gives. */
export interface NonFiniteYear {
  year: number;
  value: number;
}

/**
 * Evaluates a lever expression in each year 0…years−1 with `metrics` as last year's results
 * (held fixed) and returns the first year it gives no finite number, or null. For an
 * expression of `year` alone this is exact; for one of the results it is a dry run with the
 * initial metrics, since the real ones are known only as the run goes.
 */
export function firstNonFiniteYear(source: string, years: number, metrics: Readonly<Record<string, number>> = {}): NonFiniteYear | null {
  const r = compileExpression(source, EXPRESSION_VARIABLES);
  if (!r.ok) return null;
  const scope: Record<string, number> = {};
  for (const v of r.value.variables) if (v !== 'year') scope[v] = metrics[v] ?? 0;
  for (let year = 0; year < years; year++) {
    scope.year = year;
    const value = r.value.evaluate(scope);
    if (!Number.isFinite(value)) return { year, value };
  }
  return null;
}

/** Whether an expression reads any of last year's results (not only `year`). */
export function readsResults(source: string): boolean {
  const r = compileExpression(source, EXPRESSION_VARIABLES);
  return r.ok && r.value.variables.some((v) => v !== 'year');
}

/** "1/(year-3) is not finite in year 3 (gives Infinity)". */
export function nonFiniteText(source: string, f: NonFiniteYear): string {
  const shown = source.length > 80 ? `${source.slice(0, 77)}...` : source;
  return `${shown} is not finite in year ${f.year} (gives ${f.value})`;
}

/**
 * The levers of a scenario that cannot run: expressions of `year` alone (constants included)
 * that give no finite number in one of the scenario's years. Exact, so these are errors.
 */
export function leverYearErrors(scenario: Scenario): Problem[] {
  const out: Problem[] = [];
  for (const name of LEVER_NAMES) {
    const v = (scenario.policy as Record<string, unknown>)[name];
    if (typeof v !== 'string' || readsResults(v)) continue;
    const f = firstNonFiniteYear(v, scenario.years);
    if (f) out.push({ path: `policy.${name}`, message: `${nonFiniteText(v, f)}; write an expression that gives a number in every year 0–${scenario.years - 1}` });
  }
  return out;
}

/**
 * Levers whose expressions read last year's results and give no finite number in some year when
 * run with `initial` (the initial metrics): warnings, since the real results differ.
 */
export function leverYearWarnings(scenario: Scenario, initial: Readonly<Record<string, number>>): Problem[] {
  const out: Problem[] = [];
  for (const name of LEVER_NAMES) {
    const v = (scenario.policy as Record<string, unknown>)[name];
    if (typeof v !== 'string' || !readsResults(v)) continue;
    const f = firstNonFiniteYear(v, scenario.years, initial);
    if (f) out.push({ path: `policy.${name}`, message: `may fail in year ${f.year}: ${v.length > 80 ? `${v.slice(0, 77)}...` : v} is not finite there with the initial results (gives ${f.value})` });
  }
  return out;
}

/** Whether any lever of the scenario is an expression of last year's results. */
export function hasResultLevers(scenario: Scenario): boolean {
  return LEVER_NAMES.some((name) => {
    const v = (scenario.policy as Record<string, unknown>)[name];
    return typeof v === 'string' && readsResults(v);
  });
}
