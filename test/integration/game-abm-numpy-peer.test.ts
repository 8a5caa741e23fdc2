import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gameAbmEnsemble } from '../../src/analysis/game/game-abm.ts';
import { gameFromParams } from '../../src/analysis/game/game-from-params.ts';
import { paramsOfGameFile, startOfGameFile } from '../../src/analysis/game/analyse-game.ts';
import { parseGameFile } from '../../src/analysis/game/game-schema.ts';

/** The python3 with numpy that test/setup/ensure-numpy.sh finds, or null. */
function pythonWithNumpy(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) if (spawnSync(py, ['-c', 'import numpy']).status === 0) return py;
  return null;
}
const python = pythonWithNumpy();

// The benchmark `game_abm_vs_numpy` times coopsim against bench/peers/game_abm.py: this
// checks that the peer runs the same dynamics, so the race is between equals.
describe.skipIf(!python)('the numpy peer of the game ABM', () => {
  it('gives the same ensemble mean as coopsim, within sampling noise, at every time unit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coopsim-peer-'));
    const file = join(dir, 'game.json');
    const game = { ...JSON.parse(readFileSync('scenarios/games/dominant.json', 'utf8')), tmax: 4 };
    writeFileSync(file, JSON.stringify(game));
    const out = execFileSync(python!, ['bench/peers/game_abm.py', file, '--agents', '5000', '--reps', '16', '--seed', '3'], { encoding: 'utf8' });
    const peer = JSON.parse(out) as { sweeps: number; mean: [number, number][] };
    const parsed = parseGameFile(game);
    if (!parsed.ok) throw new Error('dominant.json does not parse');
    const options = { agents: 5000, tmax: 4, start: startOfGameFile(parsed.value), sweepsPerUnit: 10 };
    const ours = gameAbmEnsemble(gameFromParams(paramsOfGameFile(parsed.value)), options, 16, 3);
    expect(peer.sweeps).toBe(40);
    expect(peer.mean).toHaveLength(ours.times.length);
    let moved = 0;
    for (let k = 10; k <= 40; k += 10)
      for (let i = 0; i < 2; i++) {
        // 16 runs of 5,000 agents: the sd of a mean share is below 0.004 here.
        expect(Math.abs(peer.mean[k][i] - ours.mean[i][k])).toBeLessThan(0.015);
        moved = Math.max(moved, Math.abs(ours.mean[i][k] - ours.mean[i][0]));
      }
    expect(moved).toBeGreaterThan(0.3);
  }, 60_000);
});
