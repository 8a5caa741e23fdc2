import { stringify } from 'csv-stringify/sync';
import { formatNumber } from '../../runner/metrics-table.ts';
import type { DiscoveryData } from './discovery-data.ts';
import type { FactorLimit, PrimOptions, PrimResult, PrimStep } from '../../analysis/discovery/prim-types.ts';

const num = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '–');
const pct = (v: number) => `${Number((v * 100).toPrecision(3))}%`;

/** A limit in words: `lo … hi` or `{a, b}`. */
function limitText(l: FactorLimit): string {
  return l.kind === 'numeric' ? `${num(l.lower)} … ${num(l.upper)}` : `{${l.categories.join(', ')}}`;
}

function restrictedLimits(step: PrimStep, names: readonly string[]): string {
  return step.restricted.map((r) => `${r} in ${limitText(step.limits[names.indexOf(r)])}`).join('; ');
}

/** prim-trajectory.csv: one row per peeling or pasting step of every box. */
export function trajectoryCsv(result: PrimResult, data: DiscoveryData): string {
  const names = data.factors.map((f) => f.name);
  const header = ['box', 'step', 'phase', 'picked', 'runs', 'hits', 'mass', 'coverage', 'density', 'restricted_count', 'limits'];
  const rows = result.boxes.flatMap((b) =>
    b.trajectory.map((s) => [s.box, s.step, s.phase, String(s.step === b.picked), s.n, s.hits, formatNumber(s.mass), formatNumber(s.coverage), formatNumber(s.density), s.restricted.length, restrictedLimits(s, names)]),
  );
  return stringify([header, ...rows]);
}

/** prim-boxes.csv: one row per restricted factor of every chosen box, with the box's figures and the limits' quasi-p-values. */
export function boxesCsv(result: PrimResult, data: DiscoveryData): string {
  const names = data.factors.map((f) => f.name);
  const header = ['box', 'runs', 'hits', 'mass', 'coverage', 'density', 'factor', 'lower', 'upper', 'categories', 'qp_lower', 'qp_upper'];
  const rows = result.boxes.flatMap((b) =>
    b.significance.map((s) => {
      const l = b.limits[names.indexOf(s.factor)];
      return [
        b.box, b.n, b.hits, formatNumber(b.mass), formatNumber(b.coverage), formatNumber(b.density), s.factor,
        l.kind === 'numeric' ? formatNumber(l.lower) : '', l.kind === 'numeric' ? formatNumber(l.upper) : '',
        l.kind === 'categorical' ? l.categories.join('|') : '', formatNumber(s.lower), formatNumber(s.upper),
      ];
    }),
  );
  return stringify([header, ...rows]);
}

/** The result as a readable report: the boxes with their limits and significance, then each box's trajectory. */
export function discoveryTable(result: PrimResult, data: DiscoveryData, file: string, o: PrimOptions): string {
  const names = data.factors.map((f) => f.name);
  const lines = [
    `PRIM scenario discovery on ${file}: ${result.n} runs, ${result.hits} meet "${data.where}" (${pct(result.hits / result.n)})`,
    `peel α ${o.peelAlpha}, paste α ${o.pasteAlpha}, smallest box ${pct(o.massMin)} of the runs, at most ${o.maxBoxes} boxes, ` +
      (o.minDensity === null ? 'box picked by the best balance of coverage and density' : `box picked: most coverage at density ≥ ${o.minDensity}`),
  ];
  if (data.leftOut > 0) lines.push(`${data.leftOut} runs left out: ${data.reads.join(', ')} is empty there (undefined in that run)`);
  if (data.constant.length > 0) lines.push(`not searched (one value in every run): ${data.constant.join(', ')}`);
  lines.push('');
  if (result.boxes.length === 0) lines.push('No box found.');
  for (const b of result.boxes) {
    lines.push(
      `Box ${b.box}: ${b.n} runs (mass ${pct(b.mass)}), density ${num(b.density)} (share of the box's runs meeting the condition), ` +
        `coverage ${num(b.coverage)} (share of all runs meeting it that fall in box ${b.box})`,
    );
    const body = b.significance.map((s) => [s.factor, limitText(b.limits[names.indexOf(s.factor)]), `${num(s.lower)} / ${num(s.upper)}`]);
    const head = ['factor', 'limits', 'quasi-p lower / upper'];
    const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    for (const r of [head, ...body]) lines.push(`  ${r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd()}`);
    lines.push('');
  }
  lines.push(`Stopped: ${result.stopped}.`, '');
  for (const b of result.boxes) {
    lines.push(`Peeling trajectory of box ${b.box} (* the picked step, pasted after it):`, '  step  phase  coverage  density  runs  restricted');
    for (const s of b.trajectory)
      lines.push(`${s.step === b.picked ? '*' : ' '} ${String(s.step).padStart(4)}  ${s.phase.padEnd(5)}  ${num(s.coverage).padStart(8)}  ${num(s.density).padStart(7)}  ${String(s.n).padStart(4)}  ${s.restricted.length}`);
    lines.push('');
  }
  lines.push(
    'Quasi-p: one-sided binomial chance of at least the box\'s hits if that limit were dropped (small = the limit matters; ' +
      'above 0.05 suggests the limit could go). Without --min-density the picked step balances coverage and density (best harmonic mean); prim-trajectory.csv lists every step.',
  );
  return `${lines.join('\n')}\n`;
}
