import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import { COMPARE_MODES, ENSEMBLE_SIZES, type CompareMode } from '../state/app-state.ts';
import { ASSUMPTION_GROUPS, EVALUATION_CHOICES, LEVER_SPECS } from '../state/controls-catalog.ts';
import { valueAt } from '../state/scenario-edits.ts';
import { assumptionControl, leverControl } from './control-view.ts';
import { uncertaintyToggle } from './uncertainty-view.ts';

let panel: 'policy' | 'assumptions' = 'policy';

/** The side panel: policy levers, and assumptions with run settings, in two tabs. */
export function controlsView(ctx: AppContext): HTMLElement {
  const { t } = ctx;
  const root = h('aside', { class: 'controls', 'aria-label': t('panel.policy') });
  const policyPanel = h(
    'div',
    { class: 'panel policy', id: 'panel-policy', role: 'tabpanel' },
    h('p', { class: 'intro' }, t('panel.policy.intro')),
    ...LEVER_SPECS.map((spec) => leverControl(ctx, spec)),
    evaluationControl(ctx),
  );
  const assumptionsPanel = h(
    'div',
    { class: 'panel assumptions', id: 'panel-assumptions', role: 'tabpanel' },
    h('p', { class: 'intro' }, t('panel.assumptions.intro')),
    uncertaintyToggle(ctx),
    ...ASSUMPTION_GROUPS.map((g) => h('fieldset', { class: 'group' }, h('legend', {}, t(g.title)), ...g.controls.map((c) => assumptionControl(ctx, c)))),
    runsControls(ctx),
  );
  const tabButton = (id: 'policy' | 'assumptions', label: string) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: 'panel-tab',
        'data-panel': id,
        'aria-controls': `panel-${id}`,
        onclick: () => {
          panel = id;
          show();
        },
      },
      label,
    );
  const tabs = h('div', { class: 'panel-tabs', role: 'tablist' }, tabButton('policy', t('panel.policy')), tabButton('assumptions', t('panel.assumptions')));
  const show = () => {
    policyPanel.hidden = panel !== 'policy';
    assumptionsPanel.hidden = panel !== 'assumptions';
    for (const b of tabs.querySelectorAll<HTMLButtonElement>('button')) b.setAttribute('aria-selected', String(b.dataset.panel === panel));
  };
  show();
  root.append(tabs, policyPanel, assumptionsPanel);
  return root;
}

function evaluationControl(ctx: AppContext): HTMLElement {
  const { t } = ctx;
  const current = Number(valueAt(ctx.scenario, 'policy.evaluationInterval'));
  const options = EVALUATION_CHOICES.map((c) => h('option', { value: String(c.value), selected: c.value === current }, t(c.label)));
  if (!EVALUATION_CHOICES.some((c) => c.value === current)) options.push(h('option', { value: String(current), selected: true }, String(current)));
  const select = h('select', { id: 'evaluation-interval', onchange: () => ctx.setEdit('policy.evaluationInterval', Number(select.value)) }, ...options);
  return h(
    'div',
    { class: 'control', 'data-path': 'policy.evaluationInterval' },
    h('div', { class: 'control-head' }, h('label', { for: 'evaluation-interval', class: 'control-label' }, t('evaluation.label')), select),
    h('p', { class: 'help' }, t('evaluation.help')),
  );
}

function runsControls(ctx: AppContext): HTMLElement {
  const { t, state } = ctx;
  const seed = h('input', {
    type: 'number',
    id: 'seed',
    min: 0,
    max: 4294967295,
    step: 1,
    value: String(ctx.scenario.seed),
    onchange: () => {
      const v = Number(seed.value);
      if (Number.isInteger(v) && v >= 0 && v <= 4294967295) ctx.setEdit('seed', v);
    },
  });
  const ensemble = h(
    'select',
    { id: 'ensemble', onchange: () => ctx.update({ ensemble: Number(ensemble.value) }, { rerun: true }) },
    ...ENSEMBLE_SIZES.map((n) => h('option', { value: String(n), selected: n === state.ensemble }, n === 1 ? t('runs.ensembleOne') : String(n))),
  );
  const compare = h(
    'select',
    { id: 'compare', onchange: () => ctx.update({ compare: compare.value as CompareMode }, { rerun: true }) },
    ...COMPARE_MODES.map((m) => h('option', { value: m, selected: m === state.compare }, t(`compare.${m}`))),
  );
  const row = (id: string, label: string, input: HTMLElement, help: string) =>
    h('div', { class: 'control' }, h('div', { class: 'control-head' }, h('label', { for: id, class: 'control-label' }, label), input), h('p', { class: 'help' }, help));
  return h(
    'fieldset',
    { class: 'group runs' },
    h('legend', {}, t('runs.title')),
    row('seed', t('runs.seed'), seed, t('runs.seedHelp')),
    row('ensemble', t('runs.ensemble'), ensemble, t('runs.ensembleHelp')),
    row('compare', t('runs.compare'), compare, ''),
  );
}
