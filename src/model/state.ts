import type { Scenario } from './params/schema.ts';
import type { CompiledLevers, LeverValues } from './params/compile-levers.ts';
import type { Rng } from './rng.ts';

/** Partnership depth: 0 none, 1 shallow, 2 order class, 3 joint base, 4 integrated. */
export type Depth = 0 | 1 | 2 | 3 | 4;
/** Partnership basis. */
export const FRIENDSHIP = 0;
export const CONTRACT = 1;

/** Colleges, one typed array per field; a school is an index. */
export interface Schools {
  readonly n: number;
  readonly region: Int32Array;
  readonly sector: Int32Array;
  readonly facilities: Float64Array;
  readonly teacherPractice: Float64Array;
  readonly alignment: Float64Array;
  /** Each college's own level of conditions, toward which they relax without partners. */
  readonly ownFacilities: Float64Array;
  readonly ownTeacherPractice: Float64Array;
  readonly ownAlignment: Float64Array;
  readonly reputation: Float64Array;
  /** Graduate skill of the current cohort (0–1). */
  readonly skill: Float64Array;
  readonly employment: Float64Array;
  readonly inGroup: Uint8Array;
  /** Fixed uniform draw: a college is in a group when the draw is below group coverage. */
  readonly groupDraw: Float64Array;
  /** Staff time (k¥ a year) the college's partnerships take: its use of capacity. */
  readonly load: Float64Array;
  /** Graduates hired by partner firms this year. */
  readonly partnerHires: Float64Array;
  /** Passed the last evaluation (qualifies for conditional funding). */
  readonly passed: Uint8Array;
}

/** Enterprises, one typed array per field; a firm is an index. */
export interface Firms {
  readonly n: number;
  readonly region: Int32Array;
  readonly sector: Int32Array;
  /** 0 low-tech, 1 high-tech. */
  readonly tech: Uint8Array;
  /** Size relative to the average firm (scales interns and hires). */
  readonly scale: Float64Array;
  readonly wage: Float64Array;
  readonly discount: Float64Array;
  /** Learned attitude to cooperation (added to the value of cooperating, in noise units). */
  readonly attitude: Float64Array;
  /** The firm's own disposition: the attitude it relaxes back toward as experience fades. */
  readonly attitudePrior: Float64Array;
  /** How much the firm gets out of interns (multiplies intern output). */
  readonly fit: Float64Array;
  readonly inGroup: Uint8Array;
  readonly groupDraw: Float64Array;
  readonly certified: Uint8Array;
  /** Flagged by the last evaluation for a formal, shallow partnership. */
  readonly flagged: Uint8Array;
  /** Realised net benefit of cooperation this year (k¥). */
  readonly net: Float64Array;
  /** Realised net benefit in units of the firm's stakes (the learning signal). */
  readonly payoff: Float64Array;
  /** Fiscal receipts this year (tax relief, subsidy, evaluation reward; k¥). */
  readonly receipts: Float64Array;
  /** Year from which the firm's certification has lapsed and must be screened again. */
  readonly certifiedUntil: Int32Array;
  /** Education-surcharge credit earned but not yet used, carried to later years (k¥). */
  readonly taxCarry: Float64Array;
}

/** Partnership slots: firm f owns slots f*K … f*K+K−1; an empty slot has school −1. */
export interface Partnerships {
  readonly perFirm: number;
  readonly school: Int32Array;
  readonly depth: Uint8Array;
  readonly basis: Uint8Array;
  readonly age: Int32Array;
  readonly startYear: Int32Array;
  readonly trust: Float64Array;
  readonly interns: Float64Array;
  readonly hires: Float64Array;
  readonly retained: Float64Array;
  /** This year's realised net benefit for the firm / value for the college (k¥). */
  readonly firmNet: Float64Array;
  readonly schoolNet: Float64Array;
  /** Running totals since the partnership began (k¥; single precision: they are only read for inspection). */
  readonly firmNetTotal: Float32Array;
  readonly schoolNetTotal: Float32Array;
  /** Equipment and base investment sunk into the partnership so far (k¥). */
  readonly sunk: Float32Array;
  /** Probability the firm / the college wanted to deepen at the last decision. */
  readonly firmWantsUp: Float64Array;
  readonly schoolWantsUp: Float64Array;
}

/** Regional labour markets. */
export interface Labour {
  readonly cheapLabour: Float64Array;
}

/** The reasons behind each firm's last decision (benefit and cost items, k¥ per year). */
export interface Reasons {
  /** Year of the last decision, −1 if none. */
  readonly year: Int32Array;
  /** Code of the choice: see {@link CHOICES}. */
  readonly choice: Uint8Array;
  readonly school: Int32Array;
  readonly fromDepth: Uint8Array;
  readonly toDepth: Uint8Array;
  /**
   * Items of the chosen option, ITEM_COUNT per firm. Single precision is plenty for an
   * explanation in k¥ and halves the memory written by every decision at national scale.
   */
  readonly items: Float32Array;
  /** Discounted value (k¥) of leave / down / stay / up (or stay out / enter 1 / enter 2), 4 per firm. */
  readonly options: Float32Array;
}

/** Decision codes stored in {@link Reasons.choice}. */
export const CHOICES = ['none', 'leave', 'down', 'stay', 'up', 'stay out', 'enter', 'dissolved', 'college left', 'college down'] as const;
export type Choice = (typeof CHOICES)[number];
export const CHOICE_CODE: Readonly<Record<Choice, number>> = Object.fromEntries(CHOICES.map((c, i) => [c, i])) as Record<Choice, number>;

/** Fiscal ledger of the current year (k¥). */
export interface Ledger {
  taxForgone: number;
  subsidies: number;
  schoolFunding: number;
  evaluationRewards: number;
  /** Running cost of levers without transfers: groups, evaluations, data platform, law enforcement. */
  adminCost: number;
}

/** Counters gathered while phases run, read by the recorder. */
export interface YearCounters {
  newLastYear: number;
  endedAfterOneYear: number;
  /** Of last year's new partnerships, those that ended because the firm closed. */
  closedAfterOneYear: number;
  internOutput: number;
  grossTrainingCost: number;
  hires: number;
  retained: number;
  graduates: number;
  employed: number;
  skillSum: number;
}

/** Streams of random numbers, one per phase. */
export interface Streams {
  readonly matching: Rng;
  readonly decisions: Rng;
  readonly employment: Rng;
  readonly learning: Rng;
  /** Which firms close and what replaces them. */
  readonly firmTurnover: Rng;
  /** The colleges' own decisions on their partnerships. */
  readonly schoolDecisions: Rng;
  /** Tie-breaks of the certification screening. */
  readonly certification: Rng;
}

/** The certification programme's state between years. */
export interface Certification {
  /** Share of last year's applicants certified: what a firm expects of its own application. */
  acceptRate: number;
  /** Fractional certification slot carried to next year (the quota is per college, slots are whole). */
  slotFraction: number;
}

/** Everything a run holds; phases are free functions over it. */
export interface World {
  /** The scenario being run (during spin-up: the same scenario with status-quo levers). */
  scenario: Scenario;
  readonly schools: Schools;
  readonly firms: Firms;
  readonly partnerships: Partnerships;
  readonly labour: Labour;
  readonly reasons: Reasons;
  levers: CompiledLevers;
  readonly streams: Streams;
  /** College indices grouped by region: schoolsOfRegion.slice(regionStart[r], regionStart[r+1]). */
  readonly schoolsOfRegion: Int32Array;
  readonly regionStart: Int32Array;
  /** Firm indices grouped by (region, sector) cell, for peer imitation. */
  readonly firmsOfCell: Int32Array;
  readonly cellStart: Int32Array;
  /** Scratch buffers reused every year (no allocation in the yearly loop). */
  readonly scratch: {
    items: Float64Array;
    items2: Float64Array;
    /** A decision's option values (for its reason) and utilities (for the logit choice). */
    options: Float64Array;
    utilities: Float64Array;
    schoolUtilities: Float64Array;
    attitude: Float64Array;
    schoolGains: Float64Array;
    schoolDepth: Float64Array;
  };
  year: number;
  lever: LeverValues;
  ledger: Ledger;
  counters: YearCounters;
  /** Last recorded metrics (for lever expressions), by name. */
  lastMetrics: Record<string, number>;
  certification: Certification;
}
