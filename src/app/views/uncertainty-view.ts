import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { Results } from '../results/results.ts';

/**
 * The assumptions panel's switch "include parameter uncertainty": each run of the
 * ensemble then draws its parameters from the shipped status-quo posterior.
 */
export function uncertaintyToggle(ctx: AppContext): HTMLElement {
  const { t, state } = ctx;
  const box = h('input', {
    type: 'checkbox',
    id: 'param-uncertainty',
    checked: state.paramUncertainty,
    onchange: () => ctx.update({ paramUncertainty: box.checked }, { rerun: true }),
  });
  return h(
    'fieldset',
    { class: 'group uncertainty' },
    h('legend', {}, t('uncertainty.title')),
    h(
      'div',
      { class: 'control' },
      h('div', { class: 'control-head' }, h('label', { for: 'param-uncertainty', class: 'control-label' }, box, ' ', t('uncertainty.label'))),
      h('p', { class: 'help' }, t('uncertainty.help')),
    ),
  );
}

/** The summary card's line saying which kinds of uncertainty the bands and intervals show. */
export function uncertaintyNote(ctx: AppContext, results: Results | null): HTMLElement {
  const { t } = ctx;
  const text = results?.draws ? t('summary.withParams', { n: results.draws.length }) : t('summary.seedsOnly');
  return h('p', { class: 'summary-uncertainty', 'data-draws': String(results?.draws?.length ?? 0) }, text);
}
