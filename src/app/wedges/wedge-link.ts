import { DEFAULT_COMPARISON_METRICS, type ComparisonMetric } from '../../analysis/compare-scenarios.ts';

/** The lever-contributions panel's part of the app state. */
export interface WedgePanelState {
  /** The output shown. */
  metric: ComparisonMetric;
  /** The year shown; null follows the summary card's year. */
  year: number | null;
  /** The user asked for the split: a link with it runs the split again when the overview opens. */
  run: boolean;
}

/** Link parameters of the panel: `wedges.output`, `wedges.year`, `wedges.run=1`. */
export const WEDGE_LINK_PARAMS: readonly string[] = ['wedges.output', 'wedges.year', 'wedges.run'];

/** The panel on a fresh visit: the deep share at the summary card's year, not run. */
export function defaultWedgeState(): WedgePanelState {
  return { metric: 'deep_share', year: null, run: false };
}

/**
 * The panel's part of a link, for a scenario of `years` years; each bad field keeps its
 * default and is reported.
 */
export function decodeWedges(get: (name: string) => string | undefined, bad: (name: string, value: string, detail: string) => void, years: number): WedgePanelState {
  const w = defaultWedgeState();
  const output = get('wedges.output');
  if (output !== undefined) {
    if ((DEFAULT_COMPARISON_METRICS as readonly string[]).includes(output)) w.metric = output as ComparisonMetric;
    else bad('wedges.output', output, `expected one of ${DEFAULT_COMPARISON_METRICS.join(', ')}`);
  }
  const year = get('wedges.year');
  if (year !== undefined) {
    const k = Number(year);
    if (year !== '' && Number.isInteger(k) && k >= 0 && k < years) w.year = k;
    else bad('wedges.year', year, `expected a year 0–${years - 1}`);
  }
  const run = get('wedges.run');
  if (run !== undefined) {
    if (run === '1' || run === '0') w.run = run === '1';
    else bad('wedges.run', run, 'expected 1 (run the split when the overview opens) or 0');
  }
  return w;
}

/** Writes the panel's fields that differ from a fresh visit. */
export function encodeWedges(w: WedgePanelState, p: URLSearchParams): void {
  const d = defaultWedgeState();
  if (w.metric !== d.metric) p.set('wedges.output', w.metric);
  if (w.year !== null) p.set('wedges.year', String(w.year));
  if (w.run) p.set('wedges.run', '1');
}
