import { METRIC_INDEX, type MetricName } from '../../model/metrics.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import type { Formatter } from '../i18n/format.ts';
import type { Translate } from '../i18n/messages.ts';
import { metricOf } from '../../runner/run-metrics.ts';

/** Counts of what changed in the network from one year to the next. */
export interface YearChanges {
  started: number;
  ended: number;
  /** Of the ended ones, how many had begun the year before (NaN when unknown). */
  endedAfterOneYear: number;
  deeper: number;
  shallower: number;
  deepNow: number;
  deepBefore: number;
}

const key = (f: number, s: number) => f * 1048576 + s;

function depthMap(edges: Int32Array | undefined): Map<number, number> {
  const m = new Map<number, number>();
  if (edges) for (let i = 0; i < edges.length; i += 3) m.set(key(edges[i], edges[i + 1]), edges[i + 2] & 7);
  return m;
}

/** What changed between year y−1 and year y of a run's network history. Pure. */
export function yearChanges(network: readonly Int32Array[], y: number): YearChanges {
  const now = depthMap(network[y]);
  const before = depthMap(y > 0 ? network[y - 1] : undefined);
  const twoBefore = y > 1 ? depthMap(network[y - 2]) : null;
  const c: YearChanges = { started: 0, ended: 0, endedAfterOneYear: twoBefore ? 0 : NaN, deeper: 0, shallower: 0, deepNow: 0, deepBefore: 0 };
  for (const [k, d] of now) {
    if (d >= 3) c.deepNow++;
    const p = before.get(k);
    if (p === undefined) c.started++;
    else if (d > p) c.deeper++;
    else if (d < p) c.shallower++;
  }
  for (const [k, d] of before) {
    if (d >= 3) c.deepBefore++;
    if (!now.has(k)) {
      c.ended++;
      if (twoBefore && !twoBefore.has(k)) c.endedAfterOneYear++;
    }
  }
  return c;
}

/**
 * A short account of year y of a run for the step-by-step view: what started, ended,
 * deepened, where cooperation stands and what government spent. Pure.
 */
export function yearStory(out: RunOutput, y: number, t: Translate, fmt: Formatter): string[] {
  const net = out.network ?? [];
  const m = (name: MetricName, year: number) => metricOf(out, name, year);
  if (y === 0) {
    const c = yearChanges(net, 0);
    return [
      t('story.start', {
        partnerships: fmt.integer(m('partnerships', 0)),
        deep: fmt.integer(c.deepNow),
        friendship: fmt.percent(m('friendship_share', 0)),
      }),
      t('story.cooperating', {
        share: fmt.percent(m('firms_cooperating_share', 0), 1),
        diff: fmt.points(m('firms_cooperating_share', 0) - out.initial[METRIC_INDEX.firms_cooperating_share], 1),
        depth: fmt.number(m('mean_depth', 0), 2),
      }),
    ];
  }
  const c = yearChanges(net, y);
  const lines = [
    t('story.started', { n: fmt.integer(c.started) }),
    Number.isNaN(c.endedAfterOneYear)
      ? t('story.endedPlain', { n: fmt.integer(c.ended) })
      : t('story.ended', { n: fmt.integer(c.ended), oneYear: fmt.integer(c.endedAfterOneYear) }),
    t('story.deeper', { n: fmt.integer(c.deeper), m: fmt.integer(c.shallower) }),
    t('story.cooperating', {
      share: fmt.percent(m('firms_cooperating_share', y), 1),
      diff: fmt.points(m('firms_cooperating_share', y) - m('firms_cooperating_share', y - 1), 1),
      depth: fmt.number(m('mean_depth', y), 2),
    }),
    t('story.deepNow', { n: fmt.integer(c.deepNow), diff: fmt.signed(c.deepNow - c.deepBefore, 0) }),
  ];
  const benefit = m('firm_net_benefit_mean', y);
  if (Number.isFinite(benefit))
    lines.push(t('story.benefit', { v: fmt.kYuan(benefit, 1), loss: fmt.percent(m('coop_firms_loss_share', y)) }));
  const fiscal = m('fiscal_cost', y);
  lines.push(fiscal > 0 ? t('story.fiscal', { v: fmt.mYuan(fiscal, 2) }) : t('story.noFiscal'));
  return lines;
}
