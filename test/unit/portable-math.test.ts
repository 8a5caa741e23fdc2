import stdExp from '@stdlib/math-base-special-exp';
import stdLn from '@stdlib/math-base-special-ln';
import { describe, expect, it } from 'vitest';
import { clamp, exp, ln, logistic, pow } from '../../src/model/portable-math.ts';
import reference from '../fixtures/portable-math/reference.json';
import { bitsOf, fromBits } from '../fixtures/portable-math/generate.ts';

/** Bits of `actual`, with every NaN read as the one NaN (its payload never reaches an output). */
const bits = (x: number) => (Number.isNaN(x) ? 'NaN' : bitsOf(x));
const stored = (hex: string) => bits(fromBits(hex));

/** The cases whose output bits differ from the stored ones, as readable lines. */
function mismatches(name: string, cases: string[][], f: (...args: number[]) => number): string[] {
  const out: string[] = [];
  for (const c of cases) {
    const args = c.slice(0, -1).map(fromBits);
    const got = bits(f(...args));
    if (got !== stored(c[c.length - 1])) out.push(`${name}(${args.join(', ')}) has bits ${got}, stored ${c[c.length - 1]}`);
  }
  return out;
}

/** The double just above `x` (x finite and positive). */
function nextUp(x: number): number {
  return fromBits((BigInt(`0x${bitsOf(x)}`) + 1n).toString(16).padStart(16, '0'));
}

describe('portable math: bit identity', () => {
  it('stores enough cases to mean something', () => {
    expect(reference.exp.length).toBeGreaterThan(200);
    expect(reference.ln.length).toBeGreaterThan(200);
    expect(reference.pow.length).toBeGreaterThan(150);
  });

  it('exp, ln, pow and logistic give the stored bits for every stored input', () => {
    expect([
      ...mismatches('exp', reference.exp, exp),
      ...mismatches('ln', reference.ln, ln),
      ...mismatches('pow', reference.pow, pow),
      ...mismatches('logistic', reference.logistic, logistic),
    ]).toEqual([]);
  });

  it('exp and ln give the bits of @stdlib (FreeBSD msun), the algorithms they port, on every stored input', () => {
    const off: string[] = [];
    for (const [x] of reference.exp) if (bits(exp(fromBits(x))) !== bits(stdExp(fromBits(x)))) off.push(`exp(${fromBits(x)})`);
    for (const [x] of reference.ln) if (bits(ln(fromBits(x))) !== bits(stdLn(fromBits(x)))) off.push(`ln(${fromBits(x)})`);
    expect(off).toEqual([]);
  });
});

describe('portable math: published values', () => {
  // ECMAScript defines Math.E, Math.LN2, … as the doubles nearest to the true constants.
  it('ln and pow are correctly rounded at the constants ECMAScript publishes', () => {
    expect(ln(2)).toBe(Math.LN2);
    expect(ln(2)).toBe(0.6931471805599453);
    expect(ln(10)).toBe(Math.LN10);
    expect(ln(0.5)).toBe(-Math.LN2);
    expect(pow(2, 0.5)).toBe(Math.SQRT2);
    expect(pow(0.5, 0.5)).toBe(Math.SQRT1_2);
  });

  it('exp(−1) is the double nearest 1/e = 0.36787944117144232159… (OEIS A068985)', () => {
    expect(exp(-1)).toBe(0.36787944117144233);
  });

  it('exp(1) is one ulp above the correctly rounded e, as in msun, within its error bound of 1 ulp', () => {
    expect(exp(1)).not.toBe(Math.E);
    expect(exp(1)).toBe(nextUp(Math.E));
    expect(exp(1)).toBe(2.7182818284590455);
  });

  it('exact cases are exact', () => {
    expect(exp(0)).toBe(1);
    expect(ln(1)).toBe(0);
    expect(pow(2, 10)).toBe(1024);
    expect(pow(10, -2)).toBe(0.01);
    expect(exp(-Infinity)).toBe(0);
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
    expect(logistic(0)).toBe(0.5);
    expect(clamp(5, 0, 1)).toBe(1);
    expect(clamp(-5, 0, 1)).toBe(0);
    expect(clamp(0.25, 0, 1)).toBe(0.25);
  });
});
