/**
 * How the app's slider for a lever looks. The scenario accepts the lever's whole `range`;
 * the slider spans the part a reader of the policy panel tries, and a scenario file or a
 * link can still go beyond it up to the range.
 */
export interface LeverControl {
  /** Place in the app's policy panel, from 1 (the panel has its own order, not the table's). */
  panel: number;
  /** The slider's ends, inside `range`. */
  slider: readonly [number, number];
  step: number;
  /** Shown as a percentage of 1, or as a plain number in `unit`. */
  display: 'percent' | 'number';
  /** The unit shown after the value: the app string `unit.UNIT`. */
  unit: string;
  /** Named points on the slider; each label is the app string `level.LABEL`. */
  levels: readonly { value: number; label: string }[];
  /** Why the slider spans and steps as it does. */
  reason: string;
}

/** One policy lever: its range, its status quo and where that comes from, and its app control. */
export interface LeverRow {
  range: readonly [number, number];
  statusQuo: number;
  source: string;
  control: LeverControl;
}

/** Percentage sliders over the whole of a 0–1 lever move in steps of 5 points. */
const FIVE_POINTS = 'assumption: the whole range in steps of 5 percentage points, on which every named level falls';

/**
 * The policy levers: one row each, in the order the scenario documents list them. Everything
 * else that knows the levers reads this table: the scenario schema (range, status quo,
 * source), the compiled levers, the world's lever values, the app's controls (`control`) and
 * link names, and the tests that draw levers at random. Adding a lever means its row here,
 * its mechanism in the model's phases and its two app strings (`lever.NAME`,
 * `lever.NAME.help`) in English and Chinese; a test fails on whichever of those is missing.
 */
export const LEVER_TABLE = {
  law: {
    range: [0, 1],
    statusQuo: 0,
    source: 'the seed: no law yet guarantees the rights and duties of schools, firms and students',
    control: {
      panel: 2,
      slider: [0, 1],
      step: 0.05,
      display: 'percent',
      unit: 'enforcement',
      levels: [
        { value: 0, label: 'noLaw' },
        { value: 0.5, label: 'partlyEnforced' },
        { value: 1, label: 'fullyEnforced' },
      ],
      reason: FIVE_POINTS,
    },
  },
  internPayFloor: {
    range: [0, 2],
    statusQuo: 0.8,
    source:
      "2021 internship rules, Art. 18: interns working relatively independently on a post get at least 80% of the same post's wage; applies to post internships (depth 2 and more), not to short visits; complied with by mechanisms.payFloorCompliance, more under law",
    control: {
      panel: 3,
      slider: [0, 1.2],
      step: 0.05,
      display: 'percent',
      unit: 'shareOfWage',
      levels: [
        { value: 0.6, label: 'payFloor.typical' },
        { value: 0.8, label: 'payFloor.rules2021' },
        { value: 1, label: 'payFloor.full' },
      ],
      reason: 'assumption: up to a fifth above the full wage, past every named level; floors above that (up to twice the wage) are for scenario files',
    },
  },
  taxRelief: {
    range: [0, 1],
    statusQuo: 0,
    source: 'status quo 0; China 2019: 30% of qualifying investment of certified firms offset against education surcharges (Caishui [2019] No. 46)',
    control: {
      panel: 1,
      slider: [0, 1],
      step: 0.05,
      display: 'percent',
      unit: 'shareOfSpending',
      levels: [
        { value: 0, label: 'none' },
        { value: 0.3, label: 'taxRelief.china2019' },
        { value: 0.6, label: 'generous' },
      ],
      reason: FIVE_POINTS,
    },
  },
  greenChannel: {
    range: [0, 1],
    statusQuo: 0,
    source: 'status quo 0: no cut in administrative cost for certified firms',
    control: {
      panel: 4,
      slider: [0, 1],
      step: 0.05,
      display: 'percent',
      unit: 'costCut',
      levels: [
        { value: 0, label: 'none' },
        { value: 0.5, label: 'halved' },
        { value: 1, label: 'waived' },
      ],
      reason: FIVE_POINTS,
    },
  },
  groups: {
    range: [0, 1],
    statusQuo: 0.1,
    source:
      '1,406 vocational education groups with 24,369 member firms at end-2016 (Wang Jiaojiao 2022); assumption: about a tenth of firms and colleges in a working group',
    control: {
      panel: 5,
      slider: [0, 1],
      step: 0.05,
      display: 'percent',
      unit: 'coverage',
      levels: [
        { value: 0.1, label: 'groups.today' },
        { value: 0.5, label: 'half' },
        { value: 0.8, label: 'most' },
      ],
      reason: FIVE_POINTS,
    },
  },
  subsidyPerInternMonth: {
    range: [0, 1000],
    statusQuo: 0,
    source: 'status quo 0 (k¥ per intern-month in a contract partnership, so a 6-month placement earns four times a 1.5-month visit)',
    control: {
      panel: 6,
      slider: [0, 3],
      step: 0.1,
      display: 'number',
      unit: 'kYuanPerInternMonth',
      levels: [
        { value: 0, label: 'none' },
        { value: 0.4, label: 'subsidy.apprenticeship' },
        { value: 1.5, label: 'generous' },
      ],
      reason: 'assumption: up to twice the generous level in steps of 0.1 k¥ (100 ¥ a month); larger subsidies, up to the range, are for scenario files',
    },
  },
  schoolFunding: {
    range: [0, 1000],
    statusQuo: 0,
    source: 'status quo 0 (M¥ per college per year; only colleges that pass evaluation when evaluations run)',
    control: {
      panel: 7,
      slider: [0, 5],
      step: 0.25,
      display: 'number',
      unit: 'mYuanPerCollege',
      levels: [
        { value: 0, label: 'none' },
        { value: 1, label: 'funding.moderate' },
        { value: 3, label: 'generous' },
      ],
      reason: 'assumption: up to 5 M¥ a college a year, beyond the generous level, in quarter-million steps; larger sums, up to the range, are for scenario files',
    },
  },
  dataPlatform: {
    range: [0, 1],
    statusQuo: 0,
    source: 'status quo 0: no big-data matching platform',
    control: {
      panel: 8,
      slider: [0, 1],
      step: 0.05,
      display: 'percent',
      unit: 'use',
      levels: [
        { value: 0, label: 'none' },
        { value: 0.5, label: 'partial' },
        { value: 1, label: 'fullUse' },
      ],
      reason: FIVE_POINTS,
    },
  },
} as const satisfies Record<string, LeverRow>;

/** The policy levers' names. */
export type LeverName = keyof typeof LEVER_TABLE;

/** Every policy lever, in the table's order. */
export const LEVER_NAMES = Object.keys(LEVER_TABLE) as readonly LeverName[];

/** A value for every lever, built by `f` from the lever's name, in the table's order. */
export function perLever<T>(f: (name: LeverName) => T): Record<LeverName, T> {
  return Object.fromEntries(LEVER_NAMES.map((name) => [name, f(name)])) as Record<LeverName, T>;
}

/** Allowed range of each policy lever. */
export const LEVER_RANGE: Readonly<Record<LeverName, readonly [number, number]>> = perLever((name) => LEVER_TABLE[name].range);
