import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';

/** What the layout needs: colleges with their region, and every year's partnerships. */
export interface NetworkLayoutInput {
  schools: number;
  schoolRegion: ArrayLike<number>;
  /** Per year, (firm, school, depth + 8·basis) triples. */
  edges: readonly Int32Array[];
}

/** Positions in the unit square; firms that never cooperate have NaN. */
export interface NetworkLayout {
  school: Float64Array;
  firm: Float64Array;
  /** Centres of the regions (x, y pairs), for labels. */
  regionCentre: Float64Array;
}

interface Node extends SimulationNodeDatum {
  kind: 0 | 1;
  index0: number;
  region: number;
  x: number;
  y: number;
}

/** A deterministic hash of an integer to [0, 1). */
function hash01(i: number): number {
  let h = (i + 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * A force-directed layout (d3-force) of colleges and every firm that cooperates in any
 * year, computed once for the whole run so that nodes keep their place while the years
 * play. Colleges are pulled toward their region's centre, firms toward their partners.
 * Deterministic: the same input gives the same positions.
 */
export function networkLayout(input: NetworkLayoutInput, options: { ticks?: number } = {}): NetworkLayout {
  const size = 1000;
  let regions = 0;
  for (let s = 0; s < input.schools; s++) regions = Math.max(regions, input.schoolRegion[s] + 1);
  const centre = new Float64Array(2 * regions);
  for (let r = 0; r < regions; r++) {
    const a = (2 * Math.PI * r) / regions - Math.PI / 2;
    const rad = regions === 1 ? 0 : size * 0.2;
    centre[2 * r] = size / 2 + rad * Math.cos(a);
    centre[2 * r + 1] = size / 2 + rad * Math.sin(a);
  }
  const nodes: Node[] = [];
  const perRegion = new Int32Array(regions);
  for (let s = 0; s < input.schools; s++) perRegion[input.schoolRegion[s]]++;
  const seenInRegion = new Int32Array(regions);
  for (let s = 0; s < input.schools; s++) {
    const r = input.schoolRegion[s];
    const k = seenInRegion[r]++;
    const a = (2 * Math.PI * k) / Math.max(1, perRegion[r]);
    const rad = size * 0.07;
    nodes.push({ kind: 0, index0: s, region: r, x: centre[2 * r] + rad * Math.cos(a), y: centre[2 * r + 1] + rad * Math.sin(a) });
  }
  // Each firm's partners over the years, with the number of years each tie lasted.
  const ties = new Map<number, number>();
  const firmNode = new Map<number, number>();
  const firstSchool = new Map<number, number>();
  for (const year of input.edges)
    for (let i = 0; i < year.length; i += 3) {
      const f = year[i];
      const s = year[i + 1];
      const key = f * 1048576 + s;
      ties.set(key, (ties.get(key) ?? 0) + 1);
      if (!firstSchool.has(f)) firstSchool.set(f, s);
    }
  for (const [f, s] of firstSchool) {
    const home = nodes[s];
    const a = 2 * Math.PI * hash01(f);
    const rad = 15 + 25 * hash01(f + 7919);
    firmNode.set(f, nodes.length);
    nodes.push({ kind: 1, index0: f, region: home.region, x: home.x + rad * Math.cos(a), y: home.y + rad * Math.sin(a) });
  }
  const links: { source: number; target: number; years: number }[] = [];
  for (const [key, years] of ties) {
    const f = Math.floor(key / 1048576);
    const s = key - f * 1048576;
    links.push({ source: firmNode.get(f) as number, target: s, years });
  }
  const sim = forceSimulation<Node>(nodes)
    .stop()
    .force(
      'link',
      forceLink<Node, { source: number; target: number; years: number }>(links)
        .id((_n, i) => i)
        .distance(30)
        .strength((l) => Math.min(1, 0.3 + 0.1 * l.years)),
    )
    .force('charge', forceManyBody<Node>().strength((n) => (n.kind === 0 ? -90 : -14)).distanceMax(200).theta(1.2))
    .force('x', forceX<Node>((n) => centre[2 * n.region]).strength((n) => (n.kind === 0 ? 0.12 : 0.015)))
    .force('y', forceY<Node>((n) => centre[2 * n.region + 1]).strength((n) => (n.kind === 0 ? 0.12 : 0.015)));
  sim.tick(options.ticks ?? 60);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x);
    x1 = Math.max(x1, n.x);
    y0 = Math.min(y0, n.y);
    y1 = Math.max(y1, n.y);
  }
  const span = Math.max(x1 - x0, y1 - y0, 1);
  const ox = (span - (x1 - x0)) / 2;
  const oy = (span - (y1 - y0)) / 2;
  const nx = (v: number) => (v - x0 + ox) / span;
  const ny = (v: number) => (v - y0 + oy) / span;
  const school = new Float64Array(2 * input.schools);
  let maxFirm = -1;
  for (const f of firmNode.keys()) maxFirm = Math.max(maxFirm, f);
  const firm = new Float64Array(2 * (maxFirm + 1)).fill(NaN);
  for (const n of nodes) {
    const out = n.kind === 0 ? school : firm;
    out[2 * n.index0] = nx(n.x);
    out[2 * n.index0 + 1] = ny(n.y);
  }
  const regionCentre = new Float64Array(2 * regions);
  for (let r = 0; r < regions; r++) {
    let sx = 0;
    let sy = 0;
    let k = 0;
    for (let s = 0; s < input.schools; s++)
      if (input.schoolRegion[s] === r) {
        sx += school[2 * s];
        sy += school[2 * s + 1];
        k++;
      }
    regionCentre[2 * r] = k ? sx / k : 0.5;
    regionCentre[2 * r + 1] = k ? sy / k : 0.5;
  }
  return { school, firm, regionCentre };
}
