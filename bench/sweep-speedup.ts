import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import type { BenchModule } from './lib/bench-module.ts';
import { runChild, runProcess } from './lib/child.ts';
import { loadLibrary } from './lib/coopsim.ts';
import { NotAvailable } from './lib/not-available.ts';
import { fromRoot } from './lib/paths.ts';
import { median } from './lib/stats.ts';
import { followThreads, splitThreads } from './lib/thread-cpu.ts';

const EXPERIMENT = 'scenarios/experiments/tax-relief-sweep.json';

/** Which of the example sweep's runs a ceiling process does: run_id % count === index. */
interface ShareArgs {
  index: number;
  count: number;
}

/**
 * `sweep_speedup_2w`: the example sweep through the real CLI (`coopsim sweep EXP --out DIR
 * --workers N`), wall time with 1 worker over wall time with 2 workers (medians over
 * alternating repeats), and whether both wrote identical outputs.
 *
 * `sweep_ceiling_2p`: what this machine allows that ratio to be. The same runs, done by
 * one Node process alone against two separate processes side by side, each doing every
 * other run in its own thread: no worker threads, no messages, no output files. Each
 * process still starts Node, loads coopsim and warms up its own compiled code, as each
 * worker thread must, so the sweep cannot scale better than this.
 */
export const sweepSpeedup: BenchModule = {
  name: 'sweep-speedup',
  keys: ['sweep_speedup_2w', 'sweep_ceiling_2p'],
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
    const processes: Record<1 | 2, number[]> = { 1: [], 2: [] };
    const processCpu: Record<1 | 2, ReturnType<typeof splitThreads>[][]> = { 1: [], 2: [] };
    const checks: Record<1 | 2, number> = { 1: 0, 2: 0 };
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
      for (const count of [1, 2] as const) {
        ctx.log(`ceiling ${r + 1}/${repeats}: ${count} separate process${count > 1 ? 'es' : ''}`);
        const t0 = performance.now();
        // Followed like the sweeps, so that both pay the same for being watched.
        const followed: { pid: number; follow: ReturnType<typeof followThreads> }[] = [];
        const shares = await Promise.all(
          Array.from({ length: count }, (_, index) =>
            runChild<ShareResult>(sweepSpeedup.name, { index, count } satisfies ShareArgs, [], (p) => followed.push({ pid: p, follow: followThreads(p) })),
          ),
        );
        processes[count].push((performance.now() - t0) / 1000);
        processCpu[count].push(followed.map(({ pid, follow }) => splitThreads(pid, follow.stop() ?? [], 0)));
        checks[count] = shares.reduce((n, s) => n + s.runs, 0);
      }
    }
    if (checks[1] !== checks[2]) throw new Error(`ceiling: one process did ${checks[1]} runs, two did ${checks[2]}`);
    const differing = compareDirs(outs[1], outs[2]);
    const t1 = median(times[1]);
    const t2 = median(times[2]);
    const ceiling = median(processes[1]) / median(processes[2]);
    return {
      values: { sweep_speedup_2w: t1 / t2, sweep_ceiling_2p: ceiling },
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
        one_process_s: processes[1],
        two_processes_s: processes[2],
        // Per process: its own thread (the runs) and V8's background threads.
        cpu_seconds_one_process: processCpu[1],
        cpu_seconds_two_processes: processCpu[2],
        ceiling_runs: checks[1],
        share_of_ceiling: t1 / t2 / ceiling,
        outputs_identical: differing.length === 0,
        differing_files: differing,
        compared: 'every output file byte for byte; in JSON files, fields naming times, durations, dates, hosts and worker counts are ignored',
      },
    };
  },
  async child(args) {
    const { index, count } = args as ShareArgs;
    const lib = await loadLibrary();
    const read = lib.readExperimentFile(fromRoot(EXPERIMENT));
    if (!read.ok) throw new Error(`${EXPERIMENT}: ${lib.formatProblems(read.problems)}`);
    const plan = lib.planExperiment(read.value);
    const arena = lib.createWorldArena();
    let runs = 0;
    // What a worker does for each run (see executeRun), minus packing the result for the trip back.
    for (const id of plan.runIds({ index, count })) {
      const req = plan.request(id);
      const scenario = lib.parseScenario(req.scenario);
      if (!scenario.ok) throw new Error(`run ${id}: ${lib.formatProblems(scenario.problems)}`);
      lib.simulate(scenario.value, { seed: req.seed, years: req.years, arena });
      runs++;
    }
    return { runs } satisfies ShareResult;
  },
};

/** What a ceiling process reports: how many runs it did. */
interface ShareResult {
  runs: number;
}

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
