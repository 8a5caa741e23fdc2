/**
 * Portable transcendental functions: the same bits in every JavaScript engine.
 *
 * V8 builds disagree in the last bit of `Math.exp/log/pow` on a few percent of inputs,
 * which would make Node and browser runs of the same scenario diverge. These pure-JS
 * ports use only IEEE-exact operations, so every engine returns the same bits.
 *
 * `exp` and `ln` are the @stdlib algorithms (FreeBSD msun) step for step on the common
 * inputs, with cheaper bit handling: where stdlib calls `ldexp` or rewrites the exponent
 * bits of a double, they multiply by a power of two from a table (exact when the numbers
 * involved are normal). Rare inputs (special values, subnormals, results near the ends of
 * the range, logarithms of numbers just next to a power of two) go to stdlib itself. They
 * return the same bits as `@stdlib/math-base-special-exp` and `-ln` at about half the
 * cost, and are small enough for V8 to inline into the hot loops.
 */
import stdExp from '@stdlib/math-base-special-exp';
import stdLn from '@stdlib/math-base-special-ln';
import stdPow from '@stdlib/math-base-special-pow';

/** Scratch view for reading and writing the words of a double. */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high (sign and exponent) word in {@link U32}. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2^k for k = −1022 … 1023, at index k + 1022, built bit by bit (exact). */
const POW2 = new Float64Array(2046);
for (let k = -1022; k <= 1023; k++) {
  U32[HI] = (k + 1023) << 20;
  U32[1 - HI] = 0;
  POW2[k + 1022] = F64[0];
}

const EXP_LN2_HI = 6.9314718036912381649e-1;
const EXP_LN2_LO = 1.90821492927058770002e-10;
const LOG2_E = 1.442695040888963387;
const NEARZERO = 1.0 / (1 << 28);

/** e^x, bit-identical across JavaScript engines. */
export function exp(x: number): number {
  // NaN, ±∞, overflow and results near or below the smallest normal number: stdlib.
  if (!(x > -707 && x < 709)) return stdExp(x);
  if (x > -NEARZERO && x < NEARZERO) return 1 + x;
  // Reduce: x = k·ln2 + r, |r| ≤ ln2/2, with r = hi − lo for extra precision; here
  // −1020 ≤ k ≤ 1023, so 2^k is in the table and y·2^k is normal, as ldexp returns it.
  const k = x < 0 ? Math.ceil(LOG2_E * x - 0.5) : Math.floor(LOG2_E * x + 0.5);
  const hi = x - k * EXP_LN2_HI;
  const lo = k * EXP_LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c =
    r -
    t * (0.16666666666666602 + t * (-0.0027777777777015593 + t * (0.00006613756321437934 + t * (-0.0000016533902205465252 + t * 4.1381367970572385e-8))));
  return (1.0 - (lo - (r * c) / (2.0 - c) - hi)) * POW2[k + 1022];
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** Natural logarithm, bit-identical across JavaScript engines. */
export function ln(x: number): number {
  // Positive normal numbers; 0, negatives, NaN, subnormals and +∞ fall through to stdlib.
  if (x >= 2.2250738585072014e-308 && x < Infinity) {
    F64[0] = x;
    const biased = U32[HI] >> 20;
    const hx = U32[HI] & 0x000fffff;
    const i = (hx + 0x95f64) & 0x100000;
    // Normalize x or x/2: give it the biased exponent 1023 − (i >> 20). stdlib rewrites
    // the high word; scaling by that power of two is exact. Left to stdlib: x ≥ 2^1023
    // (the shift leaves the table) and x within about 2^−20 of a power of two.
    const shift = 1023 - (i >> 20) - biased;
    if ((0x000fffff & (2 + hx)) >= 3 && shift >= -1022) {
      const k = biased - 1023 + (i >> 20);
      const f = x * POW2[shift + 1022] - 1.0;
      const s = f / (2.0 + f);
      const z = s * s;
      const w = z * z;
      const t1 = w * (0.3999999999940942 + w * (0.22222198432149784 + w * 0.15313837699209373));
      const t2 = z * (0.6666666666666735 + w * (0.2857142874366239 + w * (0.1818357216161805 + w * 0.14798198605116586)));
      const R = t2 + t1;
      if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
        const hfsq = 0.5 * f * f;
        if (k === 0) return f - (hfsq - s * (hfsq + R));
        return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
      }
      if (k === 0) return f - s * (f - R);
      return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
    }
  }
  return stdLn(x);
}

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
