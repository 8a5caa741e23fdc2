import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ensembleReady as drawn, serveApp, POLL_MS } from './app-fixture.ts';
import { drawPosterior, readPosterior } from '../../src/calibration/read-posterior.ts';
import { deriveSeed } from '../../src/model/rng.ts';
import { shipped } from '../helpers/scenario.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const POSTERIOR = 'scenarios/calibration/status-quo.posterior.json';
const WAIT = 90_000;

const app = serveApp({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
const open = (query: string) => app.open(query);
const ensembleReady = (page: Page, afterJob = 0) => drawn(page, afterJob, WAIT);

async function download(page: Page, button: string): Promise<string> {
  await page.locator('.export-menu summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.locator(button).click()]);
  return readFileSync(await dl.path(), 'utf8');
}

function cli(args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'src/cli/bin.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, COOPSIM_FROM_SOURCE: '1' } });
}

describe('app: include parameter uncertainty', () => {
  it('the switch under Assumptions makes each run draw its parameters from the shipped posterior, as coopsim compare --posterior does', async () => {
    const { page, errors } = await open('?n=8');
    let job = await ensembleReady(page);
    await expect(page.locator('.summary-uncertainty').textContent()).resolves.toMatch(/^Bands show chance only/);
    const before = await page.getAttribute('[data-chart="metric-firms_cooperating_share"] path.line.current', 'data-values');
    await page.locator('button.panel-tab[data-panel="assumptions"]').click();
    await page.locator('#param-uncertainty').check();
    job = await ensembleReady(page, job);
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('pu') === '1', null, { timeout: WAIT, polling: POLL_MS });
    await expect(page.locator('.summary-uncertainty').textContent()).resolves.toMatch(/Bands include parameter uncertainty \(8 posterior draws\)/);
    expect(await page.getAttribute('[data-chart="metric-firms_cooperating_share"] path.line.current', 'data-values')).not.toBe(before);

    const seed = shipped('baseline').seed;
    const doc = JSON.parse(await download(page, 'button.export-json'));
    expect(doc.parameterUncertainty.posterior).toBe(POSTERIOR);
    expect(doc.seeds).toEqual(Array.from({ length: 8 }, (_, i) => deriveSeed(seed, i)));
    // The same parameter sets as Node's drawPosterior and as the command line for this seed and run count.
    expect(doc.parameterUncertainty.draws).toEqual(drawPosterior(readPosterior(POSTERIOR), 8, seed));
    const compare = JSON.parse(cli(['compare', 'scenarios/baseline.json', '--seeds', '8', '--years', '3', '--posterior', POSTERIOR, '--json']));
    expect(doc.parameterUncertainty.draws).toEqual(compare.parameterUncertainty.draws);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('a pu=1 link runs the same numbers as coopsim run with the drawn parameters, and speaks Chinese too', async () => {
    const { page, errors } = await open('?pu=1&n=1&seed=7');
    await ensembleReady(page);
    const [draw] = drawPosterior(readPosterior(POSTERIOR), 1, 7);
    const sets = Object.entries(draw).flatMap(([path, v]) => ['--set', `${path}=${v}`]);
    expect(await download(page, 'button.export-csv')).toBe(cli(['run', 'scenarios/baseline.json', '--seed', String(deriveSeed(7, 0)), ...sets]));
    await page.close();
    const zh = await open('?pu=1&n=8&lang=zh-CN');
    await ensembleReady(zh.page);
    await expect(zh.page.locator('.summary-uncertainty').textContent()).resolves.toMatch(/参数不确定性（8 组后验抽样）/);
    await expect(zh.page.locator('#param-uncertainty').isChecked()).resolves.toBe(true);
    expect([...errors, ...zh.errors]).toEqual([]);
    await zh.page.close();
  }, 240_000);
});
