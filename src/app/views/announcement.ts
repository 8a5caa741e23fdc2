import type { AppContext } from '../app-context.ts';
import { effectSummary } from '../results/effects.ts';
import type { Results } from '../results/results.ts';

/**
 * The sentence the live region says when a result is in: the year of the summary, the share
 * of firms in deep cooperation and its change against the comparison ("Year 10: firms in
 * deep cooperation 4.4%, +4.1 points").
 */
export function announcement(ctx: AppContext, results: Results): string {
  const { t, fmt, state } = ctx;
  const year = Math.min(state.effectYear, results.years - 1);
  const deep = effectSummary(results.baseline, results.current, year).rows.find((r) => r.key === 'deep');
  if (!deep) return '';
  return t('a11y.result', { year, value: fmt.percent(deep.effect.current), diff: fmt.points(deep.effect.difference), baseline: t(`compare.${state.compare}`) });
}
