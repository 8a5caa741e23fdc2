import { LEVER_RANGE, POLICY_DEFAULTS, type LeverName } from '../../model/params/schema.ts';
import type { LeverValue } from '../../model/params/lever-field.ts';

/**
 * A lever as its controls show it: a target value, when it starts and over how many
 * years it is phased in, and an optional expression that overrides both.
 */
export interface LeverControl {
  /** Target value (the slider). */
  value: number;
  /** First year the lever differs from the status quo. */
  start: number;
  /** Years to reach the target linearly (0 or 1 = at once). */
  ramp: number;
  /** An expression of `year` and last year's results; empty when not used. */
  expression: string;
}

/** The status-quo value of a lever (what holds before a schedule starts). */
export function statusQuo(name: LeverName): number {
  const v = POLICY_DEFAULTS[name];
  return typeof v === 'number' ? v : LEVER_RANGE[name][0];
}

/** The yearly steps of a schedule: from `start`, rising linearly over `ramp` years to `value`. */
export function scheduleSteps(name: LeverName, value: number, start: number, ramp: number): { from: number; value: number }[] {
  const d = statusQuo(name);
  if (ramp <= 1) return [{ from: start, value }];
  const steps: { from: number; value: number }[] = [];
  // Intermediate values rounded to 12 significant digits: 0.1, not 0.09999999999999999.
  for (let k = 1; k <= ramp; k++) steps.push({ from: start + k - 1, value: k === ramp ? value : Number((d + ((value - d) * k) / ramp).toPrecision(12)) });
  return steps;
}

/** The scenario value a lever's controls stand for. */
export function toLeverValue(name: LeverName, c: LeverControl): LeverValue {
  if (c.expression.trim() !== '') return c.expression.trim();
  if (c.start <= 0 && c.ramp <= 1) return c.value;
  return scheduleSteps(name, c.value, Math.max(0, c.start), c.ramp);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * How a scenario's lever value shows in the controls. A list of steps that is a linear
 * phase-in becomes start + ramp; any other list becomes the equivalent expression.
 */
export function fromLeverValue(name: LeverName, v: LeverValue): LeverControl {
  if (typeof v === 'number') return { value: v, start: 0, ramp: 0, expression: '' };
  if (typeof v === 'string') return { value: statusQuo(name), start: 0, ramp: 0, expression: v };
  const steps = [...v];
  const last = steps[steps.length - 1];
  const start = steps[0].from;
  const ramp = steps.length;
  const expected = scheduleSteps(name, last.value, start, ramp);
  const isRamp = expected.every((s, i) => s.from === steps[i].from && close(s.value, steps[i].value));
  if (isRamp) return { value: last.value, start, ramp: ramp === 1 ? 0 : ramp, expression: '' };
  return { value: last.value, start: 0, ramp: 0, expression: stepsToExpression(name, steps) };
}

/** An expression of `year` giving the same values as a list of steps. */
export function stepsToExpression(name: LeverName, steps: readonly { from: number; value: number }[]): string {
  let expr = String(statusQuo(name));
  for (const s of steps) expr = `year >= ${s.from} ? ${s.value} : ${expr.includes('?') ? `(${expr})` : expr}`;
  return expr;
}
