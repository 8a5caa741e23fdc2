import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { serveApp, POLL_MS } from './app-fixture.ts';

const WAIT = 180_000;
/** A package of two levers in a small world, 8 runs: (2·2+2)·8 = 48 runs. */
const WORLD = { firms: 500, schools: 10 };
const POLICY = { taxRelief: 0.5, groups: 0.6 };
const link = (n: number, lang = 'en') => `#lang=${lang}&n=${n}&years=6&world.firms=${WORLD.firms}&world.schools=${WORLD.schools}&policy.taxRelief=${POLICY.taxRelief}&policy.groups=${POLICY.groups}&ey=5`;

const dir = mkdtempSync(join(tmpdir(), 'coopsim-wedges-e2e-'));
const app = serveApp({ viewport: { width: 1366, height: 768 }, ownContext: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(link: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await app.open(link);
  await opened.page.waitForFunction(() => document.querySelector<HTMLElement>('.app')?.dataset.phase === 'ensemble', null, { timeout: WAIT, polling: POLL_MS });
  return opened;
}

const phase = (page: Page, value: string) => page.waitForFunction((v) => document.querySelector<HTMLElement>('.wedges')?.dataset.phase === v, value, { timeout: WAIT, polling: POLL_MS });

interface Bar {
  kind: string;
  lever: string | null;
  effect: number | null;
  lo: number | null;
  hi: number | null;
  costPerUnit: number | null;
}

/** The bars of the chart with their numbers (NaN as null, as the CLI's JSON has them). */
const bars = (page: Page): Promise<Bar[]> =>
  page.locator('svg.lever-wedges g.wedge-bar').evaluateAll((els) =>
    els.map((el) => {
      const d = (el as SVGElement).dataset;
      const num = (s: string | undefined) => (s === undefined || !Number.isFinite(Number(s)) ? null : Number(s));
      return { kind: d.kind!, lever: d.lever || null, effect: num(d.effect), lo: num(d.lo), hi: num(d.hi), costPerUnit: num(d.cost) };
    }),
  );

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page: page as never }).include('.wedges').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('lever contributions in Chromium', () => {
  let sharedLink = '';
  let sharedBars: Bar[] = [];

  it('runs by keyboard with progress, and shows the numbers coopsim compare --wedges prints for the same scenario, seeds and year', async () => {
    const { page, errors } = await open(link(8));
    await page.locator('.wedges').scrollIntoViewIfNeeded();
    // Keyboard only: the output menu, then Tab to the year menu and to the button, Enter to run.
    const output = page.locator('.wedges select[name="wedges-output"]');
    await output.focus();
    await output.selectOption('firms_cooperating_share');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('wedges-year');
    expect(await page.locator('.wedges select[name="wedges-year"]').inputValue()).toBe('5');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(/wedges-run/);
    expect(await page.locator('.wedges-run').textContent()).toMatch(/48 runs/);
    await page.keyboard.press('Enter');
    await phase(page, 'done');
    expect(await page.locator('.wedges-status').textContent()).toMatch(/8 seeds \(48 runs\)/);
    const shown = await bars(page);
    expect(shown.map((b) => `${b.kind}:${b.lever ?? ''}`)).toEqual(['total:', 'leave_out:taxRelief', 'add_in:taxRelief', 'leave_out:groups', 'add_in:groups', 'remainder:']);

    const pkg = join(dir, 'package.json');
    writeFileSync(pkg, JSON.stringify({ years: 6, world: WORLD, policy: POLICY }));
    const cli = JSON.parse(
      execFileSync(process.execPath, ['src/cli/bin.mjs', 'compare', pkg, '--seeds', '8', '--years', '5', '--metrics', 'firms_cooperating_share', '--wedges', '--json', '--workers', '1'], {
        encoding: 'utf8',
      }),
    );
    const expected = (cli.wedges as (Bar & { metric: string; year: number })[]).map(({ kind, lever, effect, lo, hi, costPerUnit }) => ({ kind, lever, effect, lo, hi, costPerUnit }));
    const key = (b: Bar) => `${b.kind}:${b.lever ?? ''}`;
    expect(new Map(shown.map((b) => [key(b), b]))).toEqual(new Map(expected.map((b) => [key(b), b])));
    // The split is not all zeros: the levers move this output.
    expect(shown.some((b) => b.effect !== 0)).toBe(true);
    // The link holds the output shown and that the split was asked for.
    await page.waitForFunction(() => location.hash.includes('wedges.run=1'), null, { timeout: WAIT, polling: POLL_MS });
    const linkParams = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect(linkParams.get('wedges.output')).toBe('firms_cooperating_share');
    sharedLink = new URL(page.url()).hash;
    sharedBars = shown;

    // Show as table, by keyboard: one row per bar.
    const toggle = page.locator('.wedges .show-table');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await page.locator('.wedges .chart-table tbody tr').count()).toBe(6);
    expect(await page.locator('.wedges .chart-summary').textContent()).toMatch(/^Whole package /);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, WAIT * 2);

  it('a shared link opens on the same output and year and runs the split again, with the same numbers', async () => {
    expect(sharedLink).toMatch(/wedges\.run=1/);
    const { page, errors } = await open(sharedLink);
    await phase(page, 'done');
    await expect(page.locator('.wedges select[name="wedges-output"]').inputValue()).resolves.toBe('firms_cooperating_share');
    await expect(page.locator('.wedges select[name="wedges-year"]').inputValue()).resolves.toBe('5');
    expect(await bars(page)).toEqual(sharedBars);
    // Another year chosen is in the link too.
    await page.locator('.wedges select[name="wedges-year"]').selectOption('3');
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('wedges.year') === '3', null, { timeout: WAIT, polling: POLL_MS });
    expect(errors).toEqual([]);
    await page.close();
  }, WAIT * 2);

  it('cancels, and passes axe in Chinese', async () => {
    const { page, errors } = await open(link(16, 'zh-CN'));
    await page.locator('.wedges-run').click();
    await phase(page, 'running');
    expect(await page.locator('.wedges-status').textContent()).toMatch(/\/ 96 次运行/);
    await page.locator('.wedges-cancel').click();
    await phase(page, 'cancelled');
    expect(await page.locator('.wedges-status').textContent()).toBe('已取消拆分。');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.wedges-run').click();
    await phase(page, 'done');
    await page.locator('.wedges .show-table').click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, WAIT * 2);

  it('with parameter uncertainty (pu=1) run i of every sub-scenario has parameter set i: the numbers of compare --wedges --posterior', async () => {
    const { page, errors } = await open(`${link(8)}&pu=1`);
    await page.locator('.wedges select[name="wedges-output"]').selectOption('mean_depth');
    await page.locator('.wedges-run').click();
    await phase(page, 'done');
    expect(await page.locator('svg.lever-wedges .subtitle').allTextContents().then((t) => t.join(' '))).toMatch(/across seeds and parameter sets/);
    const pkg = join(dir, 'package-pu.json');
    writeFileSync(pkg, JSON.stringify({ years: 6, world: WORLD, policy: POLICY }));
    const posterior = 'scenarios/calibration/status-quo.posterior.json';
    const args = ['src/cli/bin.mjs', 'compare', pkg, '--seeds', '8', '--years', '5', '--metrics', 'mean_depth', '--wedges', '--posterior', posterior, '--json', '--workers', '1'];
    const cli = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
    const key = (b: Bar) => `${b.kind}:${b.lever ?? ''}`;
    const expected = (cli.wedges as Bar[]).map(({ kind, lever, effect, lo, hi, costPerUnit }) => ({ kind, lever, effect, lo, hi, costPerUnit }));
    expect(new Map((await bars(page)).map((b) => [key(b), b]))).toEqual(new Map(expected.map((b) => [key(b), b])));
    expect(errors).toEqual([]);
    await page.close();
  }, WAIT * 2);
});
