import type { TimelineRow } from '../charts/timeline-chart.ts';

/** Partnerships of one agent over the years, from a run's network history. Pure. */
export function agentTimeline(
  network: readonly Int32Array[],
  kind: 'firm' | 'school',
  index: number,
  label: (partner: number) => string,
  maxRows = 24,
): TimelineRow[] {
  const years = network.length;
  const rows = new Map<number, { depth: Uint8Array; friendship: Uint8Array; first: number; total: number }>();
  network.forEach((edges, t) => {
    for (let i = 0; i < edges.length; i += 3) {
      const f = edges[i];
      const s = edges[i + 1];
      if ((kind === 'firm' ? f : s) !== index) continue;
      const partner = kind === 'firm' ? s : f;
      let r = rows.get(partner);
      if (!r) {
        r = { depth: new Uint8Array(years), friendship: new Uint8Array(years), first: t, total: 0 };
        rows.set(partner, r);
      }
      r.depth[t] = edges[i + 2] & 7;
      r.friendship[t] = edges[i + 2] >> 3 === 0 ? 1 : 0;
      r.total++;
    }
  });
  return [...rows.entries()]
    .sort((a, b) => b[1].total - a[1].total || a[1].first - b[1].first || a[0] - b[0])
    .slice(0, maxRows)
    .sort((a, b) => a[1].first - b[1].first || a[0] - b[0])
    .map(([partner, r]) => ({ label: label(partner), depth: r.depth, friendship: r.friendship }));
}

/** The partners of an agent in one year with their depth, deepest first. */
export function partnersIn(edges: Int32Array | undefined, kind: 'firm' | 'school', index: number): { partner: number; depth: number; friendship: boolean }[] {
  const out: { partner: number; depth: number; friendship: boolean }[] = [];
  if (!edges) return out;
  for (let i = 0; i < edges.length; i += 3) {
    const f = edges[i];
    const s = edges[i + 1];
    if ((kind === 'firm' ? f : s) !== index) continue;
    out.push({ partner: kind === 'firm' ? s : f, depth: edges[i + 2] & 7, friendship: edges[i + 2] >> 3 === 0 });
  }
  return out.sort((a, b) => b.depth - a.depth || a.partner - b.partner);
}
