import { stringify } from 'csv-stringify/browser/esm/sync';
import { formatNumber } from '../../runner/metrics-table.ts';
import type { SensitivityReport } from './analyze-sensitivity.ts';

/** The report as CSV: one row per output and factor (sensitivity.csv). */
export function sensitivityToCsv(report: SensitivityReport): string {
  const f = formatNumber;
  if (report.method === 'morris') {
    const header = ['output', 'factor', 'mu', 'mu_star', 'sigma', 'mu_star_conf_low', 'mu_star_conf_high', 'effects', 'mu_star_conf'];
    const rows = report.rows.map((r) => [
      r.output, r.factor, f(r.mu), f(r.muStar), f(r.sigma), f(r.muStarInterval.low), f(r.muStarInterval.high), String(r.effects), f(halfWidth(r.muStarInterval)),
    ]);
    return stringify([header, ...rows], { record_delimiter: 'unix' });
  }
  const header = ['output', 'factor', 'S1', 'S1_conf_low', 'S1_conf_high', 'ST', 'ST_conf_low', 'ST_conf_high', 'samples', 'S1_conf', 'ST_conf'];
  const rows = report.rows.map((r) => [
    r.output,
    r.factor,
    f(r.first),
    f(r.firstInterval.low),
    f(r.firstInterval.high),
    f(r.total),
    f(r.totalInterval.low),
    f(r.totalInterval.high),
    String(r.samples),
    f(halfWidth(r.firstInterval)),
    f(halfWidth(r.totalInterval)),
  ]);
  return stringify([header, ...rows], { record_delimiter: 'unix' });
}

/** Half the width of an interval: the `*_conf` columns SALib users read as ± around the estimate. */
function halfWidth(i: { low: number; high: number }): number {
  return (i.high - i.low) / 2;
}

/** A number for reading on screen: 4 significant digits. */
function show(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
  return v.toPrecision(4).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function table(header: string[], rows: string[][]): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  return [line(header), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The report as readable tables, one per output, factors ranked by μ* (Morris) or ST (Sobol). */
export function formatSensitivityTable(report: SensitivityReport): string {
  const pct = `${Math.round(report.confidence * 100)}%`;
  const parts: string[] = [];
  for (const output of report.outputs) {
    if (report.method === 'morris') {
      const rows = report.rows.filter((r) => r.output === output).sort((a, b) => b.muStar - a.muStar || a.factor.localeCompare(b.factor));
      parts.push(
        `${output} — Morris elementary effects (per full range of each factor; ${pct} interval of μ*)\n` +
          table(
            ['factor', 'μ*', `μ* ${pct} interval`, 'μ', 'σ', 'n'],
            rows.map((r) => [r.factor, show(r.muStar), `${show(r.muStarInterval.low)} – ${show(r.muStarInterval.high)}`, show(r.mu), show(r.sigma), String(r.effects)]),
          ),
      );
    } else {
      const rows = report.rows.filter((r) => r.output === output).sort((a, b) => b.total - a.total || a.factor.localeCompare(b.factor));
      parts.push(
        `${output} — Sobol indices (first order S1, total ST; ${pct} bootstrap intervals; ${rows[0]?.samples ?? 0} base samples)\n` +
          table(
            ['factor', 'S1', `S1 ${pct}`, 'ST', `ST ${pct}`],
            rows.map((r) => [
              r.factor,
              show(r.first),
              `${show(r.firstInterval.low)} – ${show(r.firstInterval.high)}`,
              show(r.total),
              `${show(r.totalInterval.low)} – ${show(r.totalInterval.high)}`,
            ]),
          ),
      );
    }
  }
  return `${parts.join('\n\n')}\n`;
}
