import { compileExpression } from '../../model/params/expression.ts';
import { createSimulation } from '../../model/simulate.ts';
import { firstNonFiniteYear, nonFiniteText, readsResults } from '../../scenario/lever-check.ts';
import type { Scenario } from '../../model/params/schema.ts';
import { EXPRESSION_VARIABLES } from '../../model/metrics.ts';
import type { LeverValue } from '../../model/params/lever-field.ts';
import type { AppContext } from '../app-context.ts';
import { h, replace } from '../dom.ts';
import type { ControlSpec, LeverSpec } from '../state/controls-catalog.ts';
import { fromLeverValue, toLeverValue, type LeverControl } from '../state/lever-control.ts';
import { valueAt } from '../state/scenario-edits.ts';
import { engineMessage } from '../i18n/engine-messages.ts';

let uid = 0;

const initialCache = new WeakMap<Scenario, Record<string, number>>();
/** The scenario's initial results (what year-0 expressions see), for the formula's dry run. */
function initialMetrics(scenario: Scenario): Record<string, number> {
  let m = initialCache.get(scenario);
  if (!m) {
    m = { ...createSimulation(scenario).world.lastMetrics } as Record<string, number>;
    initialCache.set(scenario, m);
  }
  return m;
}

/** The value of a control as a number in its display form (e.g. "30%"). */
export function controlNumber(ctx: AppContext, spec: ControlSpec, v: number): string {
  const { fmt } = ctx;
  const stepDecimals = (String(spec.step).split('.')[1] ?? '').length;
  return spec.display === 'percent' ? fmt.percent(v, spec.step < 0.01 ? 1 : 0) : spec.display === 'integer' ? fmt.integer(v) : fmt.number(v, stepDecimals);
}

/** The value of a control as text, with its unit. */
export function controlValueText(ctx: AppContext, spec: ControlSpec, v: number): string {
  return `${controlNumber(ctx, spec, v)} ${ctx.t(spec.unit)}`;
}

/** Writes a value into a control's output: the number, and the unit under it. */
function showNumber(ctx: AppContext, spec: ControlSpec, output: HTMLElement, v: number | null, instead?: string): void {
  output.replaceChildren(
    h('b', {}, v === null ? (instead ?? '') : controlNumber(ctx, spec, v)),
    h('small', {}, v === null ? '' : ctx.t(spec.unit)),
  );
}

function levelButtons(ctx: AppContext, spec: ControlSpec, onPick: (v: number) => void): HTMLElement {
  return h(
    'div',
    { class: 'levels' },
    ...spec.levels.map((l) =>
      h('button', { type: 'button', class: 'level', 'data-value': l.value, title: controlValueText(ctx, spec, l.value), onclick: () => onPick(l.value) }, ctx.t(l.label)),
    ),
  );
}

function head(ctx: AppContext, spec: ControlSpec, id: string, onReset: () => void): HTMLElement {
  return h(
    'div',
    { class: 'control-head' },
    h('label', { for: id, class: 'control-label' }, ctx.t(spec.label)),
    h('button', { type: 'button', class: 'reset', title: ctx.t('control.resetTitle'), 'aria-label': ctx.t('control.reset'), onclick: onReset }, '↺'),
  );
}

function sliderRow(slider: HTMLElement, output: HTMLElement): HTMLElement {
  return h('div', { class: 'slider-row' }, slider, output);
}

/** A slider for an assumption (a plain number field of the scenario). */
export function assumptionControl(ctx: AppContext, spec: ControlSpec): HTMLElement {
  const id = `c${++uid}`;
  const root = h('div', { class: 'control', 'data-path': spec.path });
  const render = () => {
    const v = Number(valueAt(ctx.scenario, spec.path));
    const output = h('output', { class: 'value', for: id });
    showNumber(ctx, spec, output, v);
    const edited = spec.path in ctx.state.edits;
    root.classList.toggle('edited', edited);
    const slider = h('input', {
      type: 'range',
      id,
      min: spec.min,
      max: spec.max,
      step: spec.step,
      value: String(v),
      'aria-describedby': `${id}-help`,
      oninput: () => {
        const nv = Number(slider.value);
        showNumber(ctx, spec, output, nv);
        root.classList.add('edited');
        ctx.setEdit(spec.path, nv);
      },
    });
    replace(
      root,
      head(ctx, spec, id, () => {
        ctx.clearEdit(spec.path);
        render();
      }),
      h('p', { class: 'help', id: `${id}-help`, title: ctx.t(spec.help) }, ctx.t(spec.help)),
      sliderRow(slider, output),
      levelButtons(ctx, spec, (lv) => {
        ctx.setEdit(spec.path, lv);
        render();
      }),
    );
  };
  render();
  return root;
}

/** A policy lever: slider, named levels, timing (start year, phase-in) and a formula field. */
export function leverControl(ctx: AppContext, spec: LeverSpec): HTMLElement {
  const id = `c${++uid}`;
  const root = h('div', { class: 'control lever', 'data-path': spec.path, 'data-lever': spec.lever });
  const { t } = ctx;
  let openTiming = false;
  let openFormula = false;
  const render = () => {
    const raw = valueAt(ctx.scenario, spec.path) as LeverValue;
    const c: LeverControl = fromLeverValue(spec.lever, raw);
    if (c.expression) openFormula = true;
    if (c.start > 0 || c.ramp > 1) openTiming = true;
    root.classList.toggle('edited', spec.path in ctx.state.edits);
    const output = h('output', { class: 'value', for: id });
    const timingNote = h('span', { class: 'timing-note' });
    const showValue = () => {
      showNumber(ctx, spec, output, c.expression ? null : c.value, t('control.byFormula'));
      timingNote.textContent =
        c.expression || (c.start <= 0 && c.ramp <= 1)
          ? ''
          : c.ramp > 1
            ? t('control.ramped', { start: c.start, ramp: c.ramp })
            : t('control.scheduled', { start: c.start });
      root.classList.toggle('by-formula', !!c.expression);
    };
    const apply = () => {
      showValue();
      root.classList.add('edited');
      ctx.setEdit(spec.path, toLeverValue(spec.lever, c));
    };
    const slider = h('input', {
      type: 'range',
      id,
      min: spec.min,
      max: spec.max,
      step: spec.step,
      value: String(c.value),
      disabled: !!c.expression,
      'aria-describedby': `${id}-help`,
      oninput: () => {
        c.value = Number(slider.value);
        apply();
      },
    });
    const years = ctx.scenario.years;
    const start = h('input', {
      type: 'number',
      class: 'start',
      min: 0,
      max: years - 1,
      step: 1,
      value: String(c.start),
      'aria-label': t('control.startYear'),
      oninput: () => {
        const v = Math.round(Number(start.value));
        if (Number.isFinite(v) && v >= 0 && v < years) {
          c.start = v;
          apply();
        }
      },
    });
    const ramp = h('input', {
      type: 'number',
      class: 'ramp',
      min: 0,
      max: 20,
      step: 1,
      value: String(c.ramp),
      'aria-label': t('control.ramp'),
      oninput: () => {
        const v = Math.round(Number(ramp.value));
        if (Number.isFinite(v) && v >= 0 && v <= 20) {
          c.ramp = v;
          apply();
        }
      },
    });
    const exprStatus = h('div', { class: 'expr-status', role: 'status' });
    const example = `year >= 3 ? ${spec.levels[spec.levels.length - 1].value} : 0`;
    const expr = h('input', {
      type: 'text',
      class: 'expression',
      spellcheck: 'false',
      autocomplete: 'off',
      placeholder: example,
      value: c.expression,
      'aria-label': t('control.expression'),
      oninput: () => {
        const src = expr.value.trim();
        if (src === '') {
          exprStatus.textContent = '';
          exprStatus.className = 'expr-status';
          c.expression = '';
          slider.disabled = false;
          apply();
          return;
        }
        const r = compileExpression(src, EXPRESSION_VARIABLES);
        const fromResults = r.ok && readsResults(src);
        const bad = r.ok ? firstNonFiniteYear(src, ctx.scenario.years, fromResults ? initialMetrics(ctx.scenario) : {}) : null;
        if (r.ok && bad && !fromResults) {
          exprStatus.textContent = t('control.expressionBad', { error: engineMessage(nonFiniteText(src, bad), ctx.state.lang) });
          exprStatus.className = 'expr-status bad';
        } else if (r.ok) {
          exprStatus.textContent = bad
            ? t('control.expressionMayFail', { error: t('control.withInitialResults', { error: engineMessage(nonFiniteText(src, bad), ctx.state.lang) }) })
            : t('control.expressionOk');
          exprStatus.className = bad ? 'expr-status warn' : 'expr-status ok';
          c.expression = src;
          slider.disabled = true;
          apply();
        } else {
          exprStatus.textContent = t('control.expressionBad', { error: engineMessage(r.error, ctx.state.lang) });
          exprStatus.className = 'expr-status bad';
        }
      },
    });
    if (c.expression) {
      exprStatus.textContent = t('control.expressionOk');
      exprStatus.className = 'expr-status ok';
    }
    showValue();
    const timing = h(
      'details',
      { class: 'timing', open: openTiming, ontoggle: () => (openTiming = timing.open) },
      h('summary', {}, t('control.schedule'), ' ', timingNote),
      h(
        'div',
        { class: 'timing-row' },
        h('label', {}, t('control.startYear'), ' ', start),
        h('label', {}, t('control.ramp'), ' ', ramp, ' ', t('control.rampUnit')),
      ),
    );
    const formula = h(
      'details',
      { class: 'formula', open: openFormula, ontoggle: () => (openFormula = formula.open) },
      h('summary', {}, t('control.expression')),
      h('p', { class: 'hint' }, t('control.expressionHint', { example })),
      expr,
      exprStatus,
    );
    replace(
      root,
      head(ctx, spec, id, () => {
        ctx.clearEdit(spec.path);
        openTiming = false;
        openFormula = false;
        render();
      }),
      h('p', { class: 'help', id: `${id}-help`, title: t(spec.help) }, t(spec.help)),
      sliderRow(slider, output),
      levelButtons(ctx, spec, (lv) => {
        c.value = lv;
        c.expression = '';
        slider.value = String(lv);
        slider.disabled = false;
        expr.value = '';
        exprStatus.textContent = '';
        apply();
      }),
      h('div', { class: 'lever-more' }, timing, formula),
    );
  };
  render();
  return root;
}
