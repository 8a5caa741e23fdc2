/**
 * The coopsim benchmark suite: speed, memory and scaling of the model, the sweeps and
 * the app, measured on the machine it runs on.
 *
 *   npm run bench               all keys (a few minutes)
 *   npm run bench -- --quick    a subset in under a minute
 *   npm run bench -- --only national,scaling
 *
 * Writes bench/results.json and prints a table. Figures are noisy: medians and ratios,
 * never pass/fail tests. A key whose prerequisite is missing reads "not available: …".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchModule } from './lib/bench-module.ts';
import { RESULT_MARKER } from './lib/child.ts';
import { describeMachine, type Machine } from './lib/machine.ts';
import { NotAvailable } from './lib/not-available.ts';
import { fromRoot } from './lib/paths.ts';
import { modelSpeed } from './model-speed.ts';
import { national } from './national.ts';
import { scaling } from './scaling.ts';
import { sweepSpeedup } from './sweep-speedup.ts';
import { uiSpeed } from './ui-speed.ts';
import { gameAbm } from './game-abm.ts';
import { gameAbmVsNumpy } from './game-abm-vs-numpy.ts';
import { calibrateBench } from './calibrate.ts';

/** Every benchmark, in the order they run. */
const MODULES: readonly BenchModule[] = [modelSpeed, national, scaling, sweepSpeedup, uiSpeed, gameAbm, gameAbmVsNumpy, calibrateBench];

/** A key's target and how to show it. */
interface KeySpec {
  key: string;
  what: string;
  unit: string;
  digits: number;
  /** Target bound, or null when the target is "as low as possible". */
  max?: number;
  min?: number;
  /** Not a target but a yardstick for another key. */
  reference?: boolean;
}

/** The keys of results.json, with their targets. */
export const KEYS: readonly KeySpec[] = [
  { key: 'default_run_ms', what: 'baseline run (60 colleges, 3,000 firms, 20 years), median', unit: 'ms', digits: 1, max: 20 },
  { key: 'national_run_s', what: 'national run (1,547 colleges, 100,000 firms, 30 years), CLI wall time', unit: 's', digits: 2, max: 3 },
  { key: 'national_peak_mb', what: 'national run, peak memory of the process (max RSS)', unit: 'MB', digits: 0, max: 1024 },
  { key: 'scaling_exponent', what: 'slope of log time over log firms (10k, 30k, 100k)', unit: '', digits: 2, max: 1.1 },
  { key: 'sweep_speedup_2w', what: 'example sweep, 2 workers vs 1', unit: '×', digits: 2, min: 1.85 },
  { key: 'sweep_ceiling_2p', what: "its runs in 2 separate processes vs 1, no workers or files: this machine's ceiling for the line above", unit: '×', digits: 2, reference: true },
  { key: 'ui_update_ms', what: 'Chromium: lever change to redrawn chart, one seed, median', unit: 'ms', digits: 0, max: 100 },
  { key: 'ensemble_band_ms', what: 'Chromium: lever change to the 32-seed band, median', unit: 'ms', digits: 0, max: 1500 },
  { key: 'game_abm_ms', what: 'game ABM: 2 × 2,000 agents, 60 sweeps, 20 reps', unit: 'ms', digits: 1 },
  { key: 'game_abm_vs_numpy', what: 'coopsim game, 2 × 20,000 agents, 60 sweeps, 20 reps, whole process, vs the numpy peer: wall-time ratio', unit: '×', digits: 2, min: 1.5 },
  { key: 'game_abm_vs_numpy_cpu', what: 'the same, ratio of CPU time (user + system)', unit: '×', digits: 2, reference: true },
  { key: 'game_abm_cli_s', what: 'the same, coopsim wall time, median', unit: 's', digits: 3, reference: true },
  { key: 'game_abm_numpy_s', what: 'the same, numpy peer wall time, median', unit: 's', digits: 3, reference: true },
  { key: 'calibrate_status_quo_s', what: 'coopsim calibrate scenarios/calibration/status-quo.json, 2 workers, wall time', unit: 's', digits: 0, max: 900 },
];

type Value = number | string;

interface Results {
  [key: string]: unknown;
  machine: Machine & { loadAtEnd: number };
  quick: boolean;
  date: string;
  details: Record<string, unknown>;
}

function parseArgs(argv: string[]): { quick: boolean; only: string[] | null } {
  let quick = false;
  let only: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') quick = true;
    else if (a === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a.startsWith('--only=')) only = a.slice(7).split(',').filter(Boolean);
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench [-- --quick] [-- --only MODULE|KEY,…]\n');
      process.stdout.write(`modules: ${MODULES.map((m) => m.name).join(', ')}\n`);
      process.exit(0);
    } else throw new Error(`bench: unknown option ${a}`);
  }
  const known = new Set([...MODULES.map((m) => m.name), ...MODULES.flatMap((m) => m.keys)]);
  const unknown = (only ?? []).filter((n) => !known.has(n));
  if (unknown.length) throw new Error(`bench: --only ${unknown.join(', ')}: not a module or key; modules: ${MODULES.map((m) => m.name).join(', ')}`);
  return { quick, only };
}

async function runAsChild(name: string, rawArgs: string): Promise<void> {
  const mod = MODULES.find((m) => m.name === name);
  if (!mod?.child) throw new Error(`bench: no child mode ${name}`);
  const out = await mod.child(JSON.parse(rawArgs));
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(out)}\n`);
}

function format(spec: KeySpec, v: Value | undefined): string {
  if (v === undefined) return 'not run';
  if (typeof v === 'string') return v;
  return `${v.toFixed(spec.digits)}${spec.unit && spec.unit !== '×' ? ` ${spec.unit}` : spec.unit}`;
}

function targetText(spec: KeySpec): string {
  const u = spec.unit && spec.unit !== '×' ? ` ${spec.unit}` : spec.unit;
  if (spec.max !== undefined) return `≤ ${spec.max}${u}`;
  if (spec.min !== undefined) return `≥ ${spec.min}${u}`;
  if (spec.reference) return 'reference';
  return 'as low as possible';
}

function verdict(spec: KeySpec, v: Value | undefined): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '';
  if (spec.max !== undefined) return v <= spec.max ? 'meets' : 'misses';
  if (spec.min !== undefined) return v >= spec.min ? 'meets' : 'misses';
  return '';
}

function table(results: Record<string, Value>, machine: Machine, quick: boolean, loadEnd: number): string {
  const rows = KEYS.map((s) => [s.key, format(s, results[s.key]), targetText(s), verdict(s, results[s.key]), s.what]);
  const head = ['key', 'measured', 'target', '', 'what'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i])).join('  ').trimEnd();
  return [
    `coopsim benchmarks${quick ? ' (quick)' : ''} — ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}`,
    `load average at start ${machine.loadAtStart}, at end ${loadEnd}${Math.max(machine.loadAtStart, loadEnd) > machine.cores ? ' (more work than cores: figures are noisier)' : ''}`,
    '',
    line(head),
    line(width.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return runAsChild(argv[1], argv[2] ?? 'null');
  const { quick, only } = parseArgs(argv);
  const machine = describeMachine();
  const tmp = mkdtempSync(join(tmpdir(), 'coopsim-bench-'));
  const ctx: BenchContext = { quick, tmp, log: (m) => process.stderr.write(`bench: ${m}\n`) };
  const values: Record<string, Value> = {};
  const details: Record<string, unknown> = {};
  try {
    for (const mod of MODULES) {
      const selected = only ? only.includes(mod.name) || mod.keys.some((k) => only.includes(k)) : !quick || mod.quick;
      if (!selected) continue;
      const t0 = performance.now();
      try {
        const out = await mod.run(ctx);
        Object.assign(values, out.values);
        if (out.details) details[mod.name] = out.details;
      } catch (err) {
        const reason = err instanceof NotAvailable ? `not available: ${err.message}` : `failed: ${(err as Error).message.split('\n')[0]}`;
        if (!(err instanceof NotAvailable)) ctx.log(`${mod.name} failed:\n${(err as Error).stack ?? err}`);
        for (const k of mod.keys) values[k] = reason;
      }
      ctx.log(`${mod.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const loadEnd = Math.round(loadavg()[0] * 100) / 100;
  const results: Results = { ...values, machine: { ...machine, loadAtEnd: loadEnd }, quick, date: new Date().toISOString(), details };
  writeFileSync(fromRoot('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(table(values, machine, quick, loadEnd));
  process.stdout.write('written: bench/results.json\n');
}

main().catch((err: unknown) => {
  const message = (err as Error).message ?? String(err);
  process.stderr.write(`${message.startsWith('bench:') ? message : ((err as Error).stack ?? message)}\n`);
  process.exit(1);
});
