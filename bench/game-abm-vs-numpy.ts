import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule } from './lib/bench-module.ts';
import { runProcess } from './lib/child.ts';
import { NotAvailable } from './lib/not-available.ts';
import { fromRoot } from './lib/paths.ts';
import { median } from './lib/stats.ts';

const GAME_FILE = 'scenarios/games/bistable.json';
const AGENTS = 20000;
const REPS = 20;
/** 60 synchronous sweeps at the default M = 10 sweeps per time unit. */
const TMAX = 6;

/** Wall and CPU (user + system) seconds of one process. */
interface Timing {
  wall: number;
  cpu: number;
}

/** The python3 with numpy (installing Debian's python3-numpy when root and none has it), or null. */
function pythonWithNumpy(): string | null {
  const r = spawnSync('bash', [fromRoot('test/setup/ensure-numpy.sh')], { encoding: 'utf8' });
  const py = r.status === 0 ? r.stdout.trim().split('\n').pop() : undefined;
  return py ? py : null;
}

/** Runs a command under bench/peers/rusage.py, which reports its wall and CPU time. */
async function timed(python: string, out: string, command: string[]): Promise<Timing> {
  const res = await runProcess(python, [fromRoot('bench/peers/rusage.py'), out, '--', ...command]);
  const line = res.stdout.trim().split('\n').pop() ?? '';
  const t = JSON.parse(line || '{}') as { code?: number; wall_s?: number; user_s?: number; sys_s?: number };
  if (res.code !== 0 || t.code !== 0 || t.wall_s === undefined)
    throw new Error(`${command.slice(0, 3).join(' ')} failed (exit ${t.code ?? res.code}): ${res.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return { wall: t.wall_s, cpu: (t.user_s ?? 0) + (t.sys_s ?? 0) };
}

/**
 * `game_abm_vs_numpy`: `coopsim game --agents 20000 --reps 20` (2 populations × 20,000
 * agents, 60 sweeps, 20 runs; equilibria, trajectory and report included) as a whole
 * process, against bench/peers/game_abm.py, the same imitation dynamics in vectorised
 * numpy, also as a whole process. Runs alternate between the two (which goes first
 * alternates too), after one warm-up run each; the key is the ratio of the median wall
 * times, numpy over coopsim. CPU times (user + system, from wait4) are reported beside
 * them: on a loaded machine they say more than wall times.
 */
export const gameAbmVsNumpy: BenchModule = {
  name: 'game-abm-vs-numpy',
  keys: ['game_abm_vs_numpy', 'game_abm_vs_numpy_cpu', 'game_abm_cli_s', 'game_abm_numpy_s'],
  quick: true,
  async run(ctx) {
    const python = pythonWithNumpy();
    if (!python) throw new NotAvailable('no python3 with numpy (test/setup/ensure-numpy.sh installs python3-numpy as root)');
    const runs = ctx.quick ? 5 : 11;
    const game = join(ctx.tmp, 'game-abm-vs-numpy.json');
    writeFileSync(game, JSON.stringify({ ...JSON.parse(readFileSync(fromRoot(GAME_FILE), 'utf8')), tmax: TMAX }));
    const args = ['--agents', String(AGENTS), '--reps', String(REPS)];
    const commands = {
      coopsim: [process.execPath, fromRoot('src/cli/bin.mjs'), 'game', game, ...args, '--json'],
      numpy: [python, fromRoot('bench/peers/game_abm.py'), game, ...args],
    };
    const outs = { coopsim: join(ctx.tmp, 'coopsim.json'), numpy: join(ctx.tmp, 'numpy.json') };
    ctx.log(`game ABM vs numpy: ${REPS} reps × 2 × ${AGENTS} agents × ${TMAX * 10} sweeps, ${runs} runs of each, interleaved`);
    const times: Record<'coopsim' | 'numpy', Timing[]> = { coopsim: [], numpy: [] };
    for (let i = -1; i < runs; i++) {
      const order = i % 2 === 0 ? (['coopsim', 'numpy'] as const) : (['numpy', 'coopsim'] as const);
      for (const who of order) {
        const t = await timed(python, outs[who], commands[who]);
        if (i >= 0) times[who].push(t);
      }
    }
    const med = (who: 'coopsim' | 'numpy', k: keyof Timing) => median(times[who].map((t) => t[k]));
    // Both ran the same dynamics: their ensemble means at t = 2 (mid take-off) agree within noise.
    const ours = JSON.parse(readFileSync(outs.coopsim, 'utf8')) as { abm: { mean: { x: number; y: number }[] } };
    const peer = JSON.parse(readFileSync(outs.numpy, 'utf8')) as { mean: [number, number][] };
    const k = 20;
    const mid = { x: ours.abm.mean[k].x - peer.mean[k][0], y: ours.abm.mean[k].y - peer.mean[k][1] };
    const round = (v: number) => Math.round(v * 1000) / 1000;
    return {
      values: {
        game_abm_vs_numpy: med('numpy', 'wall') / med('coopsim', 'wall'),
        game_abm_vs_numpy_cpu: med('numpy', 'cpu') / med('coopsim', 'cpu'),
        game_abm_cli_s: med('coopsim', 'wall'),
        game_abm_numpy_s: med('numpy', 'wall'),
      },
      details: {
        game: GAME_FILE,
        tmax: TMAX,
        agents: AGENTS,
        reps: REPS,
        runs,
        python,
        numpy: spawnSync(python, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' }).stdout.trim(),
        coopsim_cpu_s: round(med('coopsim', 'cpu')),
        numpy_cpu_s: round(med('numpy', 'cpu')),
        coopsim_wall_s: times.coopsim.map((t) => round(t.wall)),
        numpy_wall_s: times.numpy.map((t) => round(t.wall)),
        mean_difference_at_t2: { x: round(mid.x), y: round(mid.y) },
      },
    };
  },
};
