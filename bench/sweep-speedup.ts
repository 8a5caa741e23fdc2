import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import type { BenchModule } from './lib/bench-module.ts';
import { runProcess } from './lib/child.ts';
import { NotAvailable } from './lib/not-available.ts';
import { fromRoot } from './lib/paths.ts';
import { median } from './lib/stats.ts';
import { followThreads, splitThreads } from './lib/thread-cpu.ts';

const EXPERIMENT = 'scenarios/experiments/tax-relief-sweep.json';

/**
 * `sweep_speedup_2w`: the example sweep through the real CLI (`coopsim sweep EXP --out DIR
 * --workers N`), wall time with 1 worker over wall time with 2 workers (medians over
 * alternating repeats), and whether both wrote identical outputs.
 */
export const sweepSpeedup: BenchModule = {
  name: 'sweep-speedup',
  keys: ['sweep_speedup_2w'],
  quick: false,
  async run(ctx) {
    const bin = fromRoot('src/cli/bin.mjs');
    if (!existsSync(fromRoot(EXPERIMENT))) throw new NotAvailable(`${EXPERIMENT} does not exist yet`);
    const help = await runProcess(process.execPath, [bin, 'sweep', '--help']);
    if (help.code !== 0 || !/--workers/.test(help.stdout)) throw new NotAvailable('the CLI has no `coopsim sweep … --workers N` command yet');

    const repeats = ctx.quick ? 1 : 3;
    const times: Record<1 | 2, number[]> = { 1: [], 2: [] };
    const loads: number[] = [];
    const cpu: Record<1 | 2, ReturnType<typeof splitThreads>[]> = { 1: [], 2: [] };
    const outs: Record<1 | 2, string> = { 1: '', 2: '' };
    for (let r = 0; r < repeats; r++) {
      for (const workers of [1, 2] as const) {
        const out = join(ctx.tmp, `sweep-${workers}w-${r}`);
        ctx.log(`sweep ${r + 1}/${repeats}: ${workers} worker${workers > 1 ? 's' : ''}`);
        let follow: ReturnType<typeof followThreads> | undefined;
        let pid = 0;
        const res = await runProcess(process.execPath, [bin, 'sweep', fromRoot(EXPERIMENT), '--out', out, '--workers', String(workers), '--no-progress'], {
          onSpawn: (p) => {
            pid = p;
            follow = followThreads(p);
          },
        });
        const threads = follow?.stop();
        if (threads) cpu[workers].push(splitThreads(pid, threads, workers));
        if (res.code !== 0) throw new Error(`coopsim sweep --workers ${workers} failed (exit ${res.code}): ${res.stderr.trim().slice(-600)}`);
        times[workers].push(res.wallMs / 1000);
        loads.push(Math.round(loadavg()[0] * 100) / 100);
        outs[workers] = out;
      }
    }
    const differing = compareDirs(outs[1], outs[2]);
    const t1 = median(times[1]);
    const t2 = median(times[2]);
    return {
      values: { sweep_speedup_2w: t1 / t2 },
      details: {
        experiment: EXPERIMENT,
        one_worker_s: times[1],
        two_workers_s: times[2],
        best_of_ratio: Math.min(...times[1]) / Math.min(...times[2]),
        load_after_each_sweep: loads,
        // Where the CPU went (Linux): with one worker, the main thread and V8's background
        // threads (optimising compiler, garbage collector) run on the idle second core;
        // with two they share the two cores with the workers.
        cpu_seconds_one_worker: cpu[1],
        cpu_seconds_two_workers: cpu[2],
        outputs_identical: differing.length === 0,
        differing_files: differing,
        compared: 'every output file byte for byte; in JSON files, fields naming times, durations, dates, hosts and worker counts are ignored',
      },
    };
  },
};

/** Files of `dir`, relative paths, recursively and sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const VOLATILE = /time|elapsed|duration|started|finished|date|host|workers|seconds|ms$/i;

/** JSON text without the fields that record when, where and how fast a run happened. */
function stable(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), (k, v) => (VOLATILE.test(k) ? undefined : v));
  } catch {
    return text;
  }
}

/** Relative paths of the files that differ between two output directories (or exist in one only). */
function compareDirs(a: string, b: string): string[] {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const all = [...new Set([...fa, ...fb])].sort();
  const differing: string[] = [];
  for (const f of all) {
    if (!fa.includes(f) || !fb.includes(f)) {
      differing.push(f);
      continue;
    }
    const ba = readFileSync(join(a, f));
    const bb = readFileSync(join(b, f));
    if (ba.equals(bb)) continue;
    if (f.endsWith('.json') && stable(ba.toString('utf8')) === stable(bb.toString('utf8'))) continue;
    differing.push(f);
  }
  return differing;
}
