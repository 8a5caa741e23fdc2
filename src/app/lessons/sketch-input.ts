import { h } from '../dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
const M = { left: 62, right: 14, top: 12, bottom: 30 };

/** The words and numbers a sketch needs. */
export interface SketchOptions {
  /** Years of the points, increasing; the x axis runs from the first to the last. */
  years: readonly number[];
  min: number;
  max: number;
  /** What one arrow key press moves a point by. */
  step: number;
  width: number;
  height?: number;
  /** Accessible name of the whole sketch, and of one point ("Your sketch, year 4"). */
  label: string;
  pointLabel: (year: number) => string;
  format: (v: number) => string;
  /** A model band to draw behind the sketch (the reveal): per year from year 0, drawn up to `upTo`. */
  band?: { lo: ArrayLike<number>; mid: ArrayLike<number>; hi: ArrayLike<number>; upTo: number };
  /** Legend words when a band is drawn. */
  legend?: { yours: string; model: string; band: string };
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * A curve the student draws: one point per year, dragged with the pointer or moved with the
 * arrow keys (Up / Down by one step, Page Up / Page Down by five, Left / Right to the
 * neighbouring point). Each point is a slider for screen readers. Without `onChange` it is
 * drawn only (the reveal), with the model's band behind it when given.
 */
export function sketchView(values: number[], o: SketchOptions, onChange?: (values: number[]) => void): HTMLElement {
  const w = o.width;
  const hgt = o.height ?? 240;
  const x0 = o.years[0];
  const x1 = o.years[o.years.length - 1];
  const x = (year: number) => M.left + ((year - x0) / (x1 - x0 || 1)) * (w - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - o.min) / (o.max - o.min || 1)) * (hgt - M.top - M.bottom);
  // Rounded to the step and to 10 decimals, so 0.5 + 3 steps of 0.05 is 0.65, not 0.6500000000000001.
  const clamp = (v: number) => Math.min(o.max, Math.max(o.min, Number((Math.round(v / o.step) * o.step).toFixed(10))));
  const svg = el('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: 'sketch' });
  for (let i = 0; i <= 4; i++) {
    const v = o.min + ((o.max - o.min) * i) / 4;
    svg.append(el('line', { x1: M.left, x2: w - M.right, y1: y(v), y2: y(v), class: 'grid' }));
    const label = el('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' });
    label.textContent = o.format(v);
    svg.append(label);
  }
  for (const yr of o.years) {
    const label = el('text', { x: x(yr), y: hgt - 10, 'text-anchor': 'middle', class: 'tick' });
    label.textContent = String(yr);
    svg.append(label);
  }
  if (o.band) {
    const ys: number[] = [];
    for (let yr = x0; yr <= Math.min(x1, o.band.upTo); yr++) ys.push(yr);
    if (ys.length) {
      const top = ys.map((yr) => `${x(yr)},${y(o.band!.hi[yr])}`);
      const bottom = ys.map((yr) => `${x(yr)},${y(o.band!.lo[yr])}`).reverse();
      svg.append(el('polygon', { points: [...top, ...bottom].join(' '), class: 'sketch-band' }));
      svg.append(el('polyline', { points: ys.map((yr) => `${x(yr)},${y(o.band!.mid[yr])}`).join(' '), class: 'sketch-model' }));
    }
  }
  const line = el('polyline', { points: '', class: 'sketch-line' });
  svg.append(line);
  const dots = o.years.map((yr, i) => {
    const c = el('circle', { cx: x(yr), cy: y(values[i]), r: onChange ? 12 : 5, class: 'sketch-point', 'data-year': yr });
    if (onChange) {
      c.setAttribute('tabindex', '0');
      c.setAttribute('role', 'slider');
      c.setAttribute('aria-label', o.pointLabel(yr));
      c.setAttribute('aria-valuemin', String(o.min));
      c.setAttribute('aria-valuemax', String(o.max));
      c.addEventListener('keydown', (e) => {
        const k = e.key;
        const by = k === 'ArrowUp' ? 1 : k === 'ArrowDown' ? -1 : k === 'PageUp' ? 5 : k === 'PageDown' ? -5 : 0;
        if (by) set(i, values[i] + by * o.step);
        else if (k === 'ArrowLeft' || k === 'ArrowRight') (dots[i + (k === 'ArrowLeft' ? -1 : 1)] as SVGCircleElement | undefined)?.focus();
        else return;
        e.preventDefault();
      });
    }
    svg.append(c);
    return c;
  });
  function draw() {
    line.setAttribute('points', o.years.map((yr, i) => `${x(yr)},${y(values[i])}`).join(' '));
    dots.forEach((c, i) => {
      c.setAttribute('cy', String(y(values[i])));
      if (onChange) {
        c.setAttribute('aria-valuenow', String(values[i]));
        c.setAttribute('aria-valuetext', `${o.format(values[i])}`);
      }
    });
  }
  function set(i: number, v: number) {
    values[i] = clamp(v);
    draw();
    onChange?.(values.slice());
  }
  if (onChange) {
    // The pointer moves the point nearest it in x, so a drag across the chart draws the curve.
    let dragging = false;
    const at = (e: PointerEvent) => {
      const r = svg.getBoundingClientRect();
      const px = ((e.clientX - r.left) / r.width) * w;
      const py = ((e.clientY - r.top) / r.height) * hgt;
      let best = 0;
      o.years.forEach((yr, i) => Math.abs(x(yr) - px) < Math.abs(x(o.years[best]) - px) && (best = i));
      set(best, o.min + (1 - (py - M.top) / (hgt - M.top - M.bottom)) * (o.max - o.min));
      dots[best].focus();
    };
    svg.addEventListener('pointerdown', (e) => {
      dragging = true;
      svg.setPointerCapture(e.pointerId);
      at(e);
      e.preventDefault();
    });
    svg.addEventListener('pointermove', (e) => dragging && at(e));
    svg.addEventListener('pointerup', () => (dragging = false));
  }
  draw();
  const legend = o.band && o.legend ? h('p', { class: 'sketch-legend' }, h('span', { class: 'key yours' }, o.legend.yours), ' ', h('span', { class: 'key model' }, o.legend.model), ' ', h('span', { class: 'key band' }, o.legend.band)) : null;
  if (!onChange) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', o.label);
  }
  return h('div', onChange ? { class: 'sketch-holder', role: 'group', 'aria-label': o.label } : { class: 'sketch-holder' }, legend, svg as unknown as HTMLElement);
}

/** A sketch as text for the CSV: "year:value" pairs joined by spaces. */
export function sketchText(years: readonly number[], values: readonly number[]): string {
  return years.map((yr, i) => `${yr}:${values[i]}`).join(' ');
}
