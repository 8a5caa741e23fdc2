/**
 * The per-year output columns, in output order, with their meaning and unit.
 * Money is in thousand yuan (k¥) per year unless a column says otherwise. An average over
 * nothing (no partnerships, no cooperating low-tech firms, …) is undefined: the model
 * records NaN, CSV output writes an empty cell, JSON output null, and ensemble statistics
 * skip it rather than count it as 0.
 */
export const METRICS = [
  ['firms_cooperating_share', 'share of firms with at least one active partnership', 'share'],
  ['mean_depth', 'mean depth (1–4) of active partnerships; empty when there are none', 'level'],
  ['depth_0_share', 'share of firms not cooperating', 'share'],
  ['depth_1_share', 'share of firms whose deepest partnership is shallow (1)', 'share'],
  ['depth_2_share', 'share of firms whose deepest partnership is an order class / co-developed curriculum (2)', 'share'],
  ['depth_3_share', 'share of firms whose deepest partnership is a joint training base / co-built major (3)', 'share'],
  ['depth_4_share', 'share of firms whose deepest partnership is integrated (4)', 'share'],
  ['partnerships', 'number of active partnerships', 'count'],
  ['deep_partnerships', 'number of active partnerships at depth 3 or 4', 'count'],
  ['one_year_share', 'share of last year\'s new partnerships that ended after one year (one-time cooperation); empty when there were none', 'share'],
  ['mean_partnership_age', 'mean age of active partnerships; empty when there are none', 'years'],
  ['mean_trust', 'mean trust of active partnerships; empty when there are none', '0–1'],
  ['friendship_share', 'share of active partnerships resting on personal ties rather than a contract; empty when there are none', 'share'],
  ['employment_rate', 'share of this year\'s graduates employed', 'share'],
  ['graduate_skill', 'mean skill of this year\'s graduates', '0–1'],
  ['retention_rate', 'share of graduates hired by partner firms who stay (service term held); empty when none were hired', 'share'],
  ['school_facilities', 'mean school training conditions', '0–1'],
  ['school_teacher_practice', 'mean practical skill of school teachers', '0–1'],
  ['school_alignment', 'mean fit of majors to regional industry', '0–1'],
  ['firm_net_benefit_mean', 'mean realised net benefit of cooperation per cooperating firm; empty when no firm cooperates', 'k¥'],
  ['firm_net_benefit_low_tech', 'mean realised net benefit per cooperating low-tech firm; empty when no low-tech firm cooperates', 'k¥'],
  ['firm_net_benefit_high_tech', 'mean realised net benefit per cooperating high-tech firm; empty when no high-tech firm cooperates', 'k¥'],
  ['coop_firms_loss_share', 'share of cooperating firms with a net loss this year; empty when no firm cooperates', 'share'],
  ['participation_low_tech', 'share of low-tech firms cooperating; empty when there are no low-tech firms', 'share'],
  ['participation_high_tech', 'share of high-tech firms cooperating; empty when there are no high-tech firms', 'share'],
  ['intern_output_to_cost', 'value of intern output over gross training cost (pay, supervision, curriculum, equipment); empty when nothing was spent', 'ratio'],
  ['certified_share', 'share of firms certified as industry–education integration enterprises', 'share'],
  ['fiscal_cost', 'government cost this year: tax forgone + subsidies + school funding + evaluation rewards + administrative running cost', 'M¥'],
  ['fiscal_tax_forgone', 'education-surcharge credit certified firms used this year (tax relief actually granted)', 'M¥'],
  ['fiscal_subsidies', 'intern subsidies paid', 'M¥'],
  ['fiscal_school_funding', 'funding paid to schools', 'M¥'],
  ['fiscal_evaluation_rewards', 'rewards paid to firms by group evaluations', 'M¥'],
  ['school_willingness', 'colleges\' mean probability of choosing to deepen an active partnership below depth 4 (the college\'s logit probability of up among leave / down / stay / up; 0 where its staff have no time for more); empty when there is none', 'share'],
  ['firm_willingness', 'firms\' mean probability of choosing to deepen an active partnership below depth 4 (the firm\'s logit probability of up among leave / down / stay / up, the same choice as school_willingness); empty when there is none', 'share'],
  ['school_capacity_use', 'colleges\' mean share of capacity used: staff time their partnerships take over coordinatingStaff × staffCost (0–1)', 'share'],
  ['schools_full_share', 'share of colleges whose coordinating staff have no time left for another shallow partnership', 'share'],
  ['fiscal_admin_cost', 'running cost of levers without transfers: group secretariats, evaluations, the data platform, law enforcement', 'M¥'],
] as const satisfies readonly (readonly [string, string, string])[];

/** Name of one output column (besides `year`). */
export type MetricName = (typeof METRICS)[number][0];

/** All metric names in output order. */
export const METRIC_NAMES: readonly MetricName[] = METRICS.map((m) => m[0]);

/** Number of metrics per year. */
export const METRIC_COUNT = METRICS.length;

/** Column index of each metric. */
export const METRIC_INDEX: Readonly<Record<MetricName, number>> = Object.fromEntries(
  METRIC_NAMES.map((n, i) => [n, i]),
) as Record<MetricName, number>;

/** Variables a lever expression may read: the year and last year's metrics. */
export const EXPRESSION_VARIABLES: readonly string[] = ['year', ...METRIC_NAMES];
