/**
 * Hints to the JavaScript engine about how a number is stored. They return their argument
 * unchanged (bit for bit), so a formula reads the same with or without them; they exist only
 * so that V8 keeps one machine representation where a formula would otherwise mix two.
 */

/**
 * `x` as a floating-point value. Where one branch of a conditional is a bare field read and
 * the other an arithmetic result, V8 boxes the arithmetic side on every call to match the
 * field's tagged value; multiplying by 1 makes both sides doubles. Exact: `x * 1 === x`
 * for every double, and it keeps -0 and NaN.
 */
export function asDouble(x: number): number {
  return x * 1;
}

/**
 * `n` as a small integer, for a count the schema has already checked to be a whole number
 * far below 2³¹. V8 then keeps loops over it in integer registers instead of doubles.
 */
export function asSmallInt(n: number): number {
  return n | 0;
}
