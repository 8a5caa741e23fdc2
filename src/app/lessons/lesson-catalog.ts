import { lessonSchema, type Lesson, type LessonText } from '../../scenario/lesson-schema.ts';
import type { Lang } from '../state/app-state.ts';
import claim1 from '../../../scenarios/lessons/claim-1-status-quo.json';
import claim2 from '../../../scenarios/lessons/claim-2-school-conditions.json';
import claim3 from '../../../scenarios/lessons/claim-3-tax-relief.json';
import claim4 from '../../../scenarios/lessons/claim-4-law.json';
import claim5 from '../../../scenarios/lessons/claim-5-groups-evaluation.json';
import claim6 from '../../../scenarios/lessons/claim-6-cheap-labour.json';
import claim7 from '../../../scenarios/lessons/claim-7-full-package.json';

/** The guided lessons, one per claim of the seed paper, in claim order (read from scenarios/lessons/ at build time). */
export const LESSONS: readonly Lesson[] = [claim1, claim2, claim3, claim4, claim5, claim6, claim7].map((json) => lessonSchema.parse(json));

/** Looks a lesson up by id. */
export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** A lesson's text in the app's language. */
export function say(text: LessonText, lang: Lang): string {
  return text[lang];
}
