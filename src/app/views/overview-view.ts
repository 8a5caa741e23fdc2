import { ensembleBand, type Band } from '../../analysis/quantiles.ts';
import type { AppContext } from '../app-context.ts';
import { bandChartSvg } from '../charts/band-chart.ts';
import { depthAreaSvg } from '../charts/depth-area-chart.ts';
import { netBenefitSvg } from '../charts/net-benefit-chart.ts';
import { COLOURS } from '../../svg/svg.ts';
import { h } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Results } from '../results/results.ts';
import { bandOf, seriesOf, type SeriesName } from '../results/series.ts';
import { figureView } from './figure-view.ts';
import { benefitAlt, depthAlt, seriesAlt } from './overview-alt.ts';
import type { RunService } from '../scheduling/run-service.ts';
import { leverContributions } from '../wedges/wedge-view.ts';

/** The key metrics drawn as small multiples, with how their values read. */
export const KEY_METRICS: readonly { name: SeriesName; format: 'percent' | 'level' | 'mYuan' }[] = [
  { name: 'firms_cooperating_share', format: 'percent' },
  { name: 'deep_share', format: 'percent' },
  { name: 'mean_depth', format: 'level' },
  { name: 'one_year_share', format: 'percent' },
  { name: 'employment_rate', format: 'percent' },
  { name: 'school_facilities', format: 'percent' },
  { name: 'retention_rate', format: 'percent' },
  { name: 'fiscal_cost', format: 'mYuan' },
];

/** Decimals of a percentage tick: 5%, 2.5%, 0.25%. */
function tickDecimals(v: number): number {
  const pct = Math.abs(v) * 100;
  for (let d = 0; d < 3; d++) if (Math.abs(pct * 10 ** d - Math.round(pct * 10 ** d)) < 1e-6) return d;
  return 2;
}

/** Mean share of firms at each depth 1–4 per year over runs. */
function depthMeans(runs: Results['current']): Float64Array[] {
  return [1, 2, 3, 4].map((d) => {
    const per = runs.map((r) => seriesOf(r, `depth_${d}_share` as SeriesName));
    return ensembleBand(per).mean;
  });
}

/** The overview: depth chart, firm net benefit by tech level, and small multiples of key results. */
export function overviewView(ctx: AppContext, results: Results, available: number, runs?: RunService): HTMLElement {
  const { t, fmt, state } = ctx;
  const years = Float64Array.from({ length: results.years }, (_, i) => i);
  const baselineLabel = t(`compare.${state.compare}.legend`);
  const gap = 16;
  const wide = available >= 760;
  const depthW = wide ? Math.floor((available - gap) * 0.58) : available;
  const benefitW = wide ? available - gap - depthW : available;
  const chartH = 340;
  const depth = { current: depthMeans(results.current), baseline: depthMeans(results.baseline) };
  const depthLabels = [t('depth.1'), t('depth.2'), t('depth.3'), t('depth.4')] as const;
  const depthFig = figureView(ctx, 'depth', t('chart.depth.title'), depthW, (width) =>
    depthAreaSvg(
      { years, current: depth.current, baseline: depth.baseline },
      {
        width,
        height: chartH,
        title: t('chart.depth.title'),
        subtitle: t('chart.depth.subtitle', { stat: t(results.current.length > 1 ? 'chart.stat.median' : 'chart.stat.single'), baseline: baselineLabel }),
        depthLabels,
        baselineLabel,
        yLabel: t('chart.depth.axis'),
        yearLabel: t('chart.year'),
        formatPercent: (v) => fmt.percent(v, tickDecimals(v)),
      },
    ),
    '',
    depthAlt(ctx, t('chart.depth.title'), depth.current, depth.baseline, depthLabels, baselineLabel),
  );
  const band = (name: SeriesName, runs: Results['current']): Band => bandOf(runs, name);
  const benefit = {
    low: band('firm_net_benefit_low_tech', results.current),
    high: band('firm_net_benefit_high_tech', results.current),
    baselineLow: band('firm_net_benefit_low_tech', results.baseline),
    baselineHigh: band('firm_net_benefit_high_tech', results.baseline),
  };
  const benefitFig = figureView(ctx, 'net-benefit', t('chart.benefit.title'), benefitW, (width) =>
    netBenefitSvg(
      { years, ...benefit, ensemble: results.ensemble && results.current.length > 1 },
      {
        width,
        height: chartH,
        title: t('chart.benefit.title'),
        subtitle: t('chart.benefit.subtitle'),
        lowLabel: t('chart.benefit.low'),
        highLabel: t('chart.benefit.high'),
        baselineLabel,
        yearLabel: t('chart.year'),
        format: (v) => fmt.number(v, 0),
      },
    ),
    '',
    benefitAlt(ctx, t('chart.benefit.title'), benefit, { low: t('chart.benefit.low'), high: t('chart.benefit.high') }, baselineLabel),
  );
  const cols = Math.max(1, Math.min(4, Math.floor((available + gap) / (210 + gap))));
  const smallW = Math.floor((available - (cols - 1) * gap) / cols);
  const legendLabels = { current: t('legend.current'), baseline: baselineLabel, band: t('legend.band') };
  const ensemble = results.ensemble && results.current.length > 1;
  const multiples = KEY_METRICS.map((m) => {
    const title = t(`metric.${m.name}` as MessageKey);
    const format = (v: number) =>
      m.format === 'percent' ? fmt.percent(v, tickDecimals(v)) : m.format === 'mYuan' ? fmt.number(v, Math.abs(v) >= 10 || v === 0 ? 0 : 1) : fmt.number(v, 1);
    const data = { years, current: band(m.name, results.current), baseline: band(m.name, results.baseline), ensemble };
    return figureView(
      ctx,
      `metric-${m.name}`,
      title,
      smallW,
      (width, forExport) =>
        bandChartSvg(data, {
          width,
          height: forExport ? 230 : 180,
          title,
          unit: t(`metric.${m.name}.unit` as MessageKey),
          format,
          legend: forExport ? legendLabels : undefined,
          yearLabel: forExport ? t('chart.year') : undefined,
          cap: m.format === 'percent' ? 1 : undefined,
          describe: (value, year) => t('chart.desc.inYear', { title, value, year }),
        }),
      'small',
      seriesAlt(ctx, title, data, format, baselineLabel),
    );
  });
  const sharedLegend = h(
    'div',
    { class: 'html-legend' },
    h('span', { class: 'key current', style: `--c:${COLOURS.current}` }, t('legend.current')),
    h('span', { class: 'key baseline', style: `--c:${COLOURS.baseline}` }, baselineLabel),
    ensemble ? h('span', { class: 'key band', style: `--c:${COLOURS.currentBand}` }, t('legend.band')) : null,
  );
  return h(
    'div',
    { class: 'overview' },
    h('div', { class: `row-main${wide ? ' wide' : ''}` }, depthFig, benefitFig),
    h('div', { class: 'multiples-head' }, h('h3', {}, t('chart.multiples.title')), sharedLegend),
    h('div', { class: 'multiples', style: `grid-template-columns: repeat(${cols}, 1fr)` }, ...multiples),
    runs ? leverContributions(ctx, runs, results, available) : null,
  );
}
