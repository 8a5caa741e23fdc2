import { compileExpression } from './expression.ts';
import { LEVER_NAMES, LEVER_RANGE, POLICY_DEFAULTS, type LeverName, type Scenario } from './schema.ts';
import type { LeverValue } from './lever-field.ts';
import { EXPRESSION_VARIABLES } from '../metrics.ts';

/** A lever that gave no finite number during a run: names the lever and the year, in one line. */
export class LeverError extends Error {
  readonly lever: LeverName;
  readonly year: number;
  constructor(lever: LeverName, year: number, message: string) {
    super(message);
    this.name = 'LeverError';
    this.lever = lever;
    this.year = year;
  }
}

/** A lever value resolved for a run: gives the value for a year and last year's metrics. */
export type LeverFn = (year: number, metrics: Readonly<Record<string, number>>) => number;

/** Current lever values (after evaluating schedules and expressions), one per lever. */
export type LeverValues = Record<LeverName, number>;

/** All levers of a run, compiled once. */
export type CompiledLevers = Readonly<Record<LeverName, LeverFn>>;

/** Compiles one lever value: constant, steps or expression (parsed once, here). */
export function compileLever(name: LeverName, value: LeverValue): LeverFn {
  const [lo, hi] = LEVER_RANGE[name];
  const clampTo = (v: number) => (v < lo ? lo : v > hi ? hi : v);
  if (typeof value === 'number') {
    const v = clampTo(value);
    return () => v;
  }
  if (typeof value === 'string') {
    const r = compileExpression(value, EXPRESSION_VARIABLES);
    if (!r.ok) throw new Error(`policy.${name}: ${r.error}`);
    const expr = r.value;
    const scope: Record<string, number> = {};
    return (year, metrics) => {
      for (const v of expr.variables) scope[v] = v === 'year' ? year : metrics[v];
      const out = expr.evaluate(scope);
      if (!Number.isFinite(out))
        throw new LeverError(name, year, `policy.${name}: expression ${JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)} gave ${out} in year ${year}; the run stopped there`);
      return clampTo(out);
    };
  }
  const steps = value;
  return (year) => {
    const before = POLICY_DEFAULTS[name];
    let v: number = typeof before === 'number' ? before : lo;
    for (const s of steps) if (year >= s.from) v = s.value;
    return clampTo(v);
  };
}

/** Compiles every lever of a scenario. */
export function compileLevers(policy: Scenario['policy']): CompiledLevers {
  const out = {} as Record<LeverName, LeverFn>;
  for (const name of LEVER_NAMES) out[name] = compileLever(name, policy[name]);
  return out;
}

/** Evaluates all levers for a year into `into`. */
export function evaluateLevers(levers: CompiledLevers, year: number, metrics: Readonly<Record<string, number>>, into: LeverValues): void {
  for (const name of LEVER_NAMES) into[name] = levers[name](year, metrics);
}
