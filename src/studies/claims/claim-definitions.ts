import { METRIC_NAMES, type MetricName } from '../../model/metrics.ts';

/** Reads one metric of one scenario for the seed and year under test. */
export type Read = (scenario: string, metric: MetricName) => number;

/**
 * One testable part of a claim: for each seed and year it gives a reference and a
 * current value (paired, same seed), and the claim says on which side of the reference
 * the current value lies (`sign` of current − reference).
 */
export interface Criterion {
  /** What is tested, in words a reader of the report can check against the numbers. */
  test: string;
  /** Shipped scenarios (file names without .json) it reads. */
  scenarios: readonly string[];
  /** Output columns it reads. */
  metrics: readonly MetricName[];
  /** Claimed sign of current − reference. */
  sign: 1 | -1;
  /** Reference and current value for one seed and year. */
  pair(read: Read): readonly [number, number];
  /**
   * When the direction is fixed by a formula rather than emerging from agents' choices:
   * the formula. The verdict is then "holds by construction".
   */
  byConstruction?: string;
  /** Numbers that explain a failure (given the means across seeds at a year). */
  explain?(mean: Read): string;
}

/** One of the seven claims of the seed paper. */
export interface ClaimDefinition {
  id: number;
  claim: string;
  criteria: readonly Criterion[];
}

const deep = (read: Read, s: string) => read(s, 'depth_3_share') + read(s, 'depth_4_share');

/** Paired effect of scenario `s` against `base` on one metric, with a claimed sign. */
function effect(s: string, metric: MetricName, sign: 1 | -1, base = 'baseline', byConstruction?: string): Criterion {
  return {
    test: `${metric}: ${s} − ${base} ${sign > 0 ? '> 0' : '< 0'}`,
    scenarios: [base, s],
    metrics: [metric],
    sign,
    pair: (read) => [read(base, metric), read(s, metric)],
    byConstruction,
  };
}

/** A level of the status quo against a threshold. */
function level(metric: MetricName, threshold: number, what: string): Criterion {
  return {
    test: `${what}: ${metric} (baseline) − ${threshold} > 0`,
    scenarios: ['baseline'],
    metrics: [metric],
    sign: 1,
    pair: (read) => [threshold, read('baseline', metric)],
  };
}

const SINGLE_LEVERS = ['tax-relief', 'law', 'groups-evaluation'] as const;
const PACKAGE = 'full-package';

/**
 * Claim 7 per M¥ without dividing by a cost that can be zero: the package's extra deep
 * partnerships scaled to the single lever's extra fiscal cost, minus the single lever's
 * own. Positive means the package buys more depth per M¥ (for two priced levers this is
 * the difference of their ratios times the single lever's cost); a lever that costs
 * nothing and adds depth cannot be beaten.
 */
function perFiscalCost(single: string): Criterion {
  const gain = (read: Read, s: string) => read(s, 'deep_partnerships') - read('baseline', 'deep_partnerships');
  const cost = (read: Read, s: string) => read(s, 'fiscal_cost') - read('baseline', 'fiscal_cost');
  return {
    test: `deep partnerships per M¥ of fiscal_cost (against baseline): ${PACKAGE} − ${single} > 0, compared at ${single}'s extra cost`,
    scenarios: ['baseline', single, PACKAGE],
    metrics: ['deep_partnerships', 'fiscal_cost'],
    sign: 1,
    pair: (read) => {
      const fullCost = cost(read, PACKAGE);
      if (!(fullCost > 0)) return [NaN, NaN];
      return [gain(read, single), (gain(read, PACKAGE) * cost(read, single)) / fullCost];
    },
    explain: (mean) => {
      const line = (s: string) => {
        const g = gain(mean, s);
        const c = cost(mean, s);
        const per = c > 1e-9 ? `${(g / c).toFixed(2)} per M¥` : 'at no fiscal cost';
        return `${s} ${signed(g, 1)} deep partnerships for ${signed(c, 2)} M¥ a year (${per})`;
      };
      // Every fiscal_* column but the total is one of its parts.
      const parts = METRIC_NAMES.filter((n) => n.startsWith('fiscal_') && n !== 'fiscal_cost')
        .map((n) => [n, mean(PACKAGE, n) - mean('baseline', n)] as const)
        .filter(([, v]) => Math.abs(v) >= 0.005)
        .map(([n, v]) => `${n} ${signed(v, 2)}`);
      return `${line(PACKAGE)}; ${line(single)}; the package's extra cost: ${parts.join(', ')} M¥`;
    },
  };
}

function signed(v: number, digits: number): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
}

/**
 * The seven claims, each as paired comparisons of shipped scenarios (see the claims
 * section of docs/ODD.md). Thresholds in claim 1 are the words of the claim made
 * numbers: "mostly" is a majority, "often one-time" is more than 30% of new
 * partnerships ending after their first year.
 */
export const CLAIMS: readonly ClaimDefinition[] = [
  {
    id: 1,
    claim: 'Status quo: shallow, short-term, friendship-based cooperation; firms cold, schools hot',
    criteria: [
      {
        test: 'shallow: depth_1_share / firms_cooperating_share (baseline) − 0.5 > 0',
        scenarios: ['baseline'],
        metrics: ['depth_1_share', 'firms_cooperating_share'],
        sign: 1,
        pair: (read) => [0.5, read('baseline', 'depth_1_share') / read('baseline', 'firms_cooperating_share')],
      },
      level('one_year_share', 0.3, 'often one-time'),
      level('friendship_share', 0.5, 'mostly friendship-based'),
      {
        test: 'firms cold, schools hot: school_willingness − firm_willingness (baseline) > 0',
        scenarios: ['baseline'],
        metrics: ['school_willingness', 'firm_willingness'],
        sign: 1,
        pair: (read) => [read('baseline', 'firm_willingness'), read('baseline', 'school_willingness')],
      },
    ],
  },
  {
    id: 2,
    claim: 'Weak school conditions keep firms away; improving them deepens cooperation',
    criteria: [effect('school-conditions', 'firms_cooperating_share', 1), effect('school-conditions', 'mean_depth', 1)],
  },
  {
    id: 3,
    claim: 'Tax relief alone raises participation; depth follows only where school conditions allow',
    criteria: [
      {
        ...effect('tax-relief', 'firms_cooperating_share', 1),
        // Relief reaches only certified firms, and only through investment shallow partnerships do not make.
        explain: (mean) => {
          const posts = (s: string) => mean(s, 'depth_2_share') + mean(s, 'depth_3_share') + mean(s, 'depth_4_share');
          return (
            `tax-relief certifies ${(100 * mean('tax-relief', 'certified_share')).toFixed(2)}% of firms and credits ` +
            `${mean('tax-relief', 'fiscal_tax_forgone').toFixed(3)} M¥ a year; only ${(100 * posts('baseline')).toFixed(2)}% of firms ` +
            `(status quo) hold the contract partnership at depth 2 or more that may apply, and the credit is a share of ` +
            `investment in bases and curricula, which a shallow partnership does not make, so it does not reach a firm deciding whether to cooperate at all`
          );
        },
      },
      {
        test: 'complementarity, deep share (depth 3+4): (tax-relief-strong-schools − school-conditions) − (tax-relief − baseline) > 0',
        scenarios: ['baseline', 'tax-relief', 'school-conditions', 'tax-relief-strong-schools'],
        metrics: ['depth_3_share', 'depth_4_share'],
        sign: 1,
        pair: (read) => [deep(read, 'tax-relief') - deep(read, 'baseline'), deep(read, 'tax-relief-strong-schools') - deep(read, 'school-conditions')],
      },
    ],
  },
  {
    id: 4,
    claim: 'Law protects both sides, raises retention and trust, but a pay floor raises costs',
    criteria: [
      effect('law', 'retention_rate', 1, 'baseline', 'retention of a contract partnership\'s hires = retentionBase + retentionPerDepth·(depth − 1) + law·lawRetention'),
      // Not by construction: law lowers dispute risk (lawDisputeCut), so fewer partnerships lose trust.
      effect('law', 'mean_trust', 1),
      effect('law', 'intern_output_to_cost', -1, 'baseline', 'intern pay share = internPayShare + law·(internPayFloor − internPayShare): the pay floor raises pay by definition'),
    ],
  },
  {
    id: 5,
    claim: 'Groups with regular evaluation cut one-time cooperation and raise depth',
    criteria: [effect('groups-evaluation', 'one_year_share', -1), effect('groups-evaluation', 'mean_depth', 1)],
  },
  {
    id: 6,
    claim: "Cheap labour oversupply suppresses low-tech firms' cooperation",
    criteria: [
      effect('cheap-labour-scarce', 'participation_low_tech', 1),
      {
        test: 'low-tech specific: (participation_low_tech − participation_high_tech) under cheap-labour-scarce − baseline > 0',
        scenarios: ['baseline', 'cheap-labour-scarce'],
        metrics: ['participation_low_tech', 'participation_high_tech'],
        sign: 1,
        pair: (read) => [
          read('cheap-labour-scarce', 'participation_high_tech') - read('baseline', 'participation_high_tech'),
          read('cheap-labour-scarce', 'participation_low_tech') - read('baseline', 'participation_low_tech'),
        ],
      },
    ],
  },
  {
    id: 7,
    claim: 'The full package beats any single lever per unit of fiscal cost (or the model says why not)',
    criteria: SINGLE_LEVERS.map(perFiscalCost),
  },
];

/** Every shipped scenario the claims read, in first-use order. */
export function claimScenarios(claims: readonly ClaimDefinition[] = CLAIMS): string[] {
  const out: string[] = [];
  for (const c of claims) for (const k of c.criteria) for (const s of k.scenarios) if (!out.includes(s)) out.push(s);
  return out;
}
