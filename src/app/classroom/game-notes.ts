import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { PROGRAMME_COST_M } from './game-score.ts';

/**
 * Teacher notes of the classroom game, folded like a lesson's: how the score is made,
 * how far to trust a difference between two plays, prompts and misconceptions.
 */
export function gameNotes(ctx: AppContext): HTMLElement {
  const { t, fmt } = ctx;
  const list = (keys: string[]) => h('ul', {}, ...keys.map((k) => h('li', {}, t(k as MessageKey, { fixed: fmt.mYuan(PROGRAMME_COST_M, 0) }))));
  return h(
    'details',
    { class: 'teacher-notes game-notes' },
    h('summary', {}, t('lesson.teacherNotes')),
    h('p', {}, t('lesson.minutes', { minutes: 40 })),
    h('h3', {}, t('classroom.notes.scoreTitle')),
    list(['classroom.notes.score', 'classroom.notes.noise']),
    h('h3', {}, t('lesson.discussion')),
    list(['classroom.notes.discuss1', 'classroom.notes.discuss2']),
    h('h3', {}, t('lesson.misconceptions')),
    list(['classroom.notes.misconception']),
  );
}
