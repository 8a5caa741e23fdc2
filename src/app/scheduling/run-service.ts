import type { RunOutput, RunRequest } from '../../runner/run-request.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';
import type { BrowserWorkerApi } from '../../runner/browser-worker-api.ts';
import type { InspectOutput } from '../../runner/inspect-api.ts';
import type { GameAbmOutput, GameAbmRequest } from '../../analysis/game/game-abm-runs.ts';
import type { WorkerPool } from '../../runner/worker-pool.ts';
import { createBrowserWorkerPool } from './browser-pool.ts';

/** An aborted run that has been on its worker this long ends the worker rather than finishing there. */
export const STUCK_RUN_MS = 1000;

/** Priorities of the pool's queue: what the user waits for first. */
export const PRIORITY = { preview: 3, inspect: 2, game: 2, ensemble: 1, wedges: 0 } as const;

/**
 * The app's access to the model: a pool of web workers running the same code as the
 * CLI, with a cache of finished runs (a run is a pure function of scenario and seed).
 */
export interface RunService {
  readonly pool: WorkerPool<BrowserWorkerApi>;
  /** One run, from the cache when it was done before. */
  run(scenario: ScenarioInput, seed: number, priority: number, signal?: AbortSignal): Promise<RunOutput>;
  /** A run with its network history and final state (for the network view and inspector). */
  inspect(scenario: ScenarioInput, seed: number, options: { years?: number; layout?: boolean }, signal?: AbortSignal): Promise<InspectOutput>;
  /**
   * Agent-based runs of the game panel, split by start point over the workers (the
   * result equals one `gameAbmRuns(req)`); each start's runs come from the cache when
   * done before, so a new start point costs only its own runs.
   */
  gameAbm(req: GameAbmRequest, signal?: AbortSignal): Promise<GameAbmOutput>;
  close(): Promise<void>;
}

/** Workers to start: one per core, at least 1, at most 4, leaving a core to the page where possible. */
export function poolSize(cores: number | undefined): number {
  const c = cores && cores > 0 ? cores : 2;
  return Math.max(1, Math.min(4, c > 2 ? c - 1 : c));
}

/** Creates the run service over web workers built from workers/browser-worker.ts. */
export function createRunService(size = poolSize(globalThis.navigator?.hardwareConcurrency)): RunService {
  const pool = createBrowserWorkerPool(size);
  const cache = new Map<string, RunOutput>();
  const inspectCache = new Map<string, InspectOutput>();
  const gameCache = new Map<string, GameAbmOutput>();
  const remember = <T>(map: Map<string, T>, key: string, value: T, max: number) => {
    map.delete(key);
    map.set(key, value);
    while (map.size > max) map.delete(map.keys().next().value as string);
  };
  return {
    pool,
    async run(scenario, seed, priority, signal) {
      const key = `${seed}|${JSON.stringify(scenario)}`;
      const hit = cache.get(key);
      if (hit) {
        remember(cache, key, hit, 600);
        return hit;
      }
      const req: RunRequest = { scenario, seed };
      const out = await pool.call('run', [req], { signal, priority, terminateAfterMs: STUCK_RUN_MS });
      remember(cache, key, out, 600);
      return out;
    },
    async inspect(scenario, seed, options, signal) {
      const key = `${seed}|${options.years ?? ''}|${options.layout ? 1 : 0}|${JSON.stringify(scenario)}`;
      const hit = inspectCache.get(key);
      if (hit) return hit;
      const req: RunRequest = { scenario, seed, years: options.years };
      const out = await pool.call('inspect', [req, { layout: options.layout }], { signal, priority: PRIORITY.inspect });
      remember(inspectCache, key, out, 12);
      return out;
    },
    async gameAbm(req, signal) {
      const first = req.firstStart ?? 0;
      const parts = await Promise.all(
        req.starts.map(async (s, k) => {
          const part: GameAbmRequest = { ...req, starts: [s], firstStart: first + k };
          const key = JSON.stringify(part);
          const hit = gameCache.get(key);
          if (hit) return hit;
          const out = await pool.call('gameAbm', [part], { signal, priority: PRIORITY.game });
          remember(gameCache, key, out, 120);
          return out;
        }),
      );
      return {
        times: parts[0]?.times ?? new Float64Array(0),
        runs: parts.flatMap((p) => p.runs),
        means: parts.flatMap((p) => p.means),
      };
    },
    close: () => pool.close(),
  };
}
