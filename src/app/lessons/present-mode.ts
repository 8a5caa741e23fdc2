import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';

/**
 * How much larger charts are shown in present mode: they are drawn for a width this much
 * smaller and scaled up (the CSS zoom of `.app.present svg` in styles.css, the same
 * number), so their smallest labels (10.5 px) reach 16 px without overlapping.
 */
export const PRESENT_CHART_SCALE = 1.6;

/** The Present button: large text and high contrast on every tab (kept in the link as `present=1`). */
export function presentToggle(ctx: AppContext): HTMLElement {
  const { t, state } = ctx;
  return h(
    'button',
    {
      type: 'button',
      class: 'present-toggle',
      'aria-pressed': String(state.present),
      title: t('present.title'),
      onclick: () => ctx.update({ present: !state.present }),
    },
    state.present ? t('present.off') : t('present.on'),
  );
}
