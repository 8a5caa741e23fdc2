import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRunOrder } from '../../src/experiment/sweep/run-order.ts';

/** The ids 0..n-1 in an order where each id finishes at most `spread` places after its turn. */
const nearlySorted = (n: number, spread: number) =>
  fc.array(fc.integer({ min: 0, max: spread }), { minLength: n, maxLength: n }).map((delays) =>
    delays
      .map((d, id) => ({ id, at: id + d + id / (n + 1) }))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.id),
  );

describe('run order', () => {
  it('releases runs that finish a few places late in run_id order, holding no more than it must', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.constant(n), nearlySorted(n, 4))),
        ([n, arrival]) => {
          const expected = Array.from({ length: n }, (_, i) => i);
          const order = createRunOrder<number>(expected, 8);
          const out: number[] = [];
          for (const id of arrival) out.push(...order.add(id, id));
          out.push(...order.drain());
          expect(out).toEqual(expected);
          expect(order.inOrder).toBe(true);
        },
      ),
    );
  });

  it('gives up the order rather than hold more than its limit, and loses nothing', () => {
    const order = createRunOrder<number>([0, 1, 2, 3, 4, 5, 6], 3);
    const out = [...order.add(1, 1), ...order.add(2, 2), ...order.add(3, 3)];
    expect(out).toEqual([]);
    out.push(...order.add(4, 4));
    expect(out).toEqual([1, 2, 3, 4]);
    expect(order.inOrder).toBe(false);
    out.push(...order.add(0, 0), ...order.add(6, 6), ...order.add(5, 5), ...order.drain());
    expect([...out].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('says the order is broken when runs are drained past one that never finished', () => {
    const order = createRunOrder<string>([10, 20, 30], 5);
    expect(order.add(20, 'b')).toEqual([]);
    expect(order.add(10, 'a')).toEqual(['a', 'b']);
    expect(order.drain()).toEqual([]);
    expect(order.inOrder).toBe(true);
    const broken = createRunOrder<string>([10, 20, 30], 5);
    broken.add(30, 'c');
    expect(broken.drain()).toEqual(['c']);
    expect(broken.inOrder).toBe(false);
  });
});
