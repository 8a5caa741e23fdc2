import { format, scaleLinear } from 'd3';
import { COLOURS, esc, heading, legend, r2, svgOpen, valueAxis } from '../svg/svg.ts';
import type { GameVsModel } from '../analysis/game/game-vs-model.ts';

const WIDTH = 720;
const PANEL = 300;
const PALETTE = ['#1b9e77', '#7570b3', '#d95f02', '#e7298a'];

/**
 * The game's tipping points against the model's response, one panel per lever (string
 * markup, so it renders in Node and the browser alike): the model's deep share per lever
 * value (paired-seed mean, a solid line per scenario), the share of pairs in which going deep
 * pays the firm (dashed), and vertical marks at the game's threshold from the start (solid),
 * where deep–deep becomes stable in the game (dashed) and the model's steepest rise (dotted).
 */
export function gameVsModelSvg(rows: readonly GameVsModel[]): string {
  const levers = [...new Set(rows.map((r) => r.lever))];
  const head = heading('The game\'s tipping point and the model\'s response', 'deep share = firms whose deepest partnership is at depth 3 or more, final year, mean over paired seeds', WIDTH);
  const lg = legend(
    [
      { label: 'model: deep share', colour: COLOURS.baseline, kind: 'line' },
      { label: 'pairs in which deep pays the firm', colour: COLOURS.baseline, kind: 'dashed' },
      { label: '| game threshold from the start', colour: COLOURS.text, kind: 'box' },
      { label: '┆ game: deep–deep stable from', colour: COLOURS.muted, kind: 'box' },
      { label: '▼ model: steepest rise', colour: COLOURS.current, kind: 'box' },
    ],
    8,
    head.height + 8,
    WIDTH - 16,
  );
  const top0 = head.height + lg.height + 24;
  const height = top0 + levers.length * (PANEL + 40);
  const parts = [svgOpen(WIDTH, height, 'game-vs-model', 'The game\'s tipping point and the model\'s response'), head.svg, lg.svg];
  const fmt = format('.0%');
  levers.forEach((lever, li) => {
    const panel = rows.filter((r) => r.lever === lever);
    const top = top0 + li * (PANEL + 40);
    const bottom = top + PANEL - 40;
    const left = 56;
    const right = WIDTH - 16;
    const xs = panel.flatMap((r) => r.model.values);
    const x = scaleLinear().domain([Math.min(...xs), Math.max(...xs)]).range([left, right]);
    const y = scaleLinear().domain([0, 1]).range([bottom, top + 10]);
    parts.push(valueAxis(y, left, right, fmt, 5));
    parts.push(`<g class="axis x-axis" fill="${COLOURS.muted}" font-size="11"><line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${COLOURS.axis}"/>`);
    for (const t of x.ticks(8))
      parts.push(`<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${bottom}" y2="${bottom + 4}" stroke="${COLOURS.axis}"/><text x="${r2(x(t))}" y="${bottom + 15}" text-anchor="middle">${esc(String(t))}</text>`);
    parts.push(`<text class="axis-label" x="${right}" y="${bottom + 30}" text-anchor="end">${esc(lever)}</text></g>`);
    panel.forEach((r, i) => {
      const c = PALETTE[i % PALETTE.length];
      const line = (vals: number[]) => vals.map((v, k) => `${k === 0 ? 'M' : 'L'}${r2(x(r.model.values[k]))},${r2(y(v))}`).join('');
      parts.push(`<path d="${line(r.model.deepShare)}" fill="none" stroke="${c}" stroke-width="2.5"><title>${esc(`${r.scenario}: model deep share`)}</title></path>`);
      if (r.pairs) parts.push(`<path d="${line(r.pairs.shareGaining)}" fill="none" stroke="${c}" stroke-width="1.5" stroke-dasharray="4,3"/>`);
      const mark = (v: number | null, dash: string, colour: string, what: string) => {
        if (v === null || v < x.domain()[0] || v > x.domain()[1]) return;
        parts.push(`<line x1="${r2(x(v))}" x2="${r2(x(v))}" y1="${top + 10}" y2="${bottom}" stroke="${colour}" stroke-width="1.5"${dash}><title>${esc(`${r.scenario}: ${what} ${v.toFixed(2)}`)}</title></line>`);
      };
      mark(r.gameThreshold, '', c, 'game threshold from the start');
      mark(r.gameDeepStable, ' stroke-dasharray="2,3"', c, 'game: deep–deep stable from');
      // A rise of under one point over the whole range is no turn (see the README's table).
      if (r.model.steepest !== null && Math.max(...r.model.deepShare) - r.model.deepShare[0] >= 0.01) parts.push(`<text x="${r2(x(r.model.steepest))}" y="${top + 8}" text-anchor="middle" fill="${c}" font-size="12">▼<title>${esc(`${r.scenario}: model's steepest rise at ${r.model.steepest.toFixed(2)}`)}</title></text>`);
      parts.push(`<text x="${right - 4}" y="${r2(top + 24 + 15 * i)}" text-anchor="end" fill="${c}" font-size="11.5">${esc(r.scenario)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
