import type { Lesson } from '../../scenario/lesson-schema.ts';
import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import { say } from './lesson-catalog.ts';

/** The teacher notes of a lesson, folded: goals, time, discussion prompts, misconceptions. */
export function teacherNotes(ctx: AppContext, lesson: Lesson): HTMLElement {
  const { t, state } = ctx;
  const list = (items: Lesson['teacher']['goals']) => h('ul', {}, ...items.map((g) => h('li', {}, say(g, state.lang))));
  return h(
    'details',
    { class: 'teacher-notes' },
    h('summary', {}, t('lesson.teacherNotes')),
    h('p', {}, t('lesson.minutes', { minutes: lesson.teacher.minutes })),
    h('h4', {}, t('lesson.goals')),
    list(lesson.teacher.goals),
    h('h4', {}, t('lesson.discussion')),
    list(lesson.teacher.discussion),
    h('h4', {}, t('lesson.misconceptions')),
    list(lesson.teacher.misconceptions),
  );
}
