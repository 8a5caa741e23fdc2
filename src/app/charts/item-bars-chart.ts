import { scaleLinear } from 'd3';
import { COLOURS, esc, r2, svgOpen } from '../../svg/svg.ts';

/** One bar: a labelled signed value. */
export interface ItemBar {
  label: string;
  value: number;
  /** Drawn emphasised (e.g. the option chosen). */
  highlight?: boolean;
}

/** Options of {@link itemBarsSvg}. */
export interface ItemBarsOptions {
  width?: number;
  /** Height of one bar row in px (default 18). */
  row?: number;
  title: string;
  format: (v: number) => string;
  /** A total row at the bottom ("Net"), when given. */
  total?: { label: string; value: number };
  /** Colour bars by sign (benefit green, cost red) or all neutral. */
  signColours?: boolean;
}

/**
 * Horizontal bars around zero, one row per item (benefits right, costs left), with
 * their values; an optional total row. Used by the inspector for the benefit and cost
 * items behind a firm's decision and for the options it weighed. Pure.
 */
export function itemBarsSvg(items: readonly ItemBar[], o: ItemBarsOptions): string {
  const width = o.width ?? 360;
  const row = o.row ?? 18;
  const labelW = Math.min(190, width * 0.47);
  const valueW = 50;
  const rows = items.length + (o.total ? 1 : 0);
  const top = 6;
  const height = top + rows * row + 8;
  let max = 0;
  for (const it of items) if (Number.isFinite(it.value)) max = Math.max(max, Math.abs(it.value));
  if (o.total && Number.isFinite(o.total.value)) max = Math.max(max, Math.abs(o.total.value));
  if (max === 0) max = 1;
  const anyNegative = items.some((i) => i.value < 0) || (o.total?.value ?? 0) < 0;
  const anyPositive = items.some((i) => i.value > 0) || (o.total?.value ?? 0) > 0;
  const x0 = labelW + 6;
  const x1 = width - valueW;
  const x = scaleLinear()
    .domain([anyNegative ? -max : 0, anyPositive ? max : 0.0001])
    .range([x0, x1]);
  const zero = x(0);
  const parts = [svgOpen(width, height, 'item-bars', o.title)];
  const bar = (it: ItemBar, i: number, total: boolean) => {
    const y = top + i * row;
    const v = Number.isFinite(it.value) ? it.value : 0;
    const colour = o.signColours === false ? (it.highlight ? COLOURS.current : '#9aa5b1') : v >= 0 ? COLOURS.benefit : COLOURS.cost;
    const xa = Math.min(zero, x(v));
    const w = Math.abs(x(v) - zero);
    const weight = total || it.highlight ? ' font-weight="600"' : '';
    parts.push(
      `<g class="item-row${total ? ' total' : ''}${it.highlight ? ' chosen' : ''}">` +
        `<text x="${r2(labelW)}" y="${r2(y + row * 0.68)}" text-anchor="end" fill="${COLOURS.text}"${weight}>${esc(it.label)}</text>` +
        `<rect x="${r2(xa)}" y="${r2(y + 3)}" width="${r2(Math.max(w, Number.isFinite(it.value) ? 0.5 : 0))}" height="${r2(row - 6)}" fill="${colour}"${total ? '' : ' opacity="0.85"'}/>` +
        `<text x="${r2(width - 4)}" y="${r2(y + row * 0.68)}" text-anchor="end" fill="${COLOURS.text}"${weight}>${esc(o.format(it.value))}</text></g>`,
    );
  };
  items.forEach((it, i) => bar(it, i, false));
  if (o.total) {
    const y = top + items.length * row;
    parts.push(`<line x1="${r2(x0)}" x2="${r2(width)}" y1="${r2(y + 1)}" y2="${r2(y + 1)}" stroke="${COLOURS.axis}"/>`);
    bar({ label: o.total.label, value: o.total.value }, items.length, true);
  }
  parts.push(`<line class="zero" x1="${r2(zero)}" x2="${r2(zero)}" y1="${top}" y2="${r2(height - 6)}" stroke="${COLOURS.axis}"/>`);
  parts.push('</svg>');
  return parts.join('');
}
