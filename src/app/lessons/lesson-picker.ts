import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import { download } from '../export/download.ts';
import { answersCsv, clearAnswers, loadAnswers } from './lesson-answers.ts';
import { LESSONS, say } from './lesson-catalog.ts';

/** The answers stored in this browser as a CSV download, and a way to clear them between classes. */
export function answersTools(ctx: AppContext, onCleared: () => void): HTMLElement {
  const { t } = ctx;
  const count = loadAnswers().length;
  return h(
    'div',
    { class: 'answers-tools' },
    h('span', { class: 'answers-count' }, t('lesson.answersStored', { n: count })),
    h('button', { type: 'button', class: 'export-answers', disabled: count === 0, onclick: () => download('coopsim-lesson-answers.csv', answersCsv(loadAnswers()), 'text/csv;charset=utf-8') }, t('lesson.exportAnswers')),
    h(
      'button',
      {
        type: 'button',
        class: 'clear-answers',
        disabled: count === 0,
        onclick: () => {
          if (confirm(t('lesson.clearConfirm'))) (clearAnswers(), onCleared());
        },
      },
      t('lesson.clearAnswers'),
    ),
  );
}

/**
 * The lesson picker: one card per claim with its question and time in class. `compact`
 * draws only the titles, for the first screen.
 */
export function lessonPicker(ctx: AppContext, compact = false): HTMLElement {
  const { t, state } = ctx;
  const open = (id: string) => ctx.update({ lesson: id, tab: 'lessons' });
  const cards = LESSONS.map((l) =>
    h(
      'li',
      { class: 'lesson-card', 'data-lesson': l.id },
      h('button', { type: 'button', class: 'lesson-open', onclick: () => open(l.id) }, h('span', { class: 'claim-no' }, t('lesson.claim', { n: l.claim })), ' ', say(l.title, state.lang)),
      compact ? null : h('p', {}, say(l.question, state.lang)),
      compact ? null : h('p', { class: 'muted' }, t('lesson.minutes', { minutes: l.teacher.minutes })),
    ),
  );
  if (compact)
    return h('nav', { class: 'lesson-strip', 'aria-label': t('lesson.pickerTitle') }, h('strong', {}, t('lesson.stripLead')), h('ol', { class: 'lesson-list compact' }, ...cards));
  const root = h('section', { class: 'lesson-picker' });
  const draw = () =>
    root.replaceChildren(
      h('h2', {}, t('lesson.pickerTitle')),
      h('p', {}, t('lesson.pickerIntro')),
      h('ol', { class: 'lesson-list' }, ...cards),
      answersTools(ctx, draw),
    );
  draw();
  return root;
}
