import type { Direction, Lesson } from '../../scenario/lesson-schema.ts';
import type { AppContext } from '../app-context.ts';
import { h, replace } from '../dom.ts';
import type { RunService } from '../scheduling/run-service.ts';
import { saveAnswer } from './lesson-answers.ts';
import { findLesson, say } from './lesson-catalog.ts';
import { formatLevel, predictionCorrect } from './lesson-format.ts';
import { lessonInspector } from './lesson-inspect.ts';
import { answersTools, lessonPicker } from './lesson-picker.ts';
import { lessonReveal } from './lesson-reveal.ts';
import { runLesson, type LessonRun } from './lesson-run.ts';
import { teacherNotes } from './lesson-notes.ts';
import { sketchText, sketchView } from './sketch-input.ts';

/** A student's way through one lesson; kept while the page is open, so a language switch loses nothing. */
interface Progress {
  student: string;
  pre: Direction | number | null;
  committedAt: string;
  post: Direction | number | null;
  inspectorOpen: boolean;
  inspectAnswer: string;
  followUpAnswer: string;
  saved: boolean;
  /** A sketch lesson's curves, one value per point (pre holds the judged point's value). */
  sketch: number[] | null;
  postSketch: number[] | null;
}

const progress = new Map<string, Progress>();
let lastStudent = '';

function progressOf(id: string): Progress {
  let p = progress.get(id);
  if (!p) {
    p = { student: lastStudent, pre: null, committedAt: '', post: null, inspectorOpen: false, inspectAnswer: '', followUpAnswer: '', saved: false, sketch: null, postSketch: null };
    progress.set(id, p);
  }
  return p;
}

/** The Lessons tab: the picker, or the lesson `?lesson=ID` names. */
export function lessonsView(ctx: AppContext, runs: RunService, width: number): HTMLElement {
  const lesson = ctx.state.lesson ? findLesson(ctx.state.lesson) : undefined;
  return lesson ? lessonView(ctx, runs, lesson, width) : lessonPicker(ctx);
}

/** A curve the student sketches and where it is kept; `set` also gets the judged point's value. */
interface SketchSlot {
  values: number[] | null;
  /** The width the page gives the lesson. */
  width: number;
  keep(values: number[]): void;
}

/** A prediction control: choices as radio buttons, a slider for an estimate, or a curve to sketch. */
function predictionInput(ctx: AppContext, lesson: Lesson, name: string, value: Direction | number | null, locked: boolean, set: (v: Direction | number) => void, slot?: SketchSlot): HTMLElement {
  const { state, t } = ctx;
  const p = lesson.prediction;
  if (p.kind === 'sketch') {
    const values = slot?.values?.slice() ?? p.years.map(() => p.start);
    const judged = p.years.indexOf(lesson.run.year);
    const report = (v: number[]) => {
      slot?.keep(v);
      set(v[judged]);
    };
    if (!slot?.values && !locked) report(values);
    const options = { years: p.years, min: p.min, max: p.max, step: p.step, width: Math.min(560, (slot?.width ?? 600) - 60), label: say(p.prompt, state.lang), pointLabel: (year: number) => t('lesson.sketchPoint', { year }), format: (v: number) => formatLevel(ctx.fmt, lesson.run.metric, v) };
    return h('div', { class: 'sketch-row', 'data-name': name }, locked ? null : h('p', { class: 'muted' }, t('lesson.sketchHelp')), sketchView(values, options, locked ? undefined : report));
  }
  if (p.kind === 'choice')
    return h(
      'div',
      { class: 'choices', role: 'radiogroup', 'aria-label': say(p.prompt, state.lang) },
      ...p.choices.map((c) =>
        h(
          'label',
          { class: 'choice' },
          h('input', { type: 'radio', name, value: c.direction, checked: value === c.direction, disabled: locked, onchange: () => set(c.direction) }),
          ' ',
          say(c.text, state.lang),
        ),
      ),
    );
  const start = typeof value === 'number' ? value : p.start;
  const out = h('output', { class: 'estimate-value' }, formatLevel(ctx.fmt, lesson.run.metric, start));
  const slider = h('input', {
    type: 'range',
    class: 'estimate',
    name,
    min: p.min,
    max: p.max,
    step: p.step,
    value: String(start),
    disabled: locked,
    'aria-label': say(p.prompt, state.lang),
    oninput: () => {
      out.textContent = formatLevel(ctx.fmt, lesson.run.metric, Number(slider.value));
      set(Number(slider.value));
    },
  });
  if (typeof value !== 'number' && !locked) set(start);
  return h('div', { class: 'estimate-row' }, slider, ' ', out);
}

/**
 * One guided lesson: question and prediction, then (once the student commits) the run
 * with its reveal, the explanation with the inspector on a telling agent, the same
 * question again, the follow-up, and saving the answers for the CSV export.
 */
export function lessonView(ctx: AppContext, runs: RunService, lesson: Lesson, width: number): HTMLElement {
  const { t, state } = ctx;
  const p = progressOf(lesson.id);
  const root = h('article', { class: 'lesson-view', 'data-lesson': lesson.id, 'data-step': 'predict' });
  let run: LessonRun | null = null;
  // Runs start at once, so the reveal is ready when the class has committed.
  const running = runLesson(runs, lesson).then((r) => (run = r));

  const name = h('input', {
    type: 'text',
    class: 'student',
    value: p.student,
    maxlength: 80,
    'aria-label': t('lesson.student'),
    placeholder: t('lesson.studentHint'),
    oninput: () => (p.student = lastStudent = name.value.trim()),
  });
  const head = h(
    'header',
    { class: 'lesson-head' },
    h('button', { type: 'button', class: 'lesson-back link', onclick: () => ctx.update({ lesson: null }) }, `← ${t('lesson.all')}`),
    h('p', { class: 'claim-no' }, t('lesson.claim', { n: lesson.claim })),
    h('h2', {}, say(lesson.title, state.lang)),
    h('p', { class: 'question' }, say(lesson.question, state.lang)),
    h('label', { class: 'student-label' }, t('lesson.student'), ' ', name),
    teacherNotes(ctx, lesson),
  );

  const predictSlot = h('section', { class: 'lesson-predict', 'aria-labelledby': `${lesson.id}-predict` });
  const revealSlot = h('section', { class: 'lesson-reveal-slot' });
  const explainSlot = h('section', { class: 'lesson-explain-slot' });
  const postSlot = h('section', { class: 'lesson-post-slot' });
  root.append(head, predictSlot, revealSlot, explainSlot, postSlot);

  function drawPredict() {
    const locked = p.pre !== null && p.committedAt !== '';
    let choice: Direction | number | null = p.pre;
    const commit = h(
      'button',
      {
        type: 'button',
        class: 'commit primary',
        disabled: locked || choice === null,
        onclick: () => {
          if (choice === null) return;
          p.pre = choice;
          p.committedAt = new Date().toISOString();
          drawAll();
        },
      },
      locked ? t('lesson.committed') : t('lesson.commit'),
    );
    replace(
      predictSlot,
      h('h3', { id: `${lesson.id}-predict` }, t('lesson.step.predict')),
      h('p', {}, say(lesson.prediction.prompt, state.lang)),
      predictionInput(
        ctx,
        lesson,
        `${lesson.id}-pre`,
        p.pre,
        locked,
        (v) => {
          choice = v;
          commit.disabled = false;
        },
        { values: p.sketch, width, keep: (v) => (p.sketch = v) },
      ),
      commit,
    );
  }

  function drawAfter() {
    if (!p.committedAt) return replace(revealSlot, h('p', { class: 'muted' }, t('lesson.revealLater')));
    root.dataset.step = 'reveal';
    replace(revealSlot, h('p', { class: 'loading' }, t('lesson.running')));
    void running.then(() => {
      if (!run || p.pre === null) return;
      replace(revealSlot, lessonReveal(ctx, lesson, run, p.pre, width, p.sketch));
      root.dataset.reveal = 'ready';
      drawExplain();
      drawPost();
    });
  }

  function drawExplain() {
    const { inspect } = lesson.explanation;
    const slot = h('div', { class: 'inspector-slot' });
    const answer = h('textarea', { class: 'inspect-answer', rows: 3, 'aria-label': say(inspect.prompt, state.lang), oninput: () => (p.inspectAnswer = answer.value) });
    answer.value = p.inspectAnswer;
    const open = () => {
      p.inspectorOpen = true;
      root.dataset.step = 'explain';
      replace(slot, lessonInspector(ctx, runs, lesson));
      openBtn.hidden = true;
    };
    const openBtn = h('button', { type: 'button', class: 'open-inspector', onclick: open }, t('lesson.openInspector'));
    replace(
      explainSlot,
      h('h3', {}, t('lesson.step.explain')),
      h('p', {}, say(lesson.explanation.text, state.lang)),
      openBtn,
      slot,
      h('label', { class: 'prompt' }, h('strong', {}, say(inspect.prompt, state.lang)), answer),
    );
    if (p.inspectorOpen) open();
  }

  function drawPost() {
    if (!run) return;
    const done = run;
    const follow = h('textarea', { class: 'follow-up-answer', rows: 3, 'aria-label': say(lesson.followUp, state.lang), oninput: () => (p.followUpAnswer = follow.value) });
    follow.value = p.followUpAnswer;
    const status = h('p', { class: 'saved', role: 'status' }, p.saved ? t('lesson.saved') : '');
    const tools = h('div', { class: 'answers-slot' }, answersTools(ctx, () => replace(tools, answersTools(ctx, () => undefined))));
    const sketchYears = lesson.prediction.kind === 'sketch' ? lesson.prediction.years : null;
    const save = () => {
      if (p.pre === null) return;
      const band = { lo: done.effect.lo, hi: done.effect.hi, reference: lesson.run.reference ?? 0 };
      const judge = (v: Direction | number) => predictionCorrect(v, done.direction, band, lesson.result.tolerance);
      saveAnswer({
        lesson: lesson.id,
        claim: lesson.claim,
        student: p.student,
        lang: state.lang,
        pre: String(p.pre),
        post: p.post === null ? '' : String(p.post),
        preCorrect: judge(p.pre),
        postCorrect: p.post === null ? null : judge(p.post),
        modelDirection: done.direction,
        effect: done.effect.difference,
        bandLow: done.effect.lo,
        bandHigh: done.effect.hi,
        inspectAnswer: p.inspectAnswer,
        followUpAnswer: p.followUpAnswer,
        answeredAt: p.committedAt,
        sketch: sketchYears && p.sketch ? sketchText(sketchYears, p.sketch) : '',
        postSketch: sketchYears && p.postSketch ? sketchText(sketchYears, p.postSketch) : '',
      });
      p.saved = true;
      status.textContent = t('lesson.saved');
      replace(tools, answersTools(ctx, () => undefined));
    };
    replace(
      postSlot,
      h('h3', {}, t('lesson.step.post')),
      h('p', {}, t('lesson.again'), ' ', say(lesson.prediction.prompt, state.lang)),
      predictionInput(ctx, lesson, `${lesson.id}-post`, p.post ?? (typeof p.pre === 'number' ? p.pre : null), false, (v) => (p.post = v), {
        values: p.postSketch ?? p.sketch,
        width,
        keep: (v) => (p.postSketch = v),
      }),
      h('label', { class: 'prompt' }, h('strong', {}, say(lesson.followUp, state.lang)), follow),
      h('button', { type: 'button', class: 'save-answers primary', onclick: save }, t('lesson.save')),
      status,
      tools,
    );
  }

  function drawAll() {
    drawPredict();
    drawAfter();
  }
  drawAll();
  return root;
}
