import { ITEMS, ITEM_COUNT, type Item } from './firm-payoff.ts';
import { CHOICES, type Choice } from './state.ts';
import type { Snapshot } from './simulate.ts';

/** A firm's last decision, item by item: what an inspector shows. */
export interface DecisionExplanation {
  firm: number;
  /** Year of the decision, or −1 if the firm never decided. */
  year: number;
  choice: Choice;
  school: number;
  fromDepth: number;
  toDepth: number;
  /** Benefit (+) and cost (−) items of the chosen option, k¥ per year. */
  items: Record<Item, number>;
  /** Expected yearly net of the chosen option (sum of items), k¥. */
  net: number;
  /**
   * Discounted value (k¥) of each option the firm weighed: for a partner decision
   * leave/down/stay/up; for a search stayOut/enter1/enter2. NaN where not available.
   */
  options: Record<string, number>;
}

/** Explains firm `f`'s last decision from a run's snapshot. */
export function explainDecision(snapshot: Snapshot, f: number): DecisionExplanation {
  const r = snapshot.reasons;
  if (!Number.isInteger(f) || f < 0 || f >= r.year.length)
    throw new RangeError(`firm ${f} does not exist; firms are 0–${r.year.length - 1}`);
  const items = {} as Record<Item, number>;
  let net = 0;
  ITEMS.forEach((name, i) => {
    items[name] = r.items[f * ITEM_COUNT + i];
    net += items[name];
  });
  const choice = CHOICES[r.choice[f]];
  const o = r.options.subarray(f * 4, f * 4 + 4);
  const options: Record<string, number> =
    choice === 'enter' || choice === 'stay out'
      ? { stayOut: o[0], enter1: o[1], enter2: o[2] }
      : { leave: o[0], down: o[1], stay: o[2], up: o[3] };
  return {
    firm: f,
    year: r.year[f],
    choice,
    school: r.school[f],
    fromDepth: r.fromDepth[f],
    toDepth: r.toDepth[f],
    items,
    net,
    options,
  };
}
