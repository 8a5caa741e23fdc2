import { describe, it, expect } from 'vitest';
import { createWorld } from '../../src/model/create-world.ts';
import { ITEM_COUNT } from '../../src/model/firm-payoff.ts';
import { REASON, recordReason } from '../../src/model/record-reason.ts';
import { CHOICES } from '../../src/model/state.ts';
import { small } from '../helpers/scenario.ts';

describe('recordReason', () => {
  it('stores every item of the chosen option (a new item must be added to the written-out copy)', () => {
    const w = createWorld(small(), 1);
    const f = 2;
    const items = Float64Array.from({ length: ITEM_COUNT }, (_, i) => i + 1);
    recordReason(w, f, REASON.up, 5, 1, 2, items, Float64Array.of(1, 2, 3, 4));
    expect(Array.from(w.reasons.items.subarray(f * ITEM_COUNT, (f + 1) * ITEM_COUNT))).toEqual(Array.from(items));
    // The neighbours' items are left alone.
    expect(w.reasons.items[f * ITEM_COUNT - 1]).toBe(0);
    expect(w.reasons.items[(f + 1) * ITEM_COUNT]).toBe(0);
    expect(CHOICES[w.reasons.choice[f]]).toBe('up');
    expect(Array.from(w.reasons.options.subarray(4 * f, 4 * f + 4))).toEqual([1, 2, 3, 4]);
    recordReason(w, f, REASON.dissolved, 5, 1, 0, null, null);
    expect(Array.from(w.reasons.items.subarray(f * ITEM_COUNT, (f + 1) * ITEM_COUNT))).toEqual(new Array(ITEM_COUNT).fill(0));
    expect(CHOICES[w.reasons.choice[f]]).toBe('dissolved');
    expect(Number.isNaN(w.reasons.options[4 * f])).toBe(true);
  });

  it('names every code it offers by the choice it stands for', () => {
    expect(CHOICES[REASON.stayOut]).toBe('stay out');
    expect(CHOICES[REASON.collegeLeft]).toBe('college left');
    expect(CHOICES[REASON.collegeDown]).toBe('college down');
    expect(new Set(Object.values(REASON)).size).toBe(Object.keys(REASON).length);
  });
});
