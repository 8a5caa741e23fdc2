/**
 * Deterministic transcendental functions.
 *
 * V8 builds disagree in the last bit of `Math.exp/log/pow` on a few percent of inputs,
 * which would make Node and browser runs of the same scenario diverge. These pure-JS
 * ports use only IEEE-exact operations, so every engine returns the same bits.
 */
import stdExp from '@stdlib/math-base-special-exp';
import stdLn from '@stdlib/math-base-special-ln';
import stdPow from '@stdlib/math-base-special-pow';

/** e^x, bit-identical across JavaScript engines. */
export const exp: (x: number) => number = stdExp;
/** Natural logarithm, bit-identical across JavaScript engines. */
export const ln: (x: number) => number = stdLn;
/** x^y, bit-identical across JavaScript engines. */
export const pow: (x: number, y: number) => number = stdPow;

/** Logistic function 1 / (1 + e^-x), deterministic. */
export function logistic(x: number): number {
  return 1 / (1 + exp(-x));
}

/** Clamps `x` into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
