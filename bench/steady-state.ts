/**
 * Is the status quo steady? Runs a scenario (default scenarios/baseline.json) for 20 seeds
 * × 60 years and prints, for the ensemble mean of each key metric, the least-squares
 * linear trend per year over years 10–59, with the year-0, year-1 and year-59 means.
 *
 *   npx tsx bench/steady-state.ts [scenario.json] [seeds] [years]
 */
import { readFileSync } from 'node:fs';
import { formatProblems, parseScenario } from '../src/scenario/parse.ts';
import { simulate } from '../src/model/simulate.ts';

const file = process.argv[2] ?? 'scenarios/baseline.json';
const seeds = Number(process.argv[3] ?? 20);
const years = Number(process.argv[4] ?? 60);
const input = JSON.parse(readFileSync(file, 'utf8'));
// Optional overrides as JSON (merged one level deep), for trying parameter changes.
for (const [k, v] of Object.entries(JSON.parse(process.env.OVERRIDE ?? '{}'))) input[k] = typeof v === 'object' && v && !Array.isArray(v) ? { ...input[k], ...v } : v;
const parsed = parseScenario(input);
if (!parsed.ok) throw new Error(formatProblems(parsed.problems));
const scenario = parsed.value;

const keys = ['firms_cooperating_share', 'mean_depth', 'deep', 'mean_trust', 'intern_output_to_cost', 'coop_firms_loss_share',
  'school_capacity_use', 'schools_full_share', 'firm_willingness', 'school_willingness', 'one_year_share', 'friendship_share', 'school_facilities', 'school_teacher_practice', 'school_alignment', 'graduate_skill', 'depth_2_share'] as const;
const sum: Record<string, Float64Array> = {};
const cnt: Record<string, Float64Array> = {};
for (const k of keys) (sum[k] = new Float64Array(years)), (cnt[k] = new Float64Array(years));
for (let i = 0; i < seeds; i++) {
  const r = simulate(scenario, { seed: i + 1, years });
  const m = r.metrics as Record<string, Float64Array>;
  for (const k of keys) {
    for (let y = 0; y < years; y++) {
      const v = k === 'deep' ? m.depth_3_share[y] + m.depth_4_share[y] : m[k]?.[y];
      if (v === undefined || Number.isNaN(v)) continue;
      sum[k][y] += v;
      cnt[k][y]++;
    }
  }
}
function slope(ys: number[], xs: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) (num += (xs[i] - mx) * (ys[i] - my)), (den += (xs[i] - mx) ** 2);
  return num / den;
}
console.log(`${file}: ${seeds} seeds × ${years} years`);
console.log('metric'.padEnd(26), 'y0'.padStart(8), 'y1'.padStart(8), 'y10'.padStart(8), `y${years - 1}`.padStart(8), 'trend/yr 10–end'.padStart(16));
for (const k of keys) {
  const mean = Array.from(sum[k], (s, y) => s / cnt[k][y]);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 10; y < years; y++) if (Number.isFinite(mean[y])) (xs.push(y), ys.push(mean[y]));
  if (xs.length < 2) continue;
  const f = (v: number) => v.toFixed(4).padStart(8);
  console.log(k.padEnd(26), f(mean[0]), f(mean[1]), f(mean[10]), f(mean[years - 1]), slope(ys, xs).toExponential(2).padStart(16));
}
