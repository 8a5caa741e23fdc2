import type { BenchModule } from './lib/bench-module.ts';
import { runProcess } from './lib/child.ts';
import { fromRoot } from './lib/paths.ts';
import { join } from 'node:path';

/**
 * `calibrate_status_quo_s`: `coopsim calibrate scenarios/calibration/status-quo.json` with
 * its shipped settings on 2 workers, as users run it (built CLI, its own process): wall time.
 */
export const calibrateBench: BenchModule = {
  name: 'calibrate',
  keys: ['calibrate_status_quo_s'],
  quick: false,
  async run(ctx) {
    ctx.log('calibrate: coopsim calibrate scenarios/calibration/status-quo.json --workers 2 (a few minutes)');
    const out = join(ctx.tmp, 'calibration');
    const res = await runProcess(process.execPath, [
      fromRoot('src/cli/bin.mjs'),
      'calibrate',
      fromRoot('scenarios/calibration/status-quo.json'),
      '--out',
      out,
      '--workers',
      '2',
      '--no-progress',
    ]);
    if (res.code !== 0) throw new Error(`coopsim calibrate failed (exit ${res.code}): ${res.stderr.trim().slice(-400)}`);
    return {
      values: { calibrate_status_quo_s: res.wallMs / 1000 },
      details: { measured: 'wall time of the `coopsim calibrate` process (built CLI), 2 workers', summary: res.stderr.trim().split('\n') },
    };
  },
};
