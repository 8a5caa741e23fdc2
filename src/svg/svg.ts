import type { ScaleLinear } from 'd3';

/** Escapes text for SVG/HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Rounds a coordinate to 0.01 px so SVG text is short and stable. */
export const r2 = (v: number): number => Math.round(v * 100) / 100;

/** Colours shared by every chart. */
export const COLOURS = {
  current: '#d95f02',
  currentBand: '#fbb57f',
  baseline: '#6b6b6b',
  baselineBand: '#cfcfcf',
  axis: '#8c8c8c',
  grid: '#e6e6e6',
  text: '#222',
  muted: '#555',
  /** Depth 1–4 (index 0 unused: no partnership). */
  depth: ['#eeeeee', '#c6dbef', '#6baed6', '#2171b5', '#08306b'],
  lowTech: '#5f7a94',
  highTech: '#8e44ad',
  school: '#1b1b1b',
  benefit: '#1a9850',
  cost: '#d73027',
} as const;

/** Font stack used inside SVGs, so exported files render like the page. */
export const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Opening tag of a chart: size, viewBox, font, a white background for exports. */
export function svgOpen(width: number, height: number, cls: string, label: string, role: 'img' | 'group' = 'img'): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart ${cls}" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" font-size="12" role="${role}" aria-label="${esc(label)}">` +
    `<rect class="bg" width="${width}" height="${height}" fill="#fff"/>`
  );
}

/**
 * Splits text into lines of at most `maxChars` (by words; CJK text, which has no spaces,
 * is split by characters counting double width).
 */
export function wrap(text: string, maxChars: number): string[] {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const tokens = text.match(/[\u2E80-\uFFEF]|[^\s\u2E80-\uFFEF]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && width(line + tok.trimEnd()) > maxChars) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Title and subtitle lines at the top left; returns the markup and the height used. */
export function heading(title: string, subtitle: string | undefined, width: number, x = 8): { svg: string; height: number } {
  let y = 18;
  const parts = [`<text class="title" x="${x}" y="${y}" font-size="14" font-weight="600" fill="${COLOURS.text}">${esc(title)}</text>`];
  if (subtitle) {
    for (const line of wrap(subtitle, Math.max(20, Math.floor((width - 2 * x) / 6.2)))) {
      y += 15;
      parts.push(`<text class="subtitle" x="${x}" y="${y}" font-size="11.5" fill="${COLOURS.muted}">${esc(line)}</text>`);
    }
  }
  return { svg: parts.join(''), height: y + 8 };
}

/** A horizontal axis of years at `y` with ticks and an optional label. */
export function yearAxis(x: ScaleLinear<number, number>, y: number, label: string | undefined, maxTicks = 6): string {
  const [d0, d1] = x.domain();
  const ticks = x.ticks(Math.min(maxTicks, Math.max(1, d1 - d0))).filter((t) => Number.isInteger(t));
  const [r0, r1] = x.range();
  let s = `<g class="axis x-axis" fill="${COLOURS.muted}" font-size="11"><line x1="${r2(r0)}" x2="${r2(r1)}" y1="${r2(y)}" y2="${r2(y)}" stroke="${COLOURS.axis}"/>`;
  for (const t of ticks)
    s += `<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${r2(y)}" y2="${r2(y + 4)}" stroke="${COLOURS.axis}"/><text x="${r2(x(t))}" y="${r2(y + 15)}" text-anchor="middle">${t}</text>`;
  if (label) s += `<text class="axis-label" x="${r2(r1)}" y="${r2(y + 28)}" text-anchor="end">${esc(label)}</text>`;
  return `${s}</g>`;
}

/** A vertical axis with grid lines across to `xEnd`, ticks formatted by `format`. */
export function valueAxis(
  yScale: ScaleLinear<number, number>,
  x0: number,
  xEnd: number,
  format: (v: number) => string,
  ticks = 4,
): string {
  let s = `<g class="axis y-axis" fill="${COLOURS.muted}" font-size="11">`;
  for (const t of yScale.ticks(ticks)) {
    const y = r2(yScale(t));
    s += `<line x1="${r2(x0)}" x2="${r2(xEnd)}" y1="${y}" y2="${y}" stroke="${t === 0 ? COLOURS.axis : COLOURS.grid}"/>`;
    s += `<text x="${r2(x0 - 5)}" y="${r2(y + 4)}" text-anchor="end">${esc(format(t))}</text>`;
  }
  return `${s}</g>`;
}

/** One legend entry: a swatch (box, line or dashed line) and its label. */
export interface LegendItem {
  label: string;
  colour: string;
  kind: 'box' | 'line' | 'dashed' | 'band' | 'dot' | 'ring' | 'square';
}

/** Legend entries in rows that wrap at `width`; returns markup and height. */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number): { svg: string; height: number } {
  let cx = x;
  let cy = y;
  const row = 16;
  const parts: string[] = ['<g class="legend" font-size="11.5">'];
  for (const it of items) {
    const w = 22 + [...it.label].reduce((a, ch) => a + (/[\u2E80-\uFFEF]/.test(ch) ? 11.5 : 6.4), 0) + 14;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += row;
    }
    const sy = cy - 4;
    let sw = '';
    switch (it.kind) {
      case 'box':
        sw = `<rect x="${r2(cx)}" y="${r2(sy - 5)}" width="16" height="10" fill="${it.colour}"/>`;
        break;
      case 'band':
        sw = `<rect x="${r2(cx)}" y="${r2(sy - 5)}" width="16" height="10" fill="${it.colour}" opacity="0.5"/>`;
        break;
      case 'line':
        sw = `<line x1="${r2(cx)}" x2="${r2(cx + 16)}" y1="${r2(sy)}" y2="${r2(sy)}" stroke="${it.colour}" stroke-width="2.5"/>`;
        break;
      case 'dashed':
        sw = `<line x1="${r2(cx)}" x2="${r2(cx + 16)}" y1="${r2(sy)}" y2="${r2(sy)}" stroke="${it.colour}" stroke-width="2" stroke-dasharray="4,3"/>`;
        break;
      case 'dot':
        sw = `<circle cx="${r2(cx + 8)}" cy="${r2(sy)}" r="4" fill="${it.colour}"/>`;
        break;
      case 'ring':
        sw = `<circle cx="${r2(cx + 8)}" cy="${r2(sy)}" r="4" fill="#fff" stroke="${it.colour}" stroke-width="2"/>`;
        break;
      case 'square':
        sw = `<rect x="${r2(cx + 3)}" y="${r2(sy - 5)}" width="10" height="10" fill="${it.colour}"/>`;
        break;
    }
    parts.push(`<g class="legend-item">${sw}<text x="${r2(cx + 21)}" y="${r2(cy)}" fill="${COLOURS.text}">${esc(it.label)}</text></g>`);
    cx += w;
  }
  parts.push('</g>');
  return { svg: parts.join(''), height: cy - y + row };
}

/** An SVG path through points, skipping non-finite values. */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${r2(x)},${r2(y)}`;
    pen = true;
  }
  return d;
}

/** A closed band between two series (lower and upper), as one SVG path. */
export function bandPath(xs: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>): string {
  const n = xs.length;
  if (n === 0) return '';
  let d = `M${r2(xs[0])},${r2(hi[0])}`;
  for (let i = 1; i < n; i++) d += `L${r2(xs[i])},${r2(hi[i])}`;
  for (let i = n - 1; i >= 0; i--) d += `L${r2(xs[i])},${r2(lo[i])}`;
  return `${d}Z`;
}

/** Legend entries stacked in a column, each label wrapped to `width`; returns markup and height. */
export function columnLegend(items: readonly LegendItem[], x: number, y: number, width: number): { svg: string; height: number } {
  const parts: string[] = ['<g class="legend" font-size="11.5">'];
  let cy = y;
  for (const it of items) {
    const lines = wrap(it.label, Math.max(8, Math.floor((width - 22) / 6.2)));
    const sy = cy - 4;
    const sw =
      it.kind === 'dashed'
        ? `<line x1="${r2(x)}" x2="${r2(x + 16)}" y1="${r2(sy)}" y2="${r2(sy)}" stroke="${it.colour}" stroke-width="2" stroke-dasharray="4,3"/>`
        : it.kind === 'line'
          ? `<line x1="${r2(x)}" x2="${r2(x + 16)}" y1="${r2(sy)}" y2="${r2(sy)}" stroke="${it.colour}" stroke-width="2.5"/>`
          : `<rect x="${r2(x)}" y="${r2(sy - 6)}" width="16" height="12" fill="${it.colour}"/>`;
    parts.push(
      `<g class="legend-item">${sw}${lines
        .map((l, i) => `<text x="${r2(x + 22)}" y="${r2(cy + i * 14)}" fill="${COLOURS.text}">${esc(l)}</text>`)
        .join('')}</g>`,
    );
    cy += lines.length * 14 + 8;
  }
  parts.push('</g>');
  return { svg: parts.join(''), height: cy - y };
}
