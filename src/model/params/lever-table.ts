/**
 * The policy levers: one row each, in the order the scenario documents list them. Everything
 * else that knows the levers reads this table: the scenario schema (range, status quo,
 * source), the compiled levers, the world's lever values, the app's controls and link names,
 * and the tests that draw levers at random. Adding a lever means its row here, its
 * mechanism in the model's phases, its two app strings (`lever.NAME`, `lever.NAME.help`)
 * and its control; a test fails on whichever of those is missing.
 */
export const LEVER_TABLE = {
  law: {
    range: [0, 1],
    statusQuo: 0,
    source: 'the seed: no law yet guarantees the rights and duties of schools, firms and students',
  },
  internPayFloor: {
    range: [0, 2],
    statusQuo: 0.8,
    source:
      "2021 internship rules, Art. 18: interns working relatively independently on a post get at least 80% of the same post's wage; applies to post internships (depth 2 and more), not to short visits; complied with by mechanisms.payFloorCompliance, more under law",
  },
  taxRelief: {
    range: [0, 1],
    statusQuo: 0,
    source: 'status quo 0; China 2019: 30% of qualifying investment of certified firms offset against education surcharges (Caishui [2019] No. 46)',
  },
  greenChannel: {
    range: [0, 1],
    statusQuo: 0,
    source: 'status quo 0: no cut in administrative cost for certified firms',
  },
  groups: {
    range: [0, 1],
    statusQuo: 0.1,
    source:
      '1,406 vocational education groups with 24,369 member firms at end-2016 (Wang Jiaojiao 2022); assumption: about a tenth of firms and colleges in a working group',
  },
  subsidyPerInternMonth: {
    range: [0, 1000],
    statusQuo: 0,
    source: 'status quo 0 (k¥ per intern-month in a contract partnership, so a 6-month placement earns four times a 1.5-month visit)',
  },
  schoolFunding: {
    range: [0, 1000],
    statusQuo: 0,
    source: 'status quo 0 (M¥ per college per year; only colleges that pass evaluation when evaluations run)',
  },
  dataPlatform: {
    range: [0, 1],
    statusQuo: 0,
    source: 'status quo 0: no big-data matching platform',
  },
} as const satisfies Record<string, { range: readonly [number, number]; statusQuo: number; source: string }>;

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
