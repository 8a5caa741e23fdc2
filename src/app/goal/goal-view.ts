import type { AppContext } from '../app-context.ts';
import { h, replace } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { RunService } from '../scheduling/run-service.ts';
import { LEVER_SPECS } from '../state/controls-catalog.ts';
import { normalizeEdits, scenarioFile } from '../state/scenario-edits.ts';
import { figureView } from '../views/figure-view.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';
import { goalForm } from './goal-form.ts';
import { goalFrontSvg } from './goal-front-chart.ts';
import { panelGoal, runGoalSearch, type GoalPoint, type GoalSearchResult } from './goal-search.ts';
import { goalKey, type GoalPanelState } from './goal-state.ts';

/** The last finished search, kept across rebuilds of the view (language, resize, tab changes). */
let last: { key: string; result: GoalSearchResult; applied: number | null } | null = null;

/** The scenario the search starts from, and its key without the searched levers (Apply changes only those). */
function searchBase(ctx: AppContext, g: GoalPanelState): { base: ScenarioInput; key: string } {
  const base = scenarioFile(ctx.state.preset, ctx.state.edits) as Record<string, unknown>;
  const policy = { ...((base.policy as Record<string, unknown>) ?? {}) };
  for (const l of g.levers) delete policy[l];
  const rest: Record<string, unknown> = { ...base, policy };
  // The search runs to its own target year; names and notes do not change any run.
  for (const k of ['years', 'name', 'description', 'sources']) delete rest[k];
  // A search across parameter sets is another search than one across seeds alone.
  return { base: base as ScenarioInput, key: goalKey(g, JSON.stringify({ ...rest, pu: ctx.state.paramUncertainty })) };
}

/**
 * The Goal panel: a target (output, year, level, confidence) and a budget; a search in
 * the workers (NSGA-II over the chosen levers, small budgets, progress, cancel); the
 * cost–effect front as a chart and a table whose points apply their levers with one
 * click, after which the overview's charts and summary card show the mix. The settings
 * and whether a search was run live in the link: a link with `goal.run=1` runs the same
 * (deterministic) search again when the panel opens.
 */
export function goalView(ctx: AppContext, runs: RunService, width: number): HTMLElement & { dispose(): void } {
  const { t, fmt } = ctx;
  let goal = ctx.state.goal;
  let controller: AbortController | null = null;
  const root = h('div', { class: 'goal-view', 'data-phase': 'idle' }) as unknown as HTMLElement & { dispose(): void };
  const status = h('p', { class: 'goal-status', role: 'status', 'aria-live': 'polite' });
  const searchButton = h('button', { type: 'button', class: 'goal-run primary', onclick: () => start() }, t('goal.search'));
  const cancelButton = h('button', { type: 'button', class: 'goal-cancel', hidden: true, onclick: () => controller?.abort() }, t('goal.cancel'));
  const results = h('div', { class: 'goal-results' });
  const maxYear = Math.max(1, ctx.scenario.years - 1);
  if (goal.year > maxYear) goal = { ...goal, year: maxYear };

  const setPhase = (phase: string, text: string) => {
    root.dataset.phase = phase;
    status.textContent = text;
  };
  const outputLabel = () => t(`goal.output.${goal.output}` as MessageKey);
  const formatValue = (v: number) => (goal.output === 'mean_depth' ? fmt.number(v, 2) : fmt.percent(v, 1));
  const leverText = (l: string, v: number) => {
    const spec = LEVER_SPECS.find((s) => s.lever === l)!;
    return spec.display === 'percent' ? fmt.percent(v, 0) : fmt.number(v, 2);
  };

  const apply = (p: GoalPoint) => {
    if (last) last.applied = p.id;
    const edits = { ...ctx.state.edits };
    for (const [l, v] of Object.entries(p.levers)) edits[`policy.${l}`] = v;
    ctx.update({ edits: normalizeEdits(ctx.state.preset, edits), tab: 'overview', goal: { ...goal, run: true } }, { rebuild: true });
  };

  const showResult = (r: GoalSearchResult) => {
    const done = t('goal.done', { evaluations: r.points.length, seeds: r.points.length ? r.runs / r.points.length : goal.seeds, runs: r.runs, front: r.front.length });
    const cheapest = r.cheapest
      ? t('goal.cheapest', { cost: fmt.mYuan(r.cheapest.cost), year: goal.year, value: formatValue(r.cheapest.value), confidence: fmt.percent(goal.confidence, 0) })
      : t('goal.none');
    const reference = t('goal.reference', { value: formatValue(r.reference.value), cost: fmt.mYuan(r.reference.cost) });
    setPhase('done', `${done} ${cheapest} ${reference}`);
    const render = (w: number) =>
      goalFrontSvg(r.points, r.front, {
        width: w,
        title: t('goal.chart.title'),
        subtitle: `${t('goal.chart.subtitle', { confidence: fmt.percent(goal.confidence, 0) })} ${
          r.parameterSets > 0 ? t('goal.chart.params', { seeds: goal.seeds, sets: r.parameterSets }) : t('goal.chart.seeds', { seeds: goal.seeds })
        }`,
        costLabel: t('goal.chart.cost', { year: goal.year }),
        valueLabel: outputLabel(),
        frontLabel: t('goal.chart.front'),
        triedLabel: t('goal.chart.tried'),
        targetLabel: t('goal.chart.target'),
        budgetLabel: t('goal.chart.budget'),
        reference: r.reference,
        referenceLabel: t('goal.chart.reference'),
        level: goal.level,
        budget: goal.budget,
        selected: last?.applied ?? null,
        formatCost: (v) => fmt.mYuan(v),
        formatValue,
      });
    const fig = figureView(ctx, 'goal-front', t('goal.chart.title'), Math.min(width, 720), render, 'goal-front-figure');
    fig.addEventListener('click', (e) => {
      const id = (e.target as Element).closest?.('[data-candidate]')?.getAttribute('data-candidate');
      const p = id === null || id === undefined ? undefined : r.front.find((q) => q.id === Number(id));
      if (p) apply(p);
    });
    const head = h('tr', {}, ...goal.levers.map((l) => h('th', {}, t(LEVER_SPECS.find((s) => s.lever === l)!.label))), h('th', {}, t('goal.table.cost')), h('th', {}, t('goal.table.extra')), h('th', {}, outputLabel()), h('th', {}, t('goal.table.meets')), h('th', {}));
    const rows = r.front.map((p) =>
      h(
        'tr',
        { class: p.feasible ? 'feasible' : '', 'data-candidate': p.id },
        ...goal.levers.map((l) => h('td', {}, leverText(l, p.levers[l] ?? NaN))),
        h('td', {}, fmt.mYuan(p.cost)),
        h('td', {}, fmt.mYuan(p.cost - r.reference.cost)),
        h('td', {}, formatValue(p.value)),
        h('td', {}, p.feasible ? t('goal.yes') : t('goal.no')),
        h('td', {}, h('button', { type: 'button', class: 'goal-apply', 'data-candidate': p.id, onclick: () => apply(p) }, t('goal.apply'))),
      ),
    );
    replace(
      results,
      fig,
      h('table', { class: 'goal-front-table' }, h('thead', {}, head), h('tbody', {}, ...rows)),
      h('p', { class: 'goal-note' }, t('goal.applyNote', { runs: ctx.state.ensemble, seeds: goal.seeds })),
    );
  };

  /** Shows the cached result of the current settings, or says what to do. */
  const sync = () => {
    const { key } = searchBase(ctx, goal);
    if (last && last.key === key) return showResult(last.result);
    replace(results);
    if (goal.levers.length === 0) return setPhase('invalid', t('goal.noLevers'));
    setPhase('idle', last ? t('goal.changed') : t('goal.idle'));
  };

  const start = async () => {
    controller?.abort();
    if (goal.levers.length === 0) return setPhase('invalid', t('goal.noLevers'));
    const { base, key } = searchBase(ctx, goal);
    const parsed = panelGoal(goal, base, ctx.state.paramUncertainty);
    if (!parsed.ok) return setPhase('invalid', t('goal.invalid', { error: parsed.error }));
    if (!goal.run) {
      goal = { ...goal, run: true };
      ctx.update({ goal });
    }
    const mine = new AbortController();
    controller = mine;
    searchButton.disabled = true;
    cancelButton.hidden = false;
    replace(results);
    const total = parsed.goal.population * (parsed.goal.generations + 1);
    setPhase('running', t('goal.running', { generation: 1, generations: parsed.goal.generations + 1, evaluations: 0, total }));
    try {
      const result = await runGoalSearch(goal, parsed.goal, runs, {
        signal: mine.signal,
        onProgress: (p) =>
          setPhase('running', t('goal.running', { generation: Math.min(p.generation + 2, p.generations + 1), generations: p.generations + 1, evaluations: p.evaluations, total: p.total })),
      });
      last = { key, result, applied: null };
      showResult(result);
    } catch (err) {
      if (mine.signal.aborted) setPhase('cancelled', t('goal.cancelled'));
      else setPhase('error', t('goal.error', { error: (err as Error)?.message ?? String(err) }));
    } finally {
      if (controller === mine) {
        controller = null;
        searchButton.disabled = false;
        cancelButton.hidden = true;
      }
    }
  };

  const form = goalForm(ctx, goal, maxYear, (next) => {
    controller?.abort();
    goal = { ...next, run: false };
    ctx.update({ goal });
    sync();
  });
  replace(root, h('p', { class: 'intro' }, t('goal.intro')), form, h('div', { class: 'goal-actions' }, searchButton, cancelButton, status), results);
  sync();
  if (goal.run && root.dataset.phase !== 'done') void start();
  root.dispose = () => controller?.abort();
  return root;
}
