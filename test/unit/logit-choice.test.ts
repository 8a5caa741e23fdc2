import { describe, expect, it } from 'vitest';
import { logitChoice } from '../../src/model/logit-choice.ts';
import { createRng } from '../../src/model/rng.ts';

describe('logit choice', () => {
  it('draws options in proportion to e^u and never one at −∞', () => {
    const rng = createRng(11, 'logit-test');
    const u = new Float64Array(4);
    const counts = [0, 0, 0, 0];
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      u.set([0, Math.log(2), -Infinity, Math.log(5)]);
      counts[logitChoice(u, 4, rng)]++;
    }
    expect(counts[2]).toBe(0);
    // Probabilities 1/8, 2/8, 0, 5/8; 4 standard errors at n = 40,000 are under 0.01.
    expect(Math.abs(counts[0] / n - 1 / 8)).toBeLessThan(0.01);
    expect(Math.abs(counts[1] / n - 2 / 8)).toBeLessThan(0.01);
    expect(Math.abs(counts[3] / n - 5 / 8)).toBeLessThan(0.01);
  });

  it('leaves the weights e^{u − max u} in the array and uses one draw', () => {
    const a = createRng(3, 's');
    const b = createRng(3, 's');
    const u = new Float64Array([1, 3, 2]);
    const pick = logitChoice(u, 3, a);
    expect(u[1]).toBe(1);
    expect(u[0]).toBeCloseTo(Math.exp(-2), 15);
    expect(u[2]).toBeCloseTo(Math.exp(-1), 15);
    // The same stream after one draw: the next numbers agree.
    b.next();
    expect(a.next()).toBe(b.next());
    const x = createRng(3, 's').next() * (u[0] + u[1] + u[2]);
    expect(pick).toBe(x < u[0] ? 0 : x < u[0] + u[1] ? 1 : 2);
  });
});
