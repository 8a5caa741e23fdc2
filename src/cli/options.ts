import { InvalidArgumentError } from 'commander';

/** A commander parser for an integer option with a lower bound. */
export function intOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    // Number('') and Number(' ') are 0: an empty value is no number.
    const n = value.trim() === '' ? NaN : Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} ${JSON.stringify(value)} is not an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in ${min}–${max}`}`);
    return n;
  };
}
