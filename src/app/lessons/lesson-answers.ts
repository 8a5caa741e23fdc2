/**
 * A student's answers to one lesson: the prediction before the run (pre), the answer to
 * the same question after the reveal (post), the model's result, and the written answers.
 */
export interface LessonAnswer {
  lesson: string;
  claim: number;
  /** Name or group the student typed (may be empty). */
  student: string;
  lang: string;
  /** The prediction before the run: a direction (up / same / down) or an estimate. */
  pre: string;
  /** The answer to the same question after the reveal ('' when not given). */
  post: string;
  /** Whether the prediction matched the model ('' for an estimate outside any judgement). */
  preCorrect: boolean;
  postCorrect: boolean | null;
  /** The model's direction and its median paired effect with the 90% band. */
  modelDirection: string;
  effect: number;
  bandLow: number;
  bandHigh: number;
  /** What the student wrote about the inspected agent and for the follow-up question. */
  inspectAnswer: string;
  followUpAnswer: string;
  /** When the prediction was committed (ISO time). */
  answeredAt: string;
  /** A sketch lesson's curve before the run and after the reveal, "year:value" pairs ('' otherwise). */
  sketch?: string;
  postSketch?: string;
}

const KEY = 'coopsim.lessonAnswers';

/** The columns of the CSV export, in order. */
export const ANSWER_COLUMNS: readonly (keyof LessonAnswer)[] = [
  'student',
  'lesson',
  'claim',
  'lang',
  'pre',
  'preCorrect',
  'post',
  'postCorrect',
  'modelDirection',
  'effect',
  'bandLow',
  'bandHigh',
  'inspectAnswer',
  'followUpAnswer',
  'answeredAt',
  'sketch',
  'postSketch',
];

/** The answers kept in this browser (localStorage), oldest first; none when storage is unavailable. */
export function loadAnswers(): LessonAnswer[] {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? (list as LessonAnswer[]) : [];
  } catch {
    return [];
  }
}

/** Keeps `answer`, replacing an earlier one by the same student for the same lesson. */
export function saveAnswer(answer: LessonAnswer): void {
  const rest = loadAnswers().filter((a) => !(a.lesson === answer.lesson && a.student === answer.student));
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify([...rest, answer]));
  } catch {
    // Storage full or blocked (private mode): the answer stays on screen and in this page's export.
  }
}

/** Forgets every stored answer (the teacher's "clear" between classes). */
export function clearAnswers(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The answers as CSV with a header row: one row per student and lesson, for a pre/post comparison. */
export function answersCsv(answers: readonly LessonAnswer[]): string {
  const lines = [ANSWER_COLUMNS.join(',')];
  for (const a of answers) lines.push(ANSWER_COLUMNS.map((c) => cell(a[c])).join(','));
  return `${lines.join('\n')}\n`;
}
