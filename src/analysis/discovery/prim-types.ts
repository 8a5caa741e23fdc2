/** A factor of a sweep as PRIM sees it: numbers are peeled at quantiles, text values one category at a time. */
export type PrimFactor =
  | { readonly name: string; readonly kind: 'numeric'; readonly values: readonly number[] }
  | { readonly name: string; readonly kind: 'categorical'; readonly values: readonly string[] };

/** A box's limit on one factor: a closed interval of values, or the categories it keeps. */
export type FactorLimit =
  | { readonly kind: 'numeric'; readonly lower: number; readonly upper: number }
  | { readonly kind: 'categorical'; readonly categories: readonly string[] };

/** The data PRIM searches: one row per run, `interesting[i]` whether run i meets the condition. */
export interface PrimData {
  readonly factors: readonly PrimFactor[];
  readonly interesting: readonly boolean[];
}

/** Settings of {@link prim}, with the EMA Workbench's defaults. */
export interface PrimOptions {
  /** Share of the box's runs one peel removes (EMA Workbench default 0.05). */
  peelAlpha: number;
  /** Share of the candidates one paste adds back (EMA Workbench default 0.05). */
  pasteAlpha: number;
  /** Smallest share of all runs a box may hold (EMA Workbench default 0.05). */
  massMin: number;
  /** Most boxes found by covering. */
  maxBoxes: number;
  /** Pick the step covering most hits with at least this density; null: the step with the best harmonic mean of coverage and density. */
  minDensity: number | null;
}

/** One point of a peeling trajectory. */
export interface PrimStep {
  /** 1-based box number. */
  readonly box: number;
  readonly step: number;
  readonly phase: 'start' | 'peel' | 'paste';
  /** Runs in the box. */
  readonly n: number;
  /** Runs in the box that meet the condition. */
  readonly hits: number;
  /** Share of all runs in the box. */
  readonly mass: number;
  /** Share of all runs meeting the condition that are in the box. */
  readonly coverage: number;
  /** Share of the box's runs meeting the condition. */
  readonly density: number;
  /** Factors the box restricts. */
  readonly restricted: readonly string[];
  readonly limits: readonly FactorLimit[];
}

/**
 * The quasi-p-value of one limit of a box: the chance, under a one-sided binomial test,
 * of at least as many hits in the box if the limit were dropped (Bryant & Lempert 2010,
 * as the EMA Workbench computes it). Small values mean the limit matters.
 */
export interface LimitSignificance {
  readonly factor: string;
  /** For numbers: of the lower and of the upper limit (NaN where the limit is not restricted); for categories, in `lower`. */
  readonly lower: number;
  readonly upper: number;
}

/** A box chosen by PRIM: the picked step of its peeling trajectory, after pasting. */
export interface PrimBox extends PrimStep {
  readonly significance: readonly LimitSignificance[];
  /** Every step: the peels, then the pastes of the picked step. */
  readonly trajectory: readonly PrimStep[];
  /** The step of the peels that was picked and pasted. */
  readonly picked: number;
}

/** What {@link prim} returns. */
export interface PrimResult {
  /** Runs searched, and runs meeting the condition. */
  readonly n: number;
  readonly hits: number;
  readonly boxes: readonly PrimBox[];
  /** Why covering stopped, in words. */
  readonly stopped: string;
}
