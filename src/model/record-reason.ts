import { ITEM_COUNT } from './firm-payoff.ts';
import { CHOICE_CODE, type World } from './state.ts';

/**
 * The choice codes callers pass to {@link recordReason}. A code rather than the choice's
 * name: looking a name up in CHOICE_CODE at every record was a megamorphic keyed load,
 * a few percent of a default run.
 */
export const REASON = {
  leave: CHOICE_CODE.leave,
  down: CHOICE_CODE.down,
  stay: CHOICE_CODE.stay,
  up: CHOICE_CODE.up,
  stayOut: CHOICE_CODE['stay out'],
  enter: CHOICE_CODE.enter,
  dissolved: CHOICE_CODE.dissolved,
  collegeLeft: CHOICE_CODE['college left'],
  collegeDown: CHOICE_CODE['college down'],
} as const;

/**
 * Stores why firm `f` chose as it did (`choice`: a code of CHOICES, see {@link REASON}):
 * the items of the chosen option and the value of each option (`options`, four values;
 * null for none).
 */
export function recordReason(
  w: World,
  f: number,
  choice: number,
  school: number,
  fromDepth: number,
  toDepth: number,
  items: Float64Array | null,
  options: Float64Array | null,
): void {
  const r = w.reasons;
  r.year[f] = w.year;
  r.choice[f] = choice;
  r.school[f] = school;
  r.fromDepth[f] = fromDepth;
  r.toDepth[f] = toDepth;
  // One test per array rather than one per element: this runs for every search and every
  // partner decision (about 40,000 times a default run).
  const base = f * ITEM_COUNT;
  const ri = r.items;
  if (items !== null) for (let i = 0; i < ITEM_COUNT; i++) ri[base + i] = items[i];
  else for (let i = 0; i < ITEM_COUNT; i++) ri[base + i] = 0;
  const ob = f * 4;
  const ro = r.options;
  if (options !== null) {
    ro[ob] = options[0];
    ro[ob + 1] = options[1];
    ro[ob + 2] = options[2];
    ro[ob + 3] = options[3];
  } else {
    ro[ob] = NaN;
    ro[ob + 1] = NaN;
    ro[ob + 2] = NaN;
    ro[ob + 3] = NaN;
  }
}
