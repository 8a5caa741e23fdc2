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
  // partner decision (about 40,000 times a default run). The copy is written out: as a loop
  // it took about 25 instructions an element (the bound ITEM_COUNT read from its module and
  // both arrays' maps checked at every turn). A test fails if an item is added and not here.
  const base = f * ITEM_COUNT;
  const ri = r.items;
  if (items !== null) {
    ri[base] = items[0];
    ri[base + 1] = items[1];
    ri[base + 2] = items[2];
    ri[base + 3] = items[3];
    ri[base + 4] = items[4];
    ri[base + 5] = items[5];
    ri[base + 6] = items[6];
    ri[base + 7] = items[7];
    ri[base + 8] = items[8];
    ri[base + 9] = items[9];
    ri[base + 10] = items[10];
    ri[base + 11] = items[11];
    ri[base + 12] = items[12];
    ri[base + 13] = items[13];
  } else ri.fill(0, base, base + ITEM_COUNT);
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
