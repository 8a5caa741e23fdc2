import { ITEM_COUNT } from './firm-payoff.ts';
import { CHOICE_CODE, type Choice, type World } from './state.ts';

/**
 * Stores why firm `f` chose as it did: the items of the chosen option and the value of
 * each option (`options`, four values; null for none).
 */
export function recordReason(
  w: World,
  f: number,
  choice: Choice,
  school: number,
  fromDepth: number,
  toDepth: number,
  items: Float64Array | null,
  options: Float64Array | null,
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
  for (let i = 0; i < 4; i++) r.options[ob + i] = options ? options[i] : NaN;
}
