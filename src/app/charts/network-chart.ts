import type { NetworkLayout } from '../../analysis/network-layout.ts';
import { COLOURS, esc, heading, legend, r2, svgOpen } from '../../svg/svg.ts';

/** One year of the network, to draw over a layout. */
export interface NetworkChartData {
  layout: NetworkLayout;
  /** (firm, school, depth + 8·basis) triples of the year shown. */
  edges: Int32Array;
  schools: number;
  /** 0 low-tech, 1 high-tech, per firm. */
  firmTech: ArrayLike<number>;
  selection?: { kind: 'firm' | 'school'; index: number } | null;
  /** The node in the tab order (else the selection, else college 0). */
  focus?: { kind: 'firm' | 'school'; index: number } | null;
}

/** Radius of a node's hit area: 24 px across, the WCAG 2.2 minimum target size. */
const HIT_RADIUS = 12;

/** Options of {@link networkSvg}. */
export interface NetworkChartOptions {
  width?: number;
  height?: number;
  title: string;
  subtitle?: string;
  labels: {
    school: string;
    lowTech: string;
    highTech: string;
    depth: readonly [string, string, string, string];
    friendship: string;
    contract: string;
    /** Tooltip of a firm and a college ("Firm {id}"). */
    firmTitle: (f: number) => string;
    schoolTitle: (s: number) => string;
  };
}

/**
 * The cooperation network of one year: colleges as squares (larger with more partners),
 * the firms cooperating that year as dots (coloured by tech level), partnerships as lines
 * coloured by depth (dashed when they rest on personal ties). Nodes carry `data-kind` and
 * `data-index` for clicks. Pure: the same data give the same SVG string.
 */
export function networkSvg(data: NetworkChartData, o: NetworkChartOptions): string {
  const width = o.width ?? 640;
  const height = o.height ?? 560;
  const head = heading(o.title, o.subtitle, width);
  const leg = legend(
    [
      { label: o.labels.school, colour: COLOURS.school, kind: 'square' },
      { label: o.labels.lowTech, colour: COLOURS.lowTech, kind: 'dot' },
      { label: o.labels.highTech, colour: COLOURS.highTech, kind: 'dot' },
      ...[1, 2, 3, 4].map((d) => ({ label: o.labels.depth[d - 1], colour: COLOURS.depth[d], kind: 'line' as const })),
      { label: o.labels.friendship, colour: '#777', kind: 'dashed' },
    ],
    8,
    head.height + 6,
    width - 16,
  );
  const top = head.height + leg.height + 4;
  const pad = 12;
  const side = Math.max(50, Math.min(width - 2 * pad, height - top - pad));
  const ox = (width - side) / 2;
  const oy = top;
  const px = (u: number) => r2(ox + u * side);
  const py = (v: number) => r2(oy + v * side);
  const L = data.layout;
  const partners = new Int32Array(data.schools);
  const activeFirms = new Set<number>();
  // A group, not an image: its nodes are buttons a keyboard reaches (one in the tab order, arrows move).
  const parts = [svgOpen(width, height, 'network', o.title, 'group'), head.svg, leg.svg];

  const byDepth: string[][] = [[], [], [], [], []];
  for (let i = 0; i < data.edges.length; i += 3) {
    const f = data.edges[i];
    const s = data.edges[i + 1];
    const depth = data.edges[i + 2] & 7;
    const friendship = data.edges[i + 2] >> 3 === 0;
    partners[s]++;
    activeFirms.add(f);
    const fx = L.firm[2 * f];
    const fy = L.firm[2 * f + 1];
    if (!Number.isFinite(fx)) continue;
    byDepth[depth].push(
      `<line x1="${px(fx)}" y1="${py(fy)}" x2="${px(L.school[2 * s])}" y2="${py(L.school[2 * s + 1])}"${friendship ? ' stroke-dasharray="3,2"' : ''}/>`,
    );
  }
  // Shallow links first, deep ones on top.
  for (let d = 1; d <= 4; d++)
    if (byDepth[d].length)
      parts.push(
        `<g class="links depth-${d}" stroke="${COLOURS.depth[d]}" stroke-width="${[0, 0.8, 1.2, 1.8, 2.4][d]}" opacity="${d === 1 ? 0.8 : 0.9}">${byDepth[d].join('')}</g>`,
      );
  // One node is in the tab order: the focused one if drawn this year, else the selection, else college 0.
  const drawn = (n: { kind: 'firm' | 'school'; index: number } | null | undefined) =>
    !!n && (n.kind === 'school' ? n.index < data.schools : activeFirms.has(n.index) && Number.isFinite(L.firm[2 * n.index]));
  const pick = [data.focus, data.selection].find(drawn);
  const focusable = pick ? `${pick.kind}:${pick.index}` : 'school:0';
  parts.push('<g class="firms">');
  const sorted = [...activeFirms].sort((a, b) => a - b);
  for (const f of sorted) {
    const fx = L.firm[2 * f];
    if (!Number.isFinite(fx)) continue;
    const colour = data.firmTech[f] === 1 ? COLOURS.highTech : COLOURS.lowTech;
    // A transparent 24 px disc around the 6 px dot is what a finger or pointer hits.
    parts.push(
      `<g class="node firm" data-kind="firm" data-index="${f}" role="button" tabindex="${focusable === `firm:${f}` ? 0 : -1}" aria-label="${esc(o.labels.firmTitle(f))}">` +
        `<circle class="hit" cx="${px(fx)}" cy="${py(L.firm[2 * f + 1])}" r="${HIT_RADIUS}" fill="transparent"/>` +
        `<circle class="dot" cx="${px(fx)}" cy="${py(L.firm[2 * f + 1])}" r="3" fill="${colour}"/><title>${esc(o.labels.firmTitle(f))}</title></g>`,
    );
  }
  parts.push('</g><g class="schools">');
  for (let s = 0; s < data.schools; s++) {
    const h = r2(5 + Math.min(9, Math.sqrt(partners[s]) * 1.4));
    const cx = px(L.school[2 * s]);
    const cy = py(L.school[2 * s + 1]);
    parts.push(
      `<g class="node school" data-kind="school" data-index="${s}" role="button" tabindex="${focusable === `school:${s}` ? 0 : -1}" aria-label="${esc(o.labels.schoolTitle(s))}">` +
        `<rect class="hit" x="${r2(cx - HIT_RADIUS)}" y="${r2(cy - HIT_RADIUS)}" width="${2 * HIT_RADIUS}" height="${2 * HIT_RADIUS}" fill="transparent"/>` +
        `<rect class="dot" x="${r2(cx - h / 2)}" y="${r2(cy - h / 2)}" width="${h}" height="${h}" fill="${COLOURS.school}" stroke="#fff" stroke-width="1"/><title>${esc(o.labels.schoolTitle(s))}</title></g>`,
    );
  }
  parts.push('</g>');
  const sel = data.selection;
  if (sel) {
    const arr = sel.kind === 'firm' ? L.firm : L.school;
    const sx = arr[2 * sel.index];
    if (Number.isFinite(sx))
      parts.push(
        `<circle class="selection" cx="${px(sx)}" cy="${py(arr[2 * sel.index + 1])}" r="10" fill="none" stroke="#e6194b" stroke-width="2.5" pointer-events="none"/>`,
      );
  }
  parts.push('</svg>');
  return parts.join('');
}
