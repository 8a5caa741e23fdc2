import type { Direction, Lesson } from '../../scenario/lesson-schema.ts';
import type { AppContext } from '../app-context.ts';
import { bandChartSvg } from '../charts/band-chart.ts';
import { h } from '../dom.ts';
import { isMessageKey, type MessageKey } from '../i18n/messages.ts';
import { figureView } from '../views/figure-view.ts';
import { effectStripSvg } from './effect-strip.ts';
import { say } from './lesson-catalog.ts';
import { formatEffect, formatLevel, isShare, predictionCorrect } from './lesson-format.ts';
import type { LessonRun } from './lesson-run.ts';
import { yearPlayer } from './year-player.ts';
import { sketchAgainstModel } from './sketch-reveal.ts';

/** The name of a lesson's scenario in the app's language. */
const presetName = (ctx: AppContext, id: string) => ctx.t(`preset.${id}` as MessageKey);

/**
 * The reveal: the output over the years (scenario against comparison, 10%–90% bands),
 * played year by year up to the lesson's year and beyond; then the student's prediction
 * against the paired effect at that year with its 90% band, and what the model shows.
 */
export function lessonReveal(ctx: AppContext, lesson: Lesson, run: LessonRun, pre: Direction | number, width: number, sketch: readonly number[] | null = null): HTMLElement {
  const { t, fmt, state } = ctx;
  const { metric, year } = lesson.run;
  const metricKey = `lesson.metric.${metric}`;
  const metricName = isMessageKey(metricKey) ? t(metricKey) : metric;
  const years = Float64Array.from({ length: run.years }, (_, i) => i);
  // The lesson's own padding (about 40 px) comes off the width the page gives.
  const chartW = Math.min(width - 40, 760);
  let upTo = 0;
  const render = (w: number) =>
    bandChartSvg(
      { years, current: run.scenarioBand, baseline: run.comparisonBand ?? undefined, ensemble: true },
      {
        width: w,
        height: 300,
        title: metricName,
        unit: t('lesson.chartUnit', { n: run.seeds.length }),
        format: (v) => formatLevel(fmt, metric, v),
        cap: isShare(metric) ? 1 : undefined,
        legend: {
          current: presetName(ctx, lesson.run.scenario),
          baseline: lesson.run.comparison ? presetName(ctx, lesson.run.comparison) : '',
          band: t('lesson.band10'),
        },
        yearLabel: t('chart.year'),
        upToYear: upTo,
      },
    );
  const fig = figureView(ctx, `lesson-${lesson.id}`, metricName, chartW, render, 'lesson-chart');
  const verdict = h('div', { class: 'lesson-verdict', hidden: true });
  const sketchFig = sketch && lesson.prediction.kind === 'sketch' ? sketchAgainstModel(ctx, lesson, run, sketch, chartW) : null;
  const player = yearPlayer(t, run.years - 1, 0, (y) => {
    upTo = y;
    fig.refresh();
    sketchFig?.draw(y);
    verdict.hidden = y < year;
  });

  const e = run.effect;
  const reference = lesson.run.reference ?? 0;
  const estimate = typeof pre === 'number';
  const correct = predictionCorrect(pre, run.direction, { lo: e.lo, hi: e.hi, reference }, lesson.result.tolerance);
  const choiceText = (d: Direction) => {
    const c = lesson.prediction.kind === 'choice' ? lesson.prediction.choices.find((x) => x.direction === d) : undefined;
    return c ? say(c.text, state.lang) : t(`lesson.direction.${d}` as MessageKey);
  };
  const fmtStrip = (v: number) => (estimate ? formatLevel(fmt, metric, v) : formatEffect(fmt, metric, v));
  const strip = effectStripSvg(
    {
      median: estimate ? reference + e.difference : e.difference,
      lo: estimate ? reference + e.lo : e.lo,
      hi: estimate ? reference + e.hi : e.hi,
      reference,
      tolerance: lesson.result.tolerance,
      estimate: estimate ? pre : undefined,
    },
    {
      title: t('lesson.stripTitle', { year }),
      model: t('lesson.model'),
      band: t('lesson.band90'),
      reference: estimate ? t('lesson.referenceLevel', { v: formatLevel(fmt, metric, reference) }) : t('lesson.noEffect'),
      estimate: t('lesson.yourEstimate'),
      format: fmtStrip,
    },
    Math.min(width - 40, 640),
  );
  const yours = estimate ? formatLevel(fmt, metric, pre) : choiceText(pre);
  const modelLine = lesson.run.comparison
    ? t('lesson.modelEffect', { year, effect: formatEffect(fmt, metric, e.difference), lo: formatEffect(fmt, metric, e.lo), hi: formatEffect(fmt, metric, e.hi), n: e.n, comparison: presetName(ctx, lesson.run.comparison) })
    : t('lesson.modelLevel', { year, level: formatLevel(fmt, metric, reference + e.difference), lo: formatLevel(fmt, metric, reference + e.lo), hi: formatLevel(fmt, metric, reference + e.hi), n: e.n });
  verdict.append(
    h('p', { class: 'yours' }, t('lesson.youPredicted', { answer: yours })),
    h('p', { class: 'model-line' }, modelLine, ' ', estimate ? '' : t('lesson.modelSays', { answer: choiceText(run.direction) })),
    h('p', { class: `judgement ${correct ? 'right' : 'wrong'}`, 'data-correct': String(correct) }, correct ? t('lesson.right') : t('lesson.wrong')),
    h('div', { class: 'effect-strip-holder', html: strip }),
    h('p', { class: 'reveal-text' }, say(lesson.reveal, state.lang)),
  );
  // The years play out on their own once the reveal is on the page; Pause / Step take over.
  requestAnimationFrame(() => player.play());
  return h('div', { class: 'lesson-reveal' }, h('h3', {}, t('lesson.step.reveal')), player, fig, sketchFig?.element ?? null, verdict);
}
