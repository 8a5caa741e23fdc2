import { roundShare } from '../state/game-state.ts';

/**
 * The shares (x, y) a click in the game panel's phase portrait points at, rounded, or
 * null when it is not inside the unit square. The chart's frame rectangle gives the
 * square's place in SVG units; the SVG may be drawn scaled.
 */
export function startPointOf(panel: HTMLElement, ev: MouseEvent): [number, number] | null {
  const frame = panel.querySelector<SVGRectElement>('rect.frame');
  const svg = panel.querySelector<SVGSVGElement>('figure svg');
  if (!frame || !svg || !(ev.target as Element).closest('svg')) return null;
  const box = svg.getBoundingClientRect();
  const scale = box.width / Number(svg.getAttribute('width'));
  const fx = Number(frame.getAttribute('x'));
  const fy = Number(frame.getAttribute('y'));
  const fw = Number(frame.getAttribute('width'));
  const fh = Number(frame.getAttribute('height'));
  const x = roundShare(((ev.clientX - box.left) / scale - fx) / fw);
  const y = roundShare(1 - ((ev.clientY - box.top) / scale - fy) / fh);
  if (x <= 0 || x >= 1 || y <= 0 || y >= 1) return null;
  return [x, y];
}
