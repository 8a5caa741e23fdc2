import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { coopsim } from '../helpers/cli.ts';
import { quantile } from '../../src/analysis/quantiles.ts';

const GOAL = 'test/fixtures/goals/tiny.json';
const FILES = ['pareto.csv', 'evaluations.csv', 'summary.txt', 'front.svg'];

/** The files compared between two runs of the same goal: the tables, the summary, the SVG and every mix file. */
const compared = (dir: string) => [...FILES, ...readdirSync(join(dir, 'mixes')).map((f) => `mixes/${f}`)];
const tmp = () => mkdtempSync(join(tmpdir(), 'coopsim-optimize-'));
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
/** The manifest without what only says when and on how many workers it ran. */
const manifestCore = (dir: string) => {
  const { started: _s, finished: _f, sessions: _x, ...rest } = JSON.parse(read(dir, 'manifest.json'));
  return rest;
};

function optimize(out: string, extra: string[] = []) {
  const r = coopsim(['optimize', GOAL, '--out', out, ...extra]);
  if (r.status !== 0) throw new Error(`coopsim optimize exited ${r.status}: ${r.stderr}`);
  return r;
}

describe('coopsim optimize', () => {
  const one = tmp();
  const two = tmp();
  let progress = '';

  it('gives the same files on 1 and on 2 workers', () => {
    optimize(one, ['--workers', '1']);
    progress = optimize(two, ['--workers', '2']).stderr;
    expect(compared(two)).toEqual(compared(one));
    expect(compared(one).length).toBeGreaterThan(FILES.length);
    for (const f of compared(one)) expect(read(two, f), f).toBe(read(one, f));
    expect(manifestCore(two)).toEqual(manifestCore(one));
    expect(manifestCore(one).status).toBe('complete');
  });

  it('reports each generation with its hypervolume, which never falls', () => {
    const lines = progress.split('\n').filter((l) => l.startsWith('optimize: generation'));
    expect(lines.map((l) => /generation (\d+)\/3/.exec(l)?.[1])).toEqual(['0', '1', '2', '3']);
    const hv = manifestCore(one).hypervolume as number[];
    expect(hv).toHaveLength(4);
    for (let i = 1; i < hv.length; i++) expect(hv[i]).toBeGreaterThanOrEqual(hv[i - 1] - 1e-12);
    expect(lines[3]).toContain(`hypervolume ${hv[3].toFixed(4)}`);
  });

  it('resumes after kill -9 with the same files', async () => {
    const out = tmp();
    const child = spawn(process.execPath, ['src/cli/bin.mjs', 'optimize', GOAL, '--out', out, '--workers', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('generation 0/3')) child.kill('SIGKILL');
      });
      child.on('exit', () => (err.includes('generation 0/3') ? resolve() : reject(new Error(`no progress before exit: ${err}`))));
    });
    expect(JSON.parse(read(out, 'manifest.json')).status).toBe('running');
    const refused = coopsim(['optimize', GOAL, '--out', out]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('--resume');
    optimize(out, ['--resume', '--workers', '1']);
    expect(compared(out)).toEqual(compared(one));
    for (const f of compared(one)) expect(read(out, f), f).toBe(read(one, f));
    expect(manifestCore(out)).toEqual(manifestCore(one));
  }, 120_000);

  it('gives the same files when two shards share the work through one folder', async () => {
    const out = tmp();
    const shard = (i: number) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['src/cli/bin.mjs', 'optimize', GOAL, '--out', out, '--workers', '1', '--shard', `${i}/2`], { stdio: 'ignore' });
        child.on('exit', (code) => resolve(code));
      });
    expect(await Promise.all([shard(0), shard(1)])).toEqual([0, 0]);
    expect(compared(out)).toEqual(compared(one));
    for (const f of compared(one)) expect(read(out, f), f).toBe(read(one, f));
    expect(manifestCore(out)).toEqual(manifestCore(one));
    expect(readdirSync(join(out, 'shards'))).toContain('generation-3-shard-1-of-2.json');
  }, 120_000);

  it('continues a finished search for more generations, as if they had been asked for from the start', () => {
    const longer = join(tmp(), 'longer.json');
    const goal = JSON.parse(readFileSync(GOAL, 'utf8'));
    writeFileSync(longer, JSON.stringify({ ...goal, base: goal.base, search: { ...goal.search, generations: 4 } }));
    const continued = tmp();
    optimize(continued, ['--workers', '1']);
    const r = coopsim(['optimize', longer, '--out', continued, '--resume', '--workers', '1']);
    expect(r.status, r.stderr).toBe(0);
    const fresh = tmp();
    expect(coopsim(['optimize', longer, '--out', fresh, '--workers', '1']).status).toBe(0);
    for (const f of compared(fresh)) expect(read(continued, f), f).toBe(read(fresh, f));
    expect(read(continued, 'evaluations.csv').split('\n').length).toBeGreaterThan(read(one, 'evaluations.csv').split('\n').length);
    const fewer = coopsim(['optimize', GOAL, '--out', continued, '--resume']);
    expect(fewer.status).toBe(3);
    expect(fewer.stderr).toMatch(/more than the goal's 3/);
  }, 120_000);

  it("reproduces a Pareto point's figures from single runs with its levers and seeds", () => {
    const rows = parse(read(one, 'pareto.csv'), { columns: true }) as Record<string, string>[];
    const point = rows[rows.length - 1];
    const seeds = manifestCore(one).seeds.seeds as number[];
    const sets = [
      `policy.law=${point['policy.law']}`,
      `policy.taxRelief=${JSON.stringify([{ from: Number(point['policy.taxRelief.startYear']), value: Number(point['policy.taxRelief.level']) }])}`,
      `policy.evaluationInterval=${point['policy.evaluationInterval']}`,
    ];
    const base = join(tmp(), 'base.json');
    writeFileSync(base, JSON.stringify({ world: { schools: 6, firms: 300 } }));
    const cost: number[] = [];
    const deep: number[] = [];
    for (const seed of seeds) {
      const r = coopsim(['run', base, '--years', '5', '--seed', String(seed), '--format', 'json', ...sets.flatMap((a) => ['--set', a])]);
      expect(r.status, r.stderr).toBe(0);
      const years = JSON.parse(r.stdout).years as Record<string, number>[];
      cost.push(years.reduce((sum, y) => sum + y.fiscal_cost, 0));
      deep.push(years[4].depth_3_share + years[4].depth_4_share);
    }
    // The goal asks for the value reached in 80% of runs: the 80% quantile of a cost, the 20% quantile of a share.
    expect(Number(point.fiscal_cost_cum)).toBe(quantile(cost, 0.8));
    expect(Number(point.deep_share)).toBe(quantile(deep, 0.2));
    expect(Number(point.fiscal_cost_cum_p95)).toBe(quantile(cost, 0.95));
    // The mix's scenario file gives the same runs.
    const mix = join(one, 'mixes', `candidate-${point.candidate}.json`);
    const r = coopsim(['run', mix, '--seed', String(seeds[0]), '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout).years as Record<string, number>[]).reduce((sum, y) => sum + y.fiscal_cost, 0)).toBe(cost[0]);
  }, 120_000);

  it("reproduces a Pareto point's effects against the base exactly with coopsim compare on its mix file", () => {
    const rows = parse(read(one, 'pareto.csv'), { columns: true }) as Record<string, string>[];
    const goal = JSON.parse(readFileSync(GOAL, 'utf8'));
    const base = join(tmp(), 'base.json');
    // The goal's base, run for the goal's years (0–4), as the search ran it.
    writeFileSync(base, JSON.stringify({ ...goal.base, years: 5 }));
    const { count, seed } = manifestCore(one).seeds as { count: number; seed: number };
    for (const point of new Set([rows[0], rows[rows.length - 1]])) {
      const mix = join(one, 'mixes', `candidate-${point.candidate}.json`);
      const r = coopsim(['compare', mix, '--against', base, '--seeds', String(count), '--seed', String(seed), '--years', '4', '--metrics', 'fiscal_cost_cumulative,deep_share', '--json']);
      expect(r.status, r.stderr).toBe(0);
      const effects = JSON.parse(r.stdout).effects as { metric: string; effect: number; lo: number; hi: number }[];
      const of = (metric: string) => effects.find((e) => e.metric === metric)!;
      for (const [metric, column] of [['fiscal_cost_cumulative', 'fiscal_cost_cum'], ['deep_share', 'deep_share']]) {
        const e = of(metric);
        expect([e.effect, e.lo, e.hi], `${column} of candidate ${point.candidate}`).toEqual([
          Number(point[`${column}_effect`]),
          Number(point[`${column}_effect_lo`]),
          Number(point[`${column}_effect_hi`]),
        ]);
      }
    }
  }, 120_000);

  it('refuses a bad goal with the field at fault', () => {
    const bad = join(tmp(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ levers: [{ path: 'policy.taxRelief', range: [0, 2] }], objectives: [{ name: 'c', of: 'fiscal_cost', year: 1, sense: 'minimise' }] }));
    const r = coopsim(['optimize', bad, '--out', tmp()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: levers\[0\]\.range: policy\.taxRelief: 2 is too large/);
  });
});
