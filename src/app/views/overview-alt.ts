import type { Band } from '../../analysis/quantiles.ts';
import type { AppContext } from '../app-context.ts';
import type { ChartAlt } from './chart-table.ts';

/** The words of a small multiple: the last year against the comparison, and every year as a table. */
export function seriesAlt(
  ctx: AppContext,
  title: string,
  data: { years: ArrayLike<number>; current: Band; baseline: Band; ensemble: boolean },
  format: (v: number) => string,
  baseline: string,
): ChartAlt {
  const { t } = ctx;
  const last = data.years.length - 1;
  return {
    summary: () =>
      t('chart.alt.series', {
        title,
        year: last,
        current: format(data.current.mid[last]),
        baselineValue: format(data.baseline.mid[last]),
        baseline,
        current0: format(data.current.mid[0]),
        baseline0: format(data.baseline.mid[0]),
      }),
    table: () => ({
      caption: title,
      head: [t('chart.year'), baseline, t('legend.current'), ...(data.ensemble ? [t('chart.col.band', { label: t('legend.current') })] : [])],
      rows: Array.from({ length: data.years.length }, (_, y) => [
        y,
        format(data.baseline.mid[y]),
        format(data.current.mid[y]),
        ...(data.ensemble ? [`${format(data.current.lo[y])} – ${format(data.current.hi[y])}`] : []),
      ]),
    }),
  };
}

/** The words of the depth chart: deep and any cooperation in the last year; each depth's share per year. */
export function depthAlt(ctx: AppContext, title: string, current: Float64Array[], baselineRuns: Float64Array[], depthLabels: readonly string[], baseline: string): ChartAlt {
  const { t, fmt } = ctx;
  const years = current[0]?.length ?? 0;
  const last = years - 1;
  const sum = (layers: Float64Array[], from: number, y: number) => layers.slice(from).reduce((a, l) => a + l[y], 0);
  return {
    summary: () =>
      t('chart.alt.depth', {
        year: last,
        deep: fmt.percent(sum(current, 2, last)),
        baselineDeep: fmt.percent(sum(baselineRuns, 2, last)),
        any: fmt.percent(sum(current, 0, last)),
        baselineAny: fmt.percent(sum(baselineRuns, 0, last)),
        baseline,
      }),
    table: () => ({
      caption: title,
      head: [
        t('chart.year'),
        ...depthLabels.map((d) => t('chart.col.current', { depth: d })),
        ...depthLabels.map((d) => t('chart.col.baseline', { label: baseline, depth: d })),
      ],
      rows: Array.from({ length: years }, (_, y) => [y, ...current.map((l) => fmt.percent(l[y])), ...baselineRuns.map((l) => fmt.percent(l[y]))]),
    }),
  };
}

/** The words of the net-benefit chart: each tech level's net benefit in the last year; every year as a table. */
export function benefitAlt(
  ctx: AppContext,
  title: string,
  d: { low: Band; high: Band; baselineLow: Band; baselineHigh: Band },
  labels: { low: string; high: string },
  baseline: string,
): ChartAlt {
  const { t, fmt } = ctx;
  const years = d.low.mid.length;
  const last = years - 1;
  const v = (x: number) => fmt.number(x, 0);
  return {
    summary: () =>
      t('chart.alt.benefit', { year: last, low: v(d.low.mid[last]), high: v(d.high.mid[last]), baselineLow: v(d.baselineLow.mid[last]), baselineHigh: v(d.baselineHigh.mid[last]), baseline }),
    table: () => ({
      caption: title,
      head: [t('chart.year'), labels.low, labels.high, `${baseline}: ${labels.low}`, `${baseline}: ${labels.high}`],
      rows: Array.from({ length: years }, (_, y) => [y, v(d.low.mid[y]), v(d.high.mid[y]), v(d.baselineLow.mid[y]), v(d.baselineHigh.mid[y])]),
    }),
  };
}
