import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { LEVER_SPECS } from '../state/controls-catalog.ts';
import { GOAL_CONFIDENCES, GOAL_OUTPUTS, GOAL_SEEDS, GOAL_SIZES, type GoalOutput, type GoalPanelState, type GoalSize } from './goal-state.ts';

/**
 * The Goal panel's inputs: target output, year, level and confidence, the budget, the
 * levers to search, the search size and the runs per mix. Every change calls `change`
 * with the whole new state (out-of-range numbers are clamped into range).
 */
export function goalForm(ctx: AppContext, goal: GoalPanelState, maxYear: number, change: (next: GoalPanelState) => void): HTMLElement {
  const { t, fmt } = ctx;
  let g = goal;
  const set = (patch: Partial<GoalPanelState>) => {
    g = { ...g, ...patch };
    change(g);
  };
  const field = (cls: string, label: string, input: HTMLElement) => h('label', { class: `goal-field ${cls}` }, h('span', { class: 'goal-label' }, label), input);
  const select = <T extends string | number>(name: string, values: readonly T[], current: T, label: (v: T) => string, pick: (v: T) => void) =>
    h(
      'select',
      { name, onchange: (e: Event) => pick(values[(e.target as HTMLSelectElement).selectedIndex]) },
      ...values.map((v) => h('option', { value: String(v), selected: v === current }, label(v))),
    );
  const number = (name: string, value: number | null, min: number, max: number, step: number, pick: (v: number | null) => void) =>
    h('input', {
      type: 'number',
      name,
      min,
      max,
      step,
      value: value === null ? '' : String(value),
      onchange: (e: Event) => {
        const el = e.target as HTMLInputElement;
        if (el.value.trim() === '') return pick(null);
        const v = Math.min(max, Math.max(min, Number(el.value)));
        if (!Number.isFinite(v)) return pick(null);
        el.value = String(v);
        pick(v);
      },
    });
  const outputs = Object.keys(GOAL_OUTPUTS) as GoalOutput[];
  const sizes = Object.keys(GOAL_SIZES) as GoalSize[];
  const levers = h(
    'fieldset',
    { class: 'goal-levers' },
    h('legend', {}, t('goal.levers')),
    ...LEVER_SPECS.map((spec) => {
      const l = spec.lever;
      return h(
        'label',
        { class: 'goal-lever' },
        h('input', {
          type: 'checkbox',
          name: `goal-lever-${l}`,
          'data-lever': l,
          checked: g.levers.includes(l),
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            set({ levers: LEVER_SPECS.map((x) => x.lever).filter((k) => (k === l ? on : g.levers.includes(k))) });
          },
        }),
        ` ${t(spec.label)}`,
      );
    }),
  );
  return h(
    'div',
    { class: 'goal-form' },
    h(
      'div',
      { class: 'goal-target' },
      field('goal-output', t('goal.output'), select('goal-output', outputs, g.output, (o) => t(`goal.output.${o}` as MessageKey), (output) => set({ output }))),
      field('goal-year', t('goal.year'), number('goal-year', g.year, 1, maxYear, 1, (v) => set({ year: Math.round(v ?? g.year) }))),
      field('goal-level', t('goal.level'), number('goal-level', g.level, 0, 5, 0.01, (v) => set({ level: v ?? g.level }))),
      field('goal-confidence', t('goal.confidence'), select('goal-confidence', GOAL_CONFIDENCES, g.confidence as (typeof GOAL_CONFIDENCES)[number], (c) => fmt.percent(c, 0), (confidence) => set({ confidence }))),
      field('goal-budget', t('goal.budget'), number('goal-budget', g.budget, 0, 1e6, 1, (budget) => set({ budget }))),
    ),
    levers,
    h(
      'div',
      { class: 'goal-search-settings' },
      field('goal-size', t('goal.size'), select('goal-size', sizes, g.size, (s) => t(`goal.size.${s}` as MessageKey, { population: GOAL_SIZES[s].population, generations: GOAL_SIZES[s].generations + 1 }), (size) => set({ size }))),
      field('goal-seeds', t('goal.seeds'), select('goal-seeds', GOAL_SEEDS, g.seeds as (typeof GOAL_SEEDS)[number], (n) => String(n), (seeds) => set({ seeds }))),
    ),
  );
}
