import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { PairedEffect } from '../../analysis/paired-effect.ts';
import { effectSummary, type EffectKey } from '../results/effects.ts';
import type { Results } from '../results/results.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { uncertaintyNote } from './uncertainty-view.ts';

const NOTES: Partial<Record<EffectKey, MessageKey>> = {
  deep: 'effect.deep.note',
  meanDepth: 'effect.meanDepth.note',
  oneTime: 'effect.oneTime.note',
};

/** Whether more of this outcome is better (for the colour of the change). */
const BETTER_UP: Record<EffectKey, boolean> = { deep: true, cooperating: true, meanDepth: true, oneTime: false, employment: true };

/**
 * The summary card: for year Y, each outcome's baseline → scenario, the paired change and
 * its 90% interval; the fiscal cost to year Y and the cost per extra deep partnership.
 */
export function summaryView(ctx: AppContext, results: Results | null): HTMLElement {
  const { t, fmt, state } = ctx;
  const years = ctx.scenario.years;
  const year = Math.min(state.effectYear, years - 1);
  const baselineName = t(`compare.${state.compare}`);
  const select = h(
    'select',
    { id: 'effect-year', 'aria-label': t('summary.year'), onchange: () => ctx.update({ effectYear: Number(select.value) }) },
    ...Array.from({ length: years }, (_, y) => h('option', { value: String(y), selected: y === year }, String(y))),
  );
  const titleParts = t('summary.title', { year: '\u0000' }).split('\u0000');
  const header = h(
    'div',
    { class: 'summary-head' },
    h('h2', {}, titleParts[0], select, titleParts[1] ?? ''),
    h('p', { class: 'summary-vs' }, t('summary.vs', { baseline: baselineName })),
    uncertaintyNote(ctx, results),
  );
  // Not a live region: the page's one announcer says the result (this card is drawn anew each time).
  const root = h('section', { class: 'summary' }, header);
  if (!results || results.current.length === 0) {
    root.append(h('div', { class: 'tiles loading' }, t('status.starting')));
    return root;
  }
  const s = effectSummary(results.baseline, results.current, year);
  const interval = (e: PairedEffect, show: (v: number) => string) =>
    results.ensemble && Number.isFinite(e.lo)
      ? t('summary.interval', { level: fmt.percent(e.level, 0), lo: show(e.lo), hi: show(e.hi) })
      : t('summary.pending');
  const direction = (e: PairedEffect, betterUp: boolean) => {
    const tiny = Math.abs(e.difference) < 1e-9;
    if (tiny) return 'flat';
    return e.difference > 0 === betterUp ? 'good' : 'bad';
  };
  const tiles = s.rows.map(({ key, kind, effect }) => {
    const value = (v: number) => (kind === 'share' ? fmt.percent(v) : fmt.number(v, 2));
    const diff = (v: number) => (kind === 'share' ? fmt.points(v) : fmt.signed(v, 2));
    const note = NOTES[key];
    return h(
      'div',
      { class: `tile ${direction(effect, BETTER_UP[key])}`, 'data-effect': key, 'data-difference': String(effect.difference), title: note ? t(note) : undefined },
      h('div', { class: 'tile-label' }, t(`effect.${key}`), note ? h('small', {}, t(note)) : null),
      h('div', { class: 'tile-values' }, h('span', { class: 'from' }, value(effect.baseline)), ' → ', h('b', { class: 'to' }, value(effect.current))),
      h('div', { class: 'tile-diff' }, diff(effect.difference)),
      h('div', { class: 'tile-ci' }, interval(effect, diff)),
    );
  });
  const f = s.fiscal;
  const money = (v: number) => fmt.mYuan(v);
  const costPer = Number.isFinite(s.costPerDeep) ? `${fmt.mYuan(s.costPerDeep, 2)} ${t('summary.costPerDeep')}` : t('summary.noExtraDeep');
  tiles.push(
    h(
      'div',
      { class: 'tile fiscal', 'data-effect': 'fiscal', 'data-difference': String(f.difference) },
      h('div', { class: 'tile-label' }, t('effect.fiscal'), h('small', {}, t('summary.cumulative', { year }))),
      h('div', { class: 'tile-values' }, h('span', { class: 'from' }, money(f.baseline)), ' → ', h('b', { class: 'to' }, money(f.current))),
      h('div', { class: 'tile-diff' }, `${f.difference > 0 ? '+' : ''}${money(f.difference)}`),
      h('div', { class: 'tile-ci' }, interval(f, money)),
      h('div', { class: 'tile-extra', 'data-cost-per-deep': String(s.costPerDeep) }, costPer),
    ),
  );
  root.append(h('div', { class: 'tiles' }, ...tiles));
  return root;
}
