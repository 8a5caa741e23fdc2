import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import { PROGRAMME_COST_M, SCORE_PER_M, scoreDecimals, scoreParts } from './game-score.ts';
import type { RoundResult } from './policy-round.ts';

/**
 * The score with the numbers it is divided from, so a class can redo the division: depth
 * points of their policy and of the status quo, the money spent plus the fixed programme
 * cost, and the deep share gained beside it.
 */
export function scoreView(ctx: AppContext, rounds: readonly RoundResult[]): HTMLElement | null {
  const { t, fmt } = ctx;
  const s = scoreParts(rounds);
  if (!s) return null;
  return h(
    'div',
    { class: 'score-card', 'data-score': String(s.score) },
    h('p', { class: 'score' }, t('classroom.score', { score: fmt.number(s.score, scoreDecimals(s.score)), per: fmt.mYuan(SCORE_PER_M, 0) })),
    h(
      'p',
      { class: 'score-sum' },
      t('classroom.scoreSum', {
        gain: fmt.signed(s.gain, 1),
        points: fmt.number(s.points, 1),
        base: fmt.number(s.pointsBaseline, 1),
        counted: fmt.mYuan(s.counted, 1),
        spent: fmt.mYuan(s.spent, 1),
        fixed: fmt.mYuan(PROGRAMME_COST_M, 0),
        per: SCORE_PER_M,
      }),
    ),
    h('p', { class: 'score-deep' }, t('classroom.scoreDeep', { gain: fmt.points(s.deepShareGain) })),
    h('p', { class: 'muted' }, t('classroom.pointsHelp')),
  );
}
