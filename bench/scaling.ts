import type { BenchModule } from './lib/bench-module.ts';
import { runChild } from './lib/child.ts';
import { loadLibrary, loadScenario } from './lib/coopsim.ts';
import { median, since, slope } from './lib/stats.ts';

/** Firm counts of the scaling points; colleges scale with them as in national.json. */
const FIRMS = [10_000, 30_000, 100_000];
const NATIONAL_SCHOOLS = 1547;
const NATIONAL_FIRMS = 100_000;

interface Args {
  firms: number;
  years: number;
  runs: number;
}
interface Point {
  firms: number;
  schools: number;
  /** Wall time of each timed run, ms. */
  times: number[];
  /** CPU time of the process during each timed run (all threads, so GC helpers too), ms. */
  cpu: number[];
}

/**
 * `scaling_exponent`: the slope of log(run time) over log(firms) at 10k, 30k and 100k
 * firms (colleges scaled in proportion, as in national.json). 1 is linear; each point is
 * the median of a few runs in a fresh process after warm-up runs at the same size.
 */
export const scaling: BenchModule = {
  name: 'scaling',
  keys: ['scaling_exponent'],
  quick: true,
  async run(ctx) {
    const years = ctx.quick ? 10 : 30;
    const runs = ctx.quick ? 3 : 5;
    const points: Point[] = [];
    for (const firms of FIRMS) {
      ctx.log(`scaling: ${firms} firms, ${years} years, ${runs} runs`);
      points.push(await runChild<Point>('scaling', { firms, years, runs } satisfies Args));
    }
    const ms = points.map((p) => median(p.times));
    const cpu = points.map((p) => median(p.cpu));
    const logFirms = points.map((p) => Math.log(p.firms));
    const exponent = slope(
      logFirms,
      ms.map((t) => Math.log(t)),
    );
    return {
      values: { scaling_exponent: exponent },
      details: {
        years,
        cpu_time_exponent: slope(
          logFirms,
          cpu.map((t) => Math.log(t)),
        ),
        points: points.map((p, i) => ({
          firms: p.firms,
          schools: p.schools,
          median_ms: ms[i],
          median_cpu_ms: cpu[i],
          us_per_firm_year: (1000 * ms[i]) / (p.firms * years),
        })),
      },
    };
  },
  async child(raw) {
    const { firms, years, runs } = raw as Args;
    const lib = await loadLibrary();
    const schools = Math.round((NATIONAL_SCHOOLS * firms) / NATIONAL_FIRMS);
    const scenario = loadScenario(lib, 'scenarios/national.json', { 'world.firms': firms, 'world.schools': schools, years });
    // Warm up at the same size: at least two runs and a second and a half.
    const w0 = performance.now();
    for (let i = 0; i < 2 || since(w0) < 1500; i++) lib.simulate(scenario, { seed: 100 + i });
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      lib.simulate(scenario, { seed: 2 + i });
      times.push(since(t0));
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    return { firms, schools, times, cpu } satisfies Point;
  },
};
