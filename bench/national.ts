import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule } from './lib/bench-module.ts';
import { runProcess } from './lib/child.ts';
import { fromRoot } from './lib/paths.ts';
import { median } from './lib/stats.ts';

const TIME = '/usr/bin/time';

/**
 * `national_run_s`, `national_peak_mb`: the national scenario (1,547 colleges, 100,000
 * firms, 30 years) as users run it — `coopsim run scenarios/national.json` in its own
 * process — its wall time (median over repeats) and the process's peak resident memory
 * (max RSS from GNU time).
 */
export const national: BenchModule = {
  name: 'national',
  keys: ['national_run_s', 'national_peak_mb'],
  quick: true,
  async run(ctx) {
    if (!existsSync(TIME)) return runWithoutTime(ctx.quick ? 1 : 3);
    const repeats = ctx.quick ? 1 : 3;
    const walls: number[] = [];
    const peaks: number[] = [];
    for (let i = 0; i < repeats; i++) {
      ctx.log(`national run ${i + 1}/${repeats}: coopsim run scenarios/national.json`);
      const stats = join(ctx.tmp, `national-time-${i}.txt`);
      const out = join(ctx.tmp, 'national.csv');
      const res = await runProcess(TIME, ['-f', '%e %M', '-o', stats, process.execPath, fromRoot('src/cli/bin.mjs'), 'run', fromRoot('scenarios/national.json'), '--out', out]);
      if (res.code !== 0) throw new Error(`coopsim run scenarios/national.json failed (exit ${res.code}): ${res.stderr.trim().slice(-400)}`);
      const [, maxRssKb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(/\s+/).map(Number);
      walls.push(res.wallMs / 1000);
      peaks.push(maxRssKb / 1024);
    }
    return {
      values: { national_run_s: median(walls), national_peak_mb: Math.max(...peaks) },
      details: { measured: 'wall time and max RSS of the `coopsim run` process (built CLI)', runs_s: walls, peaks_mb: peaks },
    };
  },
};

/** Without GNU time: the same run through a small Node wrapper that reports its own max RSS. */
async function runWithoutTime(repeats: number) {
  const walls: number[] = [];
  const peaks: number[] = [];
  const script =
    "process.on('exit',()=>process.stderr.write('@@maxrss '+process.resourceUsage().maxRSS+'\\n'));" +
    `process.argv.splice(1,0,${JSON.stringify(fromRoot('src/cli/bin.mjs'))});` +
    `await import(${JSON.stringify('file://' + fromRoot('src/cli/bin.mjs'))});`;
  for (let i = 0; i < repeats; i++) {
    const res = await runProcess(process.execPath, ['--input-type=module', '-e', script, 'run', fromRoot('scenarios/national.json'), '--out', '/dev/null']);
    if (res.code !== 0) throw new Error(`coopsim run scenarios/national.json failed (exit ${res.code}): ${res.stderr.trim().slice(-400)}`);
    const kb = Number(/@@maxrss (\d+)/.exec(res.stderr)?.[1]);
    walls.push(res.wallMs / 1000);
    peaks.push(kb / 1024);
  }
  return {
    values: { national_run_s: median(walls), national_peak_mb: Math.max(...peaks) },
    details: { measured: 'wall time and max RSS (process.resourceUsage) of the built CLI process', runs_s: walls, peaks_mb: peaks },
  };
}
