import type { Lesson } from '../../scenario/lesson-schema.ts';
import type { AppContext } from '../app-context.ts';
import { h, replace } from '../dom.ts';
import { formatLevel } from './lesson-format.ts';
import type { LessonRun } from './lesson-run.ts';
import { sketchView } from './sketch-input.ts';

/**
 * The reveal of a sketch lesson: the student's curve over the model's 10%–90% band and
 * median, drawn up to the year the player has reached, with both curves as text.
 */
export function sketchAgainstModel(ctx: AppContext, lesson: Lesson, run: LessonRun, sketch: readonly number[], width: number): { element: HTMLElement; draw(upTo: number): void } {
  const { t, fmt } = ctx;
  const p = lesson.prediction;
  if (p.kind !== 'sketch') throw new Error(`lesson ${lesson.id} has no sketch`);
  const format = (v: number) => formatLevel(fmt, lesson.run.metric, v);
  const band = run.scenarioBand;
  const slot = h('div', { class: 'sketch-reveal-chart' });
  const summary = h('p', { class: 'sketch-summary' });
  const element = h('figure', { class: 'sketch-reveal', 'data-chart': `sketch-${lesson.id}` }, h('figcaption', {}, t('lesson.sketchTitle')), slot, summary);
  const draw = (upTo: number) => {
    const shown = p.years.filter((y) => y <= upTo && y < band.mid.length);
    const label = t('lesson.sketchSummary', {
      yours: p.years.map((y, i) => `${y}: ${format(sketch[i])}`).join(', '),
      model: shown.map((y) => `${y}: ${format(band.mid[y])}`).join(', ') || '–',
    });
    replace(
      slot,
      sketchView([...sketch], {
        years: p.years,
        min: p.min,
        max: p.max,
        step: p.step,
        width: Math.min(width, 640),
        label,
        pointLabel: (year) => t('lesson.sketchPoint', { year }),
        format,
        band: { lo: band.lo, mid: band.mid, hi: band.hi, upTo },
        legend: { yours: t('lesson.yourSketch'), model: t('lesson.modelMedian'), band: t('lesson.band10') },
      }),
    );
    summary.textContent = label;
  };
  draw(0);
  return { element, draw };
}
