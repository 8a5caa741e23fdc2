import { describe, it, expect } from 'vitest';
import { gameAbmEnsemble } from '../../src/analysis/game/game-abm.ts';
import { gameFromParams } from '../../src/analysis/game/game-from-params.ts';
import type { GameParams } from '../../src/analysis/game/game-params.ts';
import { gameAbmEnsembleThreads } from '../../src/runner/game-abm-threads.ts';

const bistable: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 };
const tripartite: GameParams = { ...bistable, ge: 2, government: { Cg: 1, Gs: 1, Se: 1, Fs: 1, Fe: 1, L: 4 } };
const plain = (e: { mean: Float64Array[]; sd: Float64Array[]; final: Float64Array[]; endedDeep: number }) => ({
  mean: e.mean.map((a) => Array.from(a)),
  sd: e.sd.map((a) => Array.from(a)),
  final: e.final.map((a) => Array.from(a)),
  endedDeep: e.endedDeep,
});

describe('agent-based game on worker threads', () => {
  it.each([
    ['two populations', bistable, [0.5, 0.5]],
    ['three populations', tripartite, [0.5, 0.5, 0.5]],
  ] as const)('gives the same ensemble for 1, 2 and 3 threads as in one thread: %s', async (_, params, start) => {
    const options = { agents: 400, tmax: 3, start: [...start], sweepsPerUnit: 10 };
    const inThread = plain(gameAbmEnsemble(gameFromParams(params), options, 7, 11));
    for (const threads of [1, 2, 3]) expect(plain(await gameAbmEnsembleThreads(params, options, 7, 11, threads))).toEqual(inThread);
    // Workers only (the main thread would otherwise take every run while they start under tsx).
    for (const threads of [1, 2]) expect(plain(await gameAbmEnsembleThreads(params, options, 7, 11, threads, false))).toEqual(inThread);
    // Runs differ from each other, so a run written to the wrong slot would show.
    expect(new Set(inThread.final[0]).size).toBeGreaterThan(3);
  }, 60_000);

  it('more threads than runs is fine', async () => {
    const options = { agents: 100, tmax: 1, start: [0.5, 0.5] };
    const e = await gameAbmEnsembleThreads(bistable, options, 2, 1, 4);
    expect(plain(e)).toEqual(plain(gameAbmEnsemble(gameFromParams(bistable), options, 2, 1)));
  }, 60_000);
});
