import type { ComparisonMetric } from '../../analysis/compare-scenarios.ts';
import type { Wedge } from '../../optimize/lever-wedges.ts';
import { differingLevers } from '../../optimize/lever-wedges.ts';
import { parseScenario } from '../../scenario/parse.ts';
import type { AppContext } from '../app-context.ts';
import { h, replace } from '../dom.ts';
import { isMessageKey, type MessageKey } from '../i18n/messages.ts';
import type { Results } from '../results/results.ts';
import type { RunService } from '../scheduling/run-service.ts';
import { ensembleDraws } from '../state/shipped-posterior.ts';
import { figureView } from '../views/figure-view.ts';
import { wedgeChartSvg } from './wedge-chart.ts';
import { WEDGE_METRICS, wedgeRuns, wedgeSession, type WedgeJob } from './wedge-session.ts';

const SHARE = (m: ComparisonMetric) => m !== 'mean_depth';

/** The parts in the chart's order: the whole package, each lever given the others and alone, the remainder. */
function inChartOrder(rows: readonly Wedge[], levers: readonly string[]): Wedge[] {
  const find = (kind: Wedge['kind'], lever: string | null) => rows.filter((w) => w.kind === kind && w.lever === lever);
  return [...find('total', null), ...levers.flatMap((l) => [...find('leave_out', l), ...find('add_in', l)]), ...find('remainder', null)];
}

/** The lever's name on the page: its control's label, the panel's name of a policy field without a control, else the field. */
function leverLabel(ctx: AppContext, lever: string): string {
  for (const key of [`lever.${lever}`, `wedges.field.${lever}`]) if (isMessageKey(key)) return ctx.t(key);
  return `policy.${lever}`;
}

/**
 * "Which lever does the work": when the scenario changes several levers against its
 * baseline, the decomposition of `coopsim compare --wedges` for an output and year —
 * each lever left out of the package and added alone to the baseline, the interaction
 * remainder, with 90% intervals over the ensemble's pairs and the extra fiscal cost per
 * unit of effect — run in the workers on request (progress, cancel, latest wins) and drawn
 * as paired bars with a text alternative and a table. Null when no lever differs.
 */
export function leverContributions(ctx: AppContext, runs: RunService, results: Results, available: number): HTMLElement | null {
  const { t, fmt, state } = ctx;
  const baselineParsed = parseScenario(results.baselineInput);
  if (!baselineParsed.ok) return null;
  const pkg = results.scenario;
  const baseline = baselineParsed.value;
  const levers = differingLevers(pkg, baseline);
  if (levers.length === 0) return null;
  const head = h('h3', { id: 'wedges-title' }, t('wedges.title'));
  const root = h('section', { class: 'wedges', 'aria-labelledby': 'wedges-title', 'data-phase': 'idle' });
  if (levers.length === 1) {
    replace(root, head, h('p', { class: 'wedges-intro' }, t('wedges.one', { lever: leverLabel(ctx, levers[0]) })));
    return root;
  }
  const n = state.ensemble;
  const draws = state.paramUncertainty ? ensembleDraws(pkg.seed, n) : undefined;
  const key = JSON.stringify({ pkg, baseline, n, seed: pkg.seed, draws: draws !== undefined });
  const job: WedgeJob = { key, pkg, baseline, seeds: n, seed: pkg.seed, draws, runs };
  const total = wedgeRuns(levers.length, n);
  const years = pkg.years;
  // The output and year shown live in the app state, so they are part of the link.
  const choice = () => ctx.state.wedges;
  const choose = (patch: Partial<typeof ctx.state.wedges>) => ctx.update({ wedges: { ...choice(), ...patch } });
  const year = () => Math.min(choice().year ?? ctx.state.effectYear, years - 1);

  const status = h('p', { class: 'wedges-status', role: 'status', 'aria-live': 'polite' });
  const run = () => {
    choose({ run: true });
    wedgeSession.request(job, levers.length);
  };
  const cancel = () => {
    choose({ run: false });
    wedgeSession.cancel();
  };
  const runButton = h('button', { type: 'button', class: 'wedges-run primary', onclick: run }, t('wedges.run', { runs: total }));
  const cancelButton = h('button', { type: 'button', class: 'wedges-cancel', hidden: true, onclick: cancel }, t('wedges.cancel'));
  const output = h(
    'select',
    { name: 'wedges-output', onchange: (e: Event) => (choose({ metric: WEDGE_METRICS[(e.target as HTMLSelectElement).selectedIndex] }), draw()) },
    ...WEDGE_METRICS.map((m) => h('option', { value: m, selected: m === choice().metric }, t(`metric.${m}` as MessageKey))),
  );
  const yearSelect = h(
    'select',
    { name: 'wedges-year', onchange: (e: Event) => (choose({ year: Number((e.target as HTMLSelectElement).value) }), draw()) },
    ...Array.from({ length: years }, (_, y) => h('option', { value: String(y), selected: y === year() }, String(y))),
  );
  const field = (label: string, input: HTMLElement) => h('label', { class: 'goal-field' }, h('span', { class: 'goal-label' }, label), input);
  const chartSlot = h('div', { class: 'wedges-chart' });
  const width = () => Math.max(300, Math.min(720, available));

  const format = (v: number) => (SHARE(choice().metric) ? fmt.points(v, 1) : fmt.signed(v, 2));
  const costText = (w: Wedge) =>
    Number.isFinite(w.costPerUnit) ? fmt.mYuan(SHARE(choice().metric) ? w.costPerUnit / 100 : w.costPerUnit, 2) : '–';
  const partLabel = (w: Wedge) =>
    w.kind === 'total' ? t('wedges.total') : w.kind === 'remainder' ? t('wedges.remainder') : `${leverLabel(ctx, w.lever!)} — ${t(w.kind === 'leave_out' ? 'wedges.leaveOut' : 'wedges.addIn')}`;

  /** Draws the finished decomposition for the chosen output and year. */
  function draw() {
    const r = wedgeSession.state.result;
    if (!r || r.key !== key) return replace(chartSlot);
    const y = year();
    const rows = r.wedges.wedges.filter((w) => w.metric === choice().metric && w.year === y);
    const outputLabel = t(`metric.${choice().metric}` as MessageKey);
    const title = t('wedges.chart.title', { output: outputLabel, year: y });
    const subtitle = t(r.withDraws ? 'wedges.chart.subtitle.params' : 'wedges.chart.subtitle.seeds', { baseline: t(`compare.${state.compare}`), n });
    const render = (w: number) =>
      wedgeChartSvg(rows, r.wedges.levers, {
        width: w,
        title,
        subtitle,
        totalLabel: t('wedges.total'),
        remainderLabel: t('wedges.remainder'),
        leaveOutLabel: t('wedges.leaveOut'),
        addInLabel: t('wedges.addIn'),
        intervalLabel: t('wedges.interval'),
        leverLabel: (l) => leverLabel(ctx, l),
        format,
        tickFormat: (v, step) => (SHARE(choice().metric) ? fmt.points(v, step >= 0.01 ? 0 : 1) : fmt.signed(v, step >= 0.1 ? 1 : 2)),
      });
    const best = (kind: Wedge['kind']) => rows.filter((w) => w.kind === kind).reduce<Wedge | null>((a, w) => (!a || w.effect.difference > a.effect.difference ? w : a), null);
    const get = (kind: Wedge['kind']) => rows.find((w) => w.kind === kind)!;
    const alt = {
      summary: () =>
        t('wedges.summary', {
          total: format(get('total').effect.difference),
          lever: leverLabel(ctx, best('leave_out')!.lever!),
          value: format(best('leave_out')!.effect.difference),
          alone: leverLabel(ctx, best('add_in')!.lever!),
          aloneValue: format(best('add_in')!.effect.difference),
          rest: format(get('remainder').effect.difference),
        }),
      table: () => ({
        caption: title,
        head: [t('wedges.table.part'), t('wedges.table.effect'), t('wedges.interval'), t(SHARE(choice().metric) ? 'wedges.table.costShare' : 'wedges.table.costLevel', { year: y })],
        rows: inChartOrder(rows, r.wedges.levers).map((w) => [partLabel(w), format(w.effect.difference), `${format(w.effect.lo)} … ${format(w.effect.hi)}`, costText(w)]),
      }),
    };
    replace(chartSlot, figureView(ctx, 'lever-wedges', title, width(), render, 'wedges-figure', alt), h('p', { class: 'wedges-note' }, t('wedges.note')));
  }

  /** Shows where the session stands for this scenario. */
  function sync() {
    const s = wedgeSession.state;
    const mine = s.result?.key === key;
    const running = s.phase === 'running' && wedgeSession.latestKey === key;
    root.dataset.phase = running ? 'running' : mine ? 'done' : s.phase === 'running' ? 'idle' : s.phase === 'done' ? 'idle' : s.phase;
    runButton.disabled = running;
    cancelButton.hidden = !running;
    status.textContent = running
      ? t('wedges.running', { done: s.done, total: s.total })
      : mine
        ? t('wedges.done', { n, runs: total })
        : s.phase === 'cancelled'
          ? t('wedges.cancelled')
          : s.phase === 'error'
            ? t('wedges.error', { error: s.error })
            : s.result
              ? t('wedges.changed')
              : t('wedges.idle', { runs: total });
    if (!running || !chartSlot.firstChild) draw();
  }

  replace(
    root,
    head,
    h('p', { class: 'wedges-intro' }, t('wedges.intro', { n: levers.length, baseline: t(`compare.${state.compare}`), seeds: n })),
    h('div', { class: 'goal-actions' }, field(t('wedges.output'), output), field(t('wedges.year'), yearSelect), runButton, cancelButton),
    status,
    chartSlot,
  );
  wedgeSession.listen(sync);
  // Once asked for, the split follows the scenario: a new ensemble asks for it again (the newest wins).
  const s = wedgeSession.state;
  if ((s.following || choice().run) && results.ensemble && s.result?.key !== key && wedgeSession.latestKey !== key) wedgeSession.request(job, levers.length);
  sync();
  return root;
}
