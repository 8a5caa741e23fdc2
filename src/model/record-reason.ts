import { ITEM_COUNT } from './firm-payoff.ts';
import { CHOICE_CODE, type Choice, type World } from './state.ts';

/** Stores why firm `f` chose as it did: the items of the chosen option and each option's value. */
export function recordReason(
  w: World,
  f: number,
  choice: Choice,
  school: number,
  fromDepth: number,
  toDepth: number,
  items: Float64Array | null,
  o0: number,
  o1: number,
  o2: number,
  o3: number,
): void {
  const r = w.reasons;
  r.year[f] = w.year;
  r.choice[f] = CHOICE_CODE[choice];
  r.school[f] = school;
  r.fromDepth[f] = fromDepth;
  r.toDepth[f] = toDepth;
  const base = f * ITEM_COUNT;
  for (let i = 0; i < ITEM_COUNT; i++) r.items[base + i] = items ? items[i] : 0;
  const ob = f * 4;
  r.options[ob] = o0;
  r.options[ob + 1] = o1;
  r.options[ob + 2] = o2;
  r.options[ob + 3] = o3;
}
