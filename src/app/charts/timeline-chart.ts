import { scaleLinear } from 'd3';
import { COLOURS, esc, r2, svgOpen } from '../../svg/svg.ts';

/** One row of a timeline: a partner and its partnership depth (0 = none) in each year. */
export interface TimelineRow {
  label: string;
  /** Depth per year, 0–4. */
  depth: ArrayLike<number>;
  /** Whether the tie rested on personal ties, per year (drawn lighter). */
  friendship?: ArrayLike<number>;
}

/** Options of {@link timelineSvg}. */
export interface TimelineOptions {
  width?: number;
  row?: number;
  title: string;
  years: number;
  /** Marks this year with a vertical line. */
  currentYear?: number;
  yearLabel: string;
  depthTitle: (depth: number) => string;
}

/**
 * Partnerships over time: one row per partner, one cell per year, coloured by depth
 * (the colours of the depth chart). Pure.
 */
export function timelineSvg(rows: readonly TimelineRow[], o: TimelineOptions): string {
  const width = o.width ?? 360;
  const row = o.row ?? 14;
  const labelW = 76;
  const top = 4;
  const bottom = 26;
  const height = top + Math.max(1, rows.length) * row + bottom;
  const x = scaleLinear().domain([0, o.years]).range([labelW, width - 6]);
  const cell = x(1) - x(0);
  const parts = [svgOpen(width, height, 'timeline', o.title)];
  rows.forEach((r, i) => {
    const y = top + i * row;
    parts.push(`<text x="${labelW - 5}" y="${r2(y + row * 0.75)}" text-anchor="end" font-size="11" fill="${COLOURS.text}">${esc(r.label)}</text>`);
    for (let t = 0; t < o.years; t++) {
      const d = r.depth[t] ?? 0;
      if (d <= 0) continue;
      const light = r.friendship?.[t] ? ' opacity="0.6"' : '';
      parts.push(
        `<rect x="${r2(x(t) + 0.5)}" y="${r2(y + 1)}" width="${r2(Math.max(1, cell - 1))}" height="${row - 2}" fill="${COLOURS.depth[d]}"${light}><title>${esc(`${o.yearLabel} ${t}: ${o.depthTitle(d)}`)}</title></rect>`,
      );
    }
  });
  const yAxis = top + Math.max(1, rows.length) * row + 2;
  parts.push(`<g class="axis" font-size="10.5" fill="${COLOURS.muted}">`);
  const step = o.years > 30 ? 10 : 5;
  for (let t = 0; t <= o.years; t += step)
    parts.push(`<text x="${r2(x(t) + cell / 2)}" y="${r2(yAxis + 11)}" text-anchor="middle">${t}</text>`);
  parts.push(`<text x="${r2(labelW - 5)}" y="${r2(yAxis + 11)}" text-anchor="end">${esc(o.yearLabel)}</text></g>`);
  if (o.currentYear !== undefined)
    parts.push(
      `<line class="current-year" x1="${r2(x(o.currentYear + 0.5))}" x2="${r2(x(o.currentYear + 0.5))}" y1="${top}" y2="${r2(yAxis)}" stroke="#e6194b" stroke-width="1.5"/>`,
    );
  parts.push('</svg>');
  return parts.join('');
}
