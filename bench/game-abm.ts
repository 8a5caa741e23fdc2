/// <reference types="vite/client" />
import { readFileSync } from 'node:fs';
import type { BenchModule } from './lib/bench-module.ts';
import { runChild } from './lib/child.ts';
import { NotAvailable } from './lib/not-available.ts';
import { fromRoot } from './lib/paths.ts';
import { median, since } from './lib/stats.ts';

const GAME_FILE = 'scenarios/games/bistable.json';
const AGENTS = 2000;
const M = 10;
/** 60 synchronous sweeps at M = 10 sweeps per time unit. */
const TMAX = 6;
const REPS = 20;

// The game modules are bundled when they exist; a missing module leaves these empty.
const abmModules = import.meta.glob('../src/analysis/game/game-abm.ts');
const fromParamsModules = import.meta.glob('../src/analysis/game/game-from-params.ts');
const schemaModules = import.meta.glob('../src/analysis/game/game-schema.ts');

interface Game {
  readonly dim: number;
}
type Ensemble = (game: Game, options: { agents: number; sweepsPerUnit?: number; tmax: number; start: readonly number[] }, reps: number, seed: number) => unknown;

interface Args {
  warmup: number;
  runs: number;
}

/**
 * `game_abm_ms`: the agent-based version of the mean-field game — 2 populations × 2,000
 * agents, 60 synchronous imitation sweeps, 20 replicate runs — median time of the whole
 * ensemble after warm-up, in a fresh process.
 */
export const gameAbm: BenchModule = {
  name: 'game-abm',
  keys: ['game_abm_ms'],
  quick: true,
  async run(ctx) {
    const args: Args = ctx.quick ? { warmup: 1, runs: 5 } : { warmup: 2, runs: 11 };
    ctx.log(`game ABM: ${REPS} reps × 2 × ${AGENTS} agents × ${TMAX * M} sweeps, ${args.runs} timed ensembles`);
    const { times } = await runChild<{ times: number[] }>('game-abm', args);
    return {
      values: { game_abm_ms: median(times) },
      details: { game: GAME_FILE, agents: AGENTS, populations: 2, sweeps: TMAX * M, reps: REPS, runs: times.length, min_ms: Math.min(...times) },
    };
  },
  async child(raw) {
    const args = raw as Args;
    const { ensemble, game, start } = await loadGame();
    const run = () => ensemble(game, { agents: AGENTS, sweepsPerUnit: M, tmax: TMAX, start }, REPS, 1);
    for (let i = 0; i < args.warmup; i++) run();
    const times: number[] = [];
    for (let i = 0; i < args.runs; i++) {
      const t0 = performance.now();
      run();
      times.push(since(t0));
    }
    return { times };
  },
};

async function loadGame(): Promise<{ ensemble: Ensemble; game: Game; start: number[] }> {
  const load = async (mods: Record<string, () => Promise<unknown>>, what: string) => {
    const loader = Object.values(mods)[0];
    if (!loader) throw new NotAvailable(`${what} does not exist`);
    return (await loader()) as Record<string, unknown>;
  };
  const abm = await load(abmModules, 'src/analysis/game/game-abm.ts');
  const fromParams = await load(fromParamsModules, 'src/analysis/game/game-from-params.ts');
  const schema = await load(schemaModules, 'src/analysis/game/game-schema.ts');
  const ensemble = abm.gameAbmEnsemble;
  const gameFromParams = fromParams.gameFromParams;
  const parseGameFile = schema.parseGameFile;
  if (typeof ensemble !== 'function' || typeof gameFromParams !== 'function' || typeof parseGameFile !== 'function')
    throw new NotAvailable('the game ABM API (gameAbmEnsemble, gameFromParams, parseGameFile) is not there');
  const parsed = parseGameFile(JSON.parse(readFileSync(fromRoot(GAME_FILE), 'utf8'))) as
    | { ok: true; value: { x0: number; y0: number; government?: { z0: number } } }
    | { ok: false; problems: unknown };
  if (!parsed.ok) throw new Error(`${GAME_FILE}: ${JSON.stringify(parsed.problems)}`);
  const game = gameFromParams(parsed.value) as Game;
  const start = [parsed.value.x0, parsed.value.y0];
  if (game.dim !== 2) throw new Error(`${GAME_FILE}: expected a two-population game`);
  return { ensemble: ensemble as Ensemble, game, start };
}
