import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coopsim } from '../helpers/cli.ts';
import { drawPosterior, readPosterior } from '../../src/index.ts';

/** A small calibration: a 300-firm world, two parameters, three targets, three generations. */
const calibration = {
  name: 'cli test',
  base: { name: 'small world', years: 5, world: { regions: 1, sectors: 2, schools: 8, firms: 300 } },
  parameters: {
    'economics.internProductivity': { uniform: [0.1, 0.9], source: 'test: wide' },
    'behaviour.contractShare': { beta: [1.2, 1.5], source: 'test: wide' },
  },
  targets: [
    { metric: 'intern_output_to_cost', years: [0, 4], value: 0.8, sd: 0.05, source: 'test' },
    { metric: 'friendship_share', years: 'steady', value: 0.6, sd: 0.05, source: 'test' },
    { name: 'shallow', expression: 'depth_1_share / firms_cooperating_share', years: [0, 4], min: 0.6, sd: 0.05, source: 'test' },
  ],
  method: { particles: 40, generations: 4, seedsPerParticle: 1, seed: 5 },
};

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coopsim-calibrate-'));
  file = join(dir, 'cal.json');
  writeFileSync(file, JSON.stringify(calibration));
});

describe('coopsim calibrate', () => {
  it('writes its outputs, and the same posterior on 1 and 2 workers', () => {
    const a = coopsim(['calibrate', file, '--out', join(dir, 'w1'), '--workers', '1', '--no-progress']);
    expect(a.stderr).toMatch(/calibrate: 4 generations/);
    expect(a.status).toBe(0);
    const b = coopsim(['calibrate', file, '--out', join(dir, 'w2'), '--workers', '2', '--no-progress']);
    expect(b.status).toBe(0);
    const posterior = readFileSync(join(dir, 'w1', 'posterior.csv'), 'utf8');
    expect(readFileSync(join(dir, 'w2', 'posterior.csv'), 'utf8')).toBe(posterior);
    const lines = posterior.trim().split('\n');
    expect(lines[0]).toBe('particle,economics.internProductivity,behaviour.contractShare,weight,distance,predicted:intern_output_to_cost,predicted:friendship_share,predicted:shallow');
    expect(lines).toHaveLength(41);
    const gens = readFileSync(join(dir, 'w1', 'generations.csv'), 'utf8').trim().split('\n');
    expect(gens[0]).toBe('generation,tolerance,proposed,accepted,acceptance,ess,simulations,seconds');
    expect(gens).toHaveLength(5);
    const calibrated = JSON.parse(readFileSync(join(dir, 'w1', 'calibrated.json'), 'utf8'));
    expect(calibrated.sources['economics.internProductivity']).toBe(`calibrated: ${file}, posterior median`);
    expect(typeof calibrated.economics.internProductivity).toBe('number');
    expect(calibrated.world.firms).toBe(300);
    const manifest = JSON.parse(readFileSync(join(dir, 'w1', 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('complete');
    const svg = readFileSync(join(dir, 'w1', 'posterior-pairs.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<circle /g)).toHaveLength(40); // two parameters: one scatter cell, a dot per particle
    const json = readFileSync(join(dir, 'w1', 'posterior.json'), 'utf8');
    expect(readFileSync(join(dir, 'w2', 'posterior.json'), 'utf8')).toBe(json);
    const doc = JSON.parse(json);
    expect(doc.calibrationHash).toBe(manifest.hash);
    expect(doc.columns).toEqual(['economics.internProductivity', 'behaviour.contractShare', 'weight', 'distance']);
    // The JSON and the CSV hold the same particles.
    const fromCsv = readPosterior(join(dir, 'w1', 'posterior.csv'));
    const post = readPosterior(join(dir, 'w1'));
    expect(post.theta.flat().map((v, i) => Math.abs(v - fromCsv.theta.flat()[i]))).toSatisfy((d: number[]) => d.every((x) => x < 1e-9));
    expect(post.paths).toEqual(['economics.internProductivity', 'behaviour.contractShare']);
    expect(post.theta).toHaveLength(40);
    const draws = drawPosterior(post, 500, 1);
    expect(drawPosterior(post, 500, 1)).toEqual(draws);
    // Drawn by weight: the mean of the draws is near the weighted posterior mean.
    const wMean = post.theta.reduce((a, t, i) => a + post.weights[i] * t[0], 0);
    const dMean = draws.reduce((a, d) => a + d['economics.internProductivity'], 0) / draws.length;
    const sd = Math.sqrt(post.theta.reduce((a, t, i) => a + post.weights[i] * (t[0] - wMean) ** 2, 0));
    expect(Math.abs(dMean - wMean)).toBeLessThan((4 * sd) / Math.sqrt(draws.length));
    const summary = readFileSync(join(dir, 'w1', 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| economics\.internProductivity \| uniform\(0\.1, 0\.9\) \|/);
    expect(summary).toMatch(/\| shallow \| 0–4 \| ≥ 0\.6 \|/);
  }, 180_000);

  it('resumes after kill -9 to the same posterior', async () => {
    const out = join(dir, 'killed');
    const child = spawn(process.execPath, ['src/cli/bin.mjs', 'calibrate', file, '--out', out, '--workers', '2', '--no-progress'], { stdio: 'ignore' });
    let exited = false;
    child.on('exit', () => (exited = true));
    const deadline = Date.now() + 120_000;
    while (!existsSync(join(out, 'generations', '001.json')) && Date.now() < deadline && !exited) await new Promise((r) => setTimeout(r, 50));
    expect(exited).toBe(false); // killed mid-run, not after it finished
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(join(out, 'posterior.csv'))).toBe(false);
    const kept = readdirSync(join(out, 'generations')).filter((f) => f.endsWith('.json'));
    const r = coopsim(['calibrate', file, '--out', out, '--resume', '--no-progress']);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'posterior.csv'), 'utf8')).toBe(readFileSync(join(dir, 'w1', 'posterior.csv'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.sessions).toHaveLength(2);
    expect(manifest.sessions[1].generationsRun).toBe(4 - kept.length);
  }, 180_000);

  it('shards per generation (a job array per generation, then a merge step) give the same posterior', () => {
    const out = join(dir, 'sharded');
    for (let g = 0; g < 4; g++) {
      for (const shard of ['0/2', '1/2']) {
        const s = coopsim(['calibrate', file, '--out', out, '--shard', shard, '--workers', '1', '--no-progress']);
        expect(s.stderr).toMatch(new RegExp(`shard ${shard} of generation ${g}: \\d+ candidates`));
        expect(s.status).toBe(0);
      }
      const m = coopsim(['calibrate', file, '--out', out, '--resume', '--step', '--workers', '1', '--no-progress']);
      expect(m.status).toBe(0);
    }
    expect(readFileSync(join(out, 'posterior.csv'), 'utf8')).toBe(readFileSync(join(dir, 'w1', 'posterior.csv'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('complete');
    // The merge steps ran only what the shards had not: generation 0 (50 candidates for 40
    // particles from the shards) needed no run of its own, and all generations fewer than unsharded.
    const runs = (d: string) => readFileSync(join(d, 'generations.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[6]));
    const merged = runs(out);
    expect(merged[0]).toBe(0);
    expect(merged.reduce((a, b) => a + b, 0)).toBeLessThan(runs(join(dir, 'w1')).reduce((a, b) => a + b, 0));
    expect(readdirSync(join(out, 'shards'))).toEqual(['000', '001', '002', '003']);
    const after = coopsim(['calibrate', file, '--out', out, '--shard', '0/2', '--no-progress']);
    expect(after.stderr).toMatch(/has stopped; nothing to do/);
  }, 180_000);

  it('refuses a non-empty output folder without --resume', () => {
    const r = coopsim(['calibrate', file, '--out', join(dir, 'w1'), '--no-progress']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/not empty; choose a new folder, or continue this calibration with --resume/);
  });

  it('a bad file gets every problem with its field path', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...calibration, targets: [{ metric: 'employment_rate', years: [0, 4], value: 0.9, sd: 0.02, source: 'MyCOS' }] }));
    const r = coopsim(['calibrate', bad, '--out', join(dir, 'bad'), '--no-progress']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: targets\[0\]\.metric: employment_rate is a direct input of the model/);
  });
});
