import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import { createRng } from '../../src/model/rng.ts';

describe('createRng', () => {
  it('draws exactly the numbers of seedrandom’s Alea for the same seed string', () => {
    for (const [seed, name] of [[1, 'matching'], [4294967295, 'decisions'], [0, 'learning']] as const) {
      const ours = createRng(seed, name);
      const theirs = seedrandom.alea(`coopsim:${seed}:${name}`);
      for (let i = 0; i < 200_000; i++) {
        const a = ours.next();
        const b = theirs();
        if (a !== b) expect({ draw: i, ours: a }).toEqual({ draw: i, ours: b });
      }
    }
  });
});
