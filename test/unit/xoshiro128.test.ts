import { describe, it, expect } from 'vitest';
import { splitMix64, xoshiro128Next, xoshiro128State } from '../../src/analysis/game/xoshiro128.ts';
import { runGameAbm } from '../../src/analysis/game/game-abm.ts';
import { gameFromParams } from '../../src/analysis/game/game-from-params.ts';
import { reportTimes } from '../../src/analysis/game/trajectory.ts';

describe('xoshiro128**', () => {
  it('gives the outputs and states of the C reference implementation', () => {
    // Test data generated with https://prng.di.unimi.it/xoshiro128starstar.c from the state
    // below (edorfaus/xoshiro-6502, test-rom/testdata.asm: VerifyValuesXoshiro128 and
    // VerifyStatesXoshiro128).
    const s = Int32Array.from([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    const outputs = [0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70];
    const states = [
      [0x72410269, 0xef382c52, 0x2e43bec7, 0x62432f20],
      [0xff3a011b, 0xb33a90fc, 0x2c5a18ae, 0xd81b946b],
      [0x941b058c, 0x605a8949, 0xa641e1b5, 0x0824bb59],
      [0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343],
    ];
    for (let k = 0; k < 4; k++) {
      expect(xoshiro128Next(s)).toBe(outputs[k]);
      expect(Array.from(s, (w) => w >>> 0)).toEqual(states[k]);
    }
  });

  it('from the state (0, 1, 2, 3) gives the sequence published with other ports of the reference', () => {
    const s = Int32Array.from([0, 1, 2, 3]);
    const got = Array.from({ length: 10 }, () => xoshiro128Next(s));
    expect(got).toEqual([5760, 17280, 2966400, 32451840, 2604340873, 3891234569, 1254043636, 216095511, 3291724652, 2070429911]);
  });

  it('SplitMix64 from 0 gives its published first outputs', () => {
    let state = 0n;
    const got: bigint[] = [];
    for (let k = 0; k < 4; k++) {
      const out = splitMix64(state);
      state = out.state;
      got.push(out.value);
    }
    expect(got).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn, 0xf88bb8a8724c81ecn]);
  });

  it('seeds a stream from two SplitMix64 outputs, low word first, and rejects bad seeds', () => {
    // seed 0, stream 0 is SplitMix64 from 0: the words of its first two outputs.
    expect(Array.from(xoshiro128State(0, 0), (w) => w >>> 0)).toEqual([0x7b1dcdaf, 0xe220a839, 0xa1b965f4, 0x6e789e6a]);
    expect(Array.from(xoshiro128State(7, 1))).not.toEqual(Array.from(xoshiro128State(7, 0)));
    expect(() => xoshiro128State(-1, 0)).toThrow(/unsigned 32-bit/);
    expect(() => xoshiro128State(1.5, 0)).toThrow(/unsigned 32-bit/);
    expect(() => xoshiro128State(1, 256)).toThrow(/0–255/);
  });
});

describe('the game ABM sweep loop', () => {
  it('draws exactly what the reference generator gives (the loop writes the step out inline)', () => {
    // A plain reimplementation of the sweep rules with xoshiro128Next, one call per draw:
    // each agent draws its peer, then its imitation draw.
    const params = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 };
    const game = gameFromParams(params);
    const n = 500;
    const M = 4; // large gains: probabilities are clipped to 1 at some shares
    const tmax = 2;
    const start = [0.5, 0.3];
    const times = reportTimes(tmax);
    const seed = 12345;
    const rng = [xoshiro128State(seed, 0), xoshiro128State(seed, 1)];
    let cur = [0, 1].map((i) => Uint8Array.from({ length: n }, (_, a) => (a < Math.round(start[i] * n) ? 1 : 0)));
    const expected = [0, 1].map((i) => [cur[i].reduce((s, v) => s + v, 0) / n]);
    for (let sweep = 1; sweep <= tmax * M; sweep++) {
      const p = cur.map((c) => c.reduce((s, v) => s + v, 0) / n);
      const g = [0, 0];
      game.gains(p, g);
      cur = cur.map((c, i) => {
        const next = new Uint8Array(n);
        for (let a = 0; a < n; a++) {
          const peer = c[Math.floor((xoshiro128Next(rng[i]) / 2 ** 32) * n)];
          const u = xoshiro128Next(rng[i]) / 2 ** 32;
          next[a] = c[a];
          if (peer !== c[a]) {
            const prob = Math.min(1, Math.max(0, (peer === 1 ? g[i] : -g[i]) / M));
            if (u < prob) next[a] = peer;
          }
        }
        return next;
      });
      cur.forEach((c, i) => expected[i].push(c.reduce((s, v) => s + v, 0) / n));
    }
    const run = runGameAbm(game, { agents: n, sweepsPerUnit: M, tmax, start }, seed);
    // Report time t shows the shares after round(t·M) sweeps.
    expect(run.times).toEqual(times);
    for (let i = 0; i < 2; i++) expect(Array.from(run.shares[i])).toEqual(times.map((t) => expected[i][Math.round(t * M)]));
    expect(new Set(run.shares[0]).size).toBeGreaterThan(4);
  });
});
