import { describe, expect, it } from 'vitest';
import { asDouble, asSmallInt } from '../../src/model/number-hints.ts';

/** The 64 bits of a double, to compare values that `===` cannot tell apart (−0) or never equals (NaN). */
const bits = (x: number) => new BigUint64Array(new Float64Array([x]).buffer)[0];

describe('number hints change no value', () => {
  const doubles = [0, -0, 1, -1, 0.1, 1 / 3, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, Number.MAX_VALUE, Infinity, -Infinity, NaN, 123456.789];

  it('asDouble keeps every double bit for bit, −0 and NaN too', () => {
    expect(doubles.map((x) => bits(asDouble(x)))).toEqual(doubles.map(bits));
  });

  it('asSmallInt keeps the whole numbers a schema allows', () => {
    for (const n of [0, 1, 7, 60, 100_000, 2 ** 31 - 1]) expect(asSmallInt(n)).toBe(n);
  });

  it('asSmallInt is only for small whole numbers: a fraction or a huge count would change', () => {
    expect(asSmallInt(2.5)).toBe(2);
    expect(asSmallInt(2 ** 31)).not.toBe(2 ** 31);
  });
});
