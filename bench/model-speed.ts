import type { BenchModule } from './lib/bench-module.ts';
import { runChild } from './lib/child.ts';
import { loadLibrary, loadScenario } from './lib/coopsim.ts';
import { median, since } from './lib/stats.ts';

interface Args {
  warmup: number;
  runs: number;
}
interface Times {
  times: number[];
}

/**
 * `default_run_ms`: median wall time of one run of scenarios/baseline.json (one seed) in
 * Node, after warm-up, timed in a fresh process on the built library.
 */
export const modelSpeed: BenchModule = {
  name: 'model-speed',
  keys: ['default_run_ms'],
  quick: true,
  async run(ctx) {
    const args: Args = ctx.quick ? { warmup: 5, runs: 20 } : { warmup: 10, runs: 40 };
    ctx.log(`default run: ${args.warmup} warm-up + ${args.runs} timed runs of scenarios/baseline.json`);
    const { times } = await runChild<Times>('model-speed', args);
    const sorted = [...times].sort((a, b) => a - b);
    return {
      values: { default_run_ms: median(times) },
      details: { runs: times.length, min_ms: sorted[0], p90_ms: sorted[Math.floor(0.9 * (sorted.length - 1))] },
    };
  },
  async child(raw) {
    const args = raw as Args;
    const lib = await loadLibrary();
    const scenario = loadScenario(lib, 'scenarios/baseline.json');
    for (let i = 0; i < args.warmup; i++) lib.simulate(scenario, { seed: 1 });
    const times: number[] = [];
    for (let i = 0; i < args.runs; i++) {
      const t0 = performance.now();
      lib.simulate(scenario, { seed: 1 });
      times.push(since(t0));
    }
    return { times } satisfies Times;
  },
};
