import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METRIC_COUNT } from '../../src/model/metrics.ts';
import { runValues } from '../../src/runner/run-metrics.ts';
import { openSweepDirectory } from '../../src/experiment/sweep/sweep-directory.ts';
import { lineRunId } from '../../src/experiment/sweep/sweep-rows.ts';
import type { RunOutput } from '../../src/runner/run-request.ts';
import { planExperiment, type ExperimentPlan } from '../../src/experiment/plan/experiment-plan.ts';
import { readExperimentFile } from '../../src/experiment/parse/read-experiment-file.ts';

const file = new URL('../../scenarios/experiments/tax-relief-sweep.json', import.meta.url).pathname;
const parsed = readExperimentFile(file);
if (!parsed.ok) throw new Error('the example experiment does not parse');
const plan = planExperiment(parsed.value);

/** A made-up result whose numbers say which run and year they belong to. */
function output(p: ExperimentPlan, id: number): RunOutput {
  const years = p.yearsOf(p.coordinates(id).point);
  const values = runValues(years, (m, y) => id + (y * METRIC_COUNT + m) / 1000);
  return { seed: p.coordinates(id).seed, years, values, initial: new Float64Array(METRIC_COUNT) };
}

const dirs: string[] = [];
const fresh = () => {
  const d = join(mkdtempSync(join(tmpdir(), 'coopsim-dir-')), 'out');
  dirs.push(d);
  return d;
};
const open = (dir: string, resume = false, now?: () => Date) => openSweepDirectory(dir, plan, { resume, shard: null, hash: 'h', workers: 2, now });
const ids = (path: string) => readFileSync(path, 'utf8').trim().split('\n').slice(1).map(lineRunId);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(join(d, '..'), { recursive: true, force: true });
});

describe('sweep directory', () => {
  it('appends runs that finish slightly out of turn in run_id order, so the files need no rewrite', () => {
    const dir = fresh();
    const d = open(dir);
    const inode = statSync(join(dir, 'years.csv')).ino;
    // Two workers with two runs each in flight: a run finishes at most three places late.
    const arrival = Array.from({ length: plan.runCount }, (_, i) => i).sort((a, b) => (a ^ 3) - (b ^ 3));
    expect(arrival).not.toEqual(sorted(arrival));
    for (const id of arrival) d.record(id, output(plan, id));
    expect(d.finish().status).toBe('complete');
    expect(ids(join(dir, 'runs.csv'))).toEqual(sorted(arrival));
    expect(new Set(ids(join(dir, 'years.csv')))).toEqual(new Set(arrival));
    expect(ids(join(dir, 'years.csv'))).toEqual(sorted(ids(join(dir, 'years.csv'))));
    expect(statSync(join(dir, 'years.csv')).ino).toBe(inode);
  });

  it('sorts the files at the end when runs came too far out of turn, or a resume filled gaps', () => {
    const dir = fresh();
    const d = open(dir);
    const arrival = Array.from({ length: plan.runCount }, (_, i) => plan.runCount - 1 - i);
    for (const id of arrival.slice(0, 100)) d.record(id, output(plan, id));
    d.finish();
    expect(ids(join(dir, 'runs.csv'))).toHaveLength(100);

    const again = open(dir, true);
    for (const id of arrival.slice(100)) again.record(id, output(plan, id));
    expect(again.finish().status).toBe('complete');
    expect(ids(join(dir, 'runs.csv'))).toEqual(sorted(arrival));
    const years = ids(join(dir, 'years.csv'));
    expect(years).toEqual(sorted(years));
    expect(years).toHaveLength(plan.runCount * plan.yearsOf(0));
  });

  it('writes runs held back for a slow one within about a second, then sorts the files at the end', () => {
    vi.useFakeTimers();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const dir = fresh();
    const d = open(dir, false, () => new Date(clock));
    for (let id = 1; id <= 10; id++) d.record(id, output(plan, id));
    expect(ids(join(dir, 'runs.csv'))).toEqual([]);
    clock += 1000;
    vi.advanceTimersByTime(1000);
    expect(ids(join(dir, 'runs.csv'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const inode = statSync(join(dir, 'years.csv')).ino;
    for (let id = plan.runCount - 1; id > 10; id--) d.record(id, output(plan, id));
    d.record(0, output(plan, 0));
    expect(d.finish().status).toBe('complete');
    expect(ids(join(dir, 'runs.csv'))).toEqual(Array.from({ length: plan.runCount }, (_, i) => i));
    expect(statSync(join(dir, 'years.csv')).ino).not.toBe(inode);
  });
});
