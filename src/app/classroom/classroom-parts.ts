import { ensembleBand } from '../../analysis/quantiles.ts';
import type { AppContext } from '../app-context.ts';
import { bandChartSvg } from '../charts/band-chart.ts';
import { h } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { figureView } from '../views/figure-view.ts';
import { choiceLabel } from './roles-panel.ts';
import type { RunValues } from '../../runner/run-metrics.ts';
import { depthPointsAt, GAME_LEVERS, GAME_YEARS, type RoundResult, type YearLevers } from './policy-round.ts';

/** Depth points of `firms` firms year by year (what the score counts): the class's policy against the status quo on the same seeds, up to the year played. */
export function classroomChart(ctx: AppContext, game: readonly RunValues[], baseline: readonly RunValues[], year: number, width: number, firms: number): HTMLElement {
  const { t, fmt } = ctx;
  // The game's runs stop at the year played (depthPointsAt is NaN past a run's end); the status quo's run all ten years.
  const series = (runs: readonly RunValues[]) => runs.map((v) => Float64Array.from({ length: GAME_YEARS }, (_, y) => (y <= year ? depthPointsAt([v], y, firms) : NaN)));
  const years = Float64Array.from({ length: GAME_YEARS }, (_, i) => i);
  const title = t('classroom.chartTitle');
  return figureView(ctx, 'classroom-deep', title, width, (w) =>
    bandChartSvg(
      { years, current: ensembleBand(series(game)), baseline: baseline.length ? ensembleBand(series(baseline)) : undefined, ensemble: game.length > 1 },
      {
        width: w,
        height: 260,
        title,
        unit: t('classroom.chartUnit'),
        format: (v) => fmt.number(v, 1),
        legend: { current: t('classroom.yourPolicy'), baseline: t('preset.baseline'), band: t('lesson.band10') },
        yearLabel: t('chart.year'),
        upToYear: year,
      },
    ),
  );
}

/** The levers of a year that differ from the status quo, so it reads as the year's policy ("status quo" if none). */
export function leverSummary(ctx: AppContext, levers: YearLevers, statusQuo: YearLevers): string {
  const { t, fmt } = ctx;
  return (
    GAME_LEVERS.filter((l) => (levers[l] ?? 0) !== (statusQuo[l] ?? 0))
      .map((l) => `${t(`lever.${l}` as MessageKey)} ${fmt.number(levers[l] ?? 0, 2)}`)
      .join(' · ') || t('classroom.statusQuoLevel')
  );
}

/** Every round so far: the levers set (and, with roles, the teams' choices) and what the year gave. */
export function roundsTable(ctx: AppContext, rounds: readonly RoundResult[], statusQuo: YearLevers): HTMLElement {
  const { t, fmt } = ctx;
  const levers = (r: RoundResult) => leverSummary(ctx, r.levers, statusQuo);
  const roles = rounds.some((r) => r.teams);
  const teams = (r: RoundResult) => (r.teams ? `${choiceLabel(ctx, 'college', r.teams.college)} · ${choiceLabel(ctx, 'firm', r.teams.firm)}` : '');
  return h(
    'table',
    { class: 'rounds' },
    h('caption', {}, t('classroom.roundsCaption')),
    h('thead', {}, h('tr', {}, ...['classroom.col.year', 'classroom.col.deep', 'classroom.col.cost', 'classroom.col.levers', ...(roles ? ['classroom.col.teams'] : [])].map((k) => h('th', { scope: 'col' }, t(k as MessageKey))))),
    h(
      'tbody',
      {},
      ...rounds.map((r) =>
        h('tr', {}, h('td', {}, String(r.year)), h('td', {}, `${fmt.number(r.points, 1)} (${fmt.signed(r.points - r.pointsBaseline, 1)})`), h('td', {}, fmt.mYuan(r.extraCost, 2)), h('td', { class: 'levers' }, levers(r)), roles ? h('td', { class: 'levers teams' }, teams(r)) : null),
      ),
    ),
  );
}
