import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ensembleReady as drawn, serveApp, POLL_MS } from './app-fixture.ts';
import { deriveSeed } from '../../src/model/rng.ts';
import { shipped } from '../helpers/scenario.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WAIT = 90_000;

const app = serveApp({ acceptDownloads: true });

/** Opens the app with a query string and collects console errors and page errors. */
const open = (query = '', viewport = { width: 1280, height: 900 }) => app.open(query, { viewport });

/** Waits until the ensemble of the newest request is drawn; returns its job id. */
const ensembleReady = (page: Page, afterJob = 0) => drawn(page, afterJob, WAIT);

/** Waits until the page's link contains `text` (the link is written a moment after a change). */
async function urlContains(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => decodeURIComponent(location.hash.replace(/\+/g, ' ')).includes(t), text, { timeout: WAIT, polling: POLL_MS });
}

/** The values a line of a small multiple draws (its `data-values`, not pixels: the axis may rescale). */
const lineValues = (page: Page, chart: string, cls: string) => page.getAttribute(`[data-chart="${chart}"] path.line.${cls}`, 'data-values');

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), click()]);
  const file = await dl.path();
  const bytes = readFileSync(file);
  return { name: dl.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

function cli(args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'src/cli/bin.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, COOPSIM_FROM_SOURCE: '1' },
  });
}

describe('browser app in Chromium', () => {
  it('opens on the full package against the status quo, says so in one sentence, and draws every chart with a legend and the summary', async () => {
    const { page, errors } = await open();
    await ensembleReady(page);
    await expect(page.locator('#preset').inputValue()).resolves.toBe('full-package');
    await expect(page.locator('.looking-at').textContent()).resolves.toMatch(/^You are looking at Full policy package against the status quo: 32 paired runs/);
    // Not the status quo against itself: the first screen shows an effect.
    expect(Number(await page.getAttribute('.tile[data-effect="deep"]', 'data-difference'))).toBeGreaterThan(0);
    await urlContains(page, 'preset=full-package');
    await expect(page.locator('h1').textContent()).resolves.toContain('School–enterprise cooperation');
    expect(await page.locator('[data-chart="depth"] svg path.layer').count()).toBe(4);
    expect(await page.locator('[data-chart="depth"] svg .legend-item').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('[data-chart="net-benefit"] svg path.line').count()).toBe(4);
    expect(await page.locator('.multiples figure svg').count()).toBe(8);
    expect(await page.locator('.multiples figure path.band.current').count()).toBe(8);
    expect(await page.locator('.tile').count()).toBe(6);
    await expect(page.locator('.tile[data-effect="deep"] .tile-ci').textContent()).resolves.toMatch(/90%/);
    expect(await page.locator('.control.lever').count()).toBe(8);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moving a lever redraws the scenario’s series and leaves the baseline alone (offline once loaded)', async () => {
    const { page, errors } = await open();
    const job = await ensembleReady(page);
    await page.context().setOffline(true);
    const before = { current: await lineValues(page, 'metric-deep_share', 'current'), baseline: await lineValues(page, 'metric-deep_share', 'baseline') };
    await page.locator('.control[data-lever="taxRelief"] input[type="range"]').fill('0.6');
    await ensembleReady(page, job);
    const after = { current: await lineValues(page, 'metric-deep_share', 'current'), baseline: await lineValues(page, 'metric-deep_share', 'baseline') };
    expect(after.baseline).toBe(before.baseline);
    expect(after.current).not.toBe(before.current);
    const diff = Number(await page.getAttribute('.tile[data-effect="cooperating"]', 'data-difference'));
    expect(diff).toBeGreaterThan(0);
    await expect(page.locator('.control[data-lever="taxRelief"] .value b').textContent()).resolves.toBe('60%');
    await urlContains(page, 'taxRelief=0.6');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a burst of slider moves coalesces to the latest value', async () => {
    const { page } = await open('?n=16');
    const job = await ensembleReady(page);
    const count = async (name: string) => Number((await page.getAttribute('.app', `data-${name}`)) ?? 0);
    const previews0 = await count('previews-run');
    const ensembles0 = await count('ensembles-shown');
    // 20 input events in one task, as a fast drag delivers them between two frames: the
    // first starts a preview, the other 19 supersede one another while it runs.
    const moves = Array.from({ length: 20 }, (_, i) => String((i + 1) / 20));
    await page.evaluate(`(() => {
      const input = document.querySelector('.control[data-lever="law"] input[type="range"]');
      for (const v of ${JSON.stringify(moves)}) {
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    })()`);
    await ensembleReady(page, job);
    await urlContains(page, 'law=1');
    const previews = (await count('previews-run')) - previews0;
    const ensembles = (await count('ensembles-shown')) - ensembles0;
    const previewMs = Number(await page.getAttribute('.app', 'data-preview-ms'));
    const ensembleMs = Number(await page.getAttribute('.app', 'data-ensemble-ms'));
    console.log(`${moves.length} moves → ${previews} preview runs, ${ensembles} ensemble drawn; last preview ${previewMs} ms, 16-seed band ${ensembleMs} ms`);
    // The first move's preview and the latest one's; no stale ensemble is drawn.
    expect(previews).toBeGreaterThanOrEqual(1);
    expect(previews).toBeLessThanOrEqual(2);
    expect(ensembles).toBe(1);
    await expect(page.locator('.control[data-lever="law"] .value b').textContent()).resolves.toBe('100%');
    await page.close();
  });

  it('a link restores the scenario, runs and view exactly', async () => {
    const { page } = await open('?n=8');
    let job = await ensembleReady(page);
    await page.locator('.control[data-lever="groups"] input[type="range"]').fill('0.8');
    job = await ensembleReady(page, job);
    await page.locator('#evaluation-interval').selectOption('2');
    job = await ensembleReady(page, job);
    await page.locator('#effect-year').selectOption('15');
    await page.waitForFunction(() => location.hash.includes('ey=15'), null, { timeout: WAIT, polling: POLL_MS });
    const url = page.url();
    const tiles = await page.locator('.tile').allTextContents();
    const depthPath = await page.getAttribute('[data-chart="depth"] path.layer.depth-3', 'd');
    await page.close();

    const second = await open(url.slice(app.url.length));
    await ensembleReady(second.page);
    expect(await second.page.locator('.tile').allTextContents()).toEqual(tiles);
    expect(await second.page.getAttribute('[data-chart="depth"] path.layer.depth-3', 'd')).toBe(depthPath);
    await expect(second.page.locator('.control[data-lever="groups"] input[type="range"]').inputValue()).resolves.toBe('0.8');
    await expect(second.page.locator('#evaluation-interval').inputValue()).resolves.toBe('2');
    await expect(second.page.locator('#effect-year').inputValue()).resolves.toBe('15');
    await expect(second.page.locator('#ensemble').inputValue()).resolves.toBe('8');
    expect(await second.page.locator('.notice').count()).toBe(0);
    expect(second.errors).toEqual([]);
    await second.page.close();
  });

  it('keeps the state in the fragment: an old query link is read, a 5,000-character description loads, Copy link copies the state of now', async () => {
    const { page: old } = await open('?n=1&law=0.5');
    await ensembleReady(old);
    await old.waitForFunction(() => location.hash.includes('law=0.5'), null, { timeout: WAIT, polling: POLL_MS });
    expect(new URL(old.url()).search).toBe('');
    await old.close();

    const description = '校企合作'.repeat(1250);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const page = await context.newPage();
    const response = await page.goto(`${app.url}#n=1&description=${encodeURIComponent(description)}`);
    expect(response?.status()).toBe(200);
    const job = await ensembleReady(page);
    await expect(page.locator('.scenario-line').textContent()).resolves.toContain(description);
    // Copy link at once after a change: the address bar is rewritten only a moment later.
    await page.locator('.control[data-lever="groups"] input[type="range"]').fill('0.7');
    await page.locator('button.copy-link').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('groups=0.7');
    expect(new URL(copied).search).toBe('');
    await ensembleReady(page, job);
    const again = await context.newPage();
    expect((await again.goto(copied))?.status()).toBe(200);
    await ensembleReady(again);
    await expect(again.locator('.control[data-lever="groups"] input[type="range"]').inputValue()).resolves.toBe('0.7');
    await expect(again.locator('.scenario-line').textContent()).resolves.toContain(description);
    await context.close();
  });

  it('a garbage link still renders, with a message, using defaults for the bad fields', async () => {
    const { page, errors } = await open('?taxRelief=banana&law=import(%22fs%22)&groups=0.5&bogus=1&lang=xx&preset=nope&ey=999&n=3&v=0.0.1');
    await ensembleReady(page);
    const notice = page.locator('.notice.warning');
    await expect(notice.textContent()).resolves.toMatch(/taxRelief/);
    const text = (await notice.textContent()) ?? '';
    for (const part of ['law', 'bogus', 'nope', '0.0.1', 'xx']) expect(text).toContain(part);
    expect(await page.locator('.multiples figure svg').count()).toBe(8);
    await expect(page.locator('.control[data-lever="groups"] input[type="range"]').inputValue()).resolves.toBe('0.5');
    await expect(page.locator('.control[data-lever="taxRelief"] input[type="range"]').inputValue()).resolves.toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switching language changes the visible text and the link', async () => {
    const { page, errors } = await open('?n=1');
    await ensembleReady(page);
    const enTab = await page.locator('.tab[data-tab="overview"]').textContent();
    await page.locator('button.lang[data-lang="zh-CN"]').click();
    await expect(page.locator('h1').textContent()).resolves.toContain('校企合作');
    expect(await page.locator('.tab[data-tab="overview"]').textContent()).not.toBe(enTab);
    await expect(page.locator('[data-chart="depth"] svg .title').textContent()).resolves.toBe('合作有多深？');
    await page.waitForFunction(() => location.hash.includes('lang=zh-CN'), null, { timeout: WAIT, polling: POLL_MS });
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await page.locator('button.lang[data-lang="en"]').click();
    await expect(page.locator('h1').textContent()).resolves.toContain('School–enterprise');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('game panel: a click starts a trajectory, agent-based runs are drawn over it (latest wins), a link restores the game', async () => {
    // The link sets a slider, so the panel shows the link's game (the bistable example), not the scenario's.
    const { page, errors } = await open('?tab=game&n=1&game.V=10');
    const chart = '[data-chart="phase-portrait"]';
    const view = page.locator('.game-view');
    await page.waitForSelector(`${chart} svg`);
    expect(await page.locator(`${chart} path.trajectory.ode`).count()).toBe(3);
    expect(await page.locator(`${chart} .equilibrium.stable`).count()).toBe(2);
    expect(await page.locator(`${chart} .equilibrium.unstable`).count()).toBe(3);
    // A click in the square starts a fourth trajectory there (x = 0.7, y = 0.3); the square is
    // scrolled into view first, since the derived-game note above it can push it below the fold.
    await page.locator(`${chart} rect.frame`).scrollIntoViewIfNeeded();
    const frame = (await page.locator(`${chart} rect.frame`).boundingBox())!;
    await page.mouse.click(frame.x + frame.width * 0.7, frame.y + frame.height * 0.7);
    expect(await page.locator(`${chart} path.trajectory.ode`).count()).toBe(4);
    await urlContains(page, 'game.starts=0.5:0.5,0.2:0.8,0.8:0.2,0.');
    const added = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('game.starts')!.split(',')[3].split(':').map(Number);
    expect(Math.abs(added[0] - 0.7)).toBeLessThan(0.01);
    expect(Math.abs(added[1] - 0.3)).toBeLessThan(0.01);
    // Fewer runs than the default, then run the agent-based game.
    await view.locator('input[data-abm-field="runs"]').fill('6');
    await view.locator('input[data-abm-field="runs"]').dispatchEvent('change');
    expect(await view.getAttribute('data-abm')).toBe('off');
    expect(await page.locator(`${chart} path.trajectory.abm`).count()).toBe(0);
    await view.locator('button.run-abm').click();
    await page.waitForSelector('.game-view[data-abm="done"]', { timeout: WAIT });
    expect(await page.locator(`${chart} path.trajectory.abm`).count()).toBe(24);
    expect(await page.locator(`${chart} path.trajectory.abm-mean`).count()).toBe(4);
    expect(await page.locator(`${chart} .legend-item.abm`).count()).toBe(1);
    await expect(page.locator('.abm-note').isVisible()).resolves.toBe(true);
    await expect(page.locator('.abm-note').textContent()).resolves.toMatch(/agent-based runs.*sampling error/);
    const d = (await page.getAttribute(`${chart} path.trajectory.abm`, 'd')) ?? '';
    expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
    await urlContains(page, 'game.abm=1');

    // A drag of the firms' support: the runs of values left behind vanish at once and are never drawn.
    const results0 = Number(await view.getAttribute('data-abm-results'));
    const ge = view.locator('input[data-param="ge"]');
    await ge.fill('4');
    expect(await page.locator(`${chart} path.trajectory.abm`).count()).toBe(0);
    expect(await view.getAttribute('data-abm')).toBe('running');
    for (const v of ['4.5', '5', '5.5', '6']) await ge.fill(v);
    await page.waitForSelector('.game-view[data-abm="done"]', { timeout: WAIT });
    expect(JSON.parse((await view.getAttribute('data-abm-params')) ?? '{}').ge).toBe(6);
    expect(Number(await view.getAttribute('data-abm-results')) - results0).toBeLessThanOrEqual(2);
    expect(await page.locator(`${chart} path.trajectory.abm`).count()).toBe(24);
    await page.locator('input[data-param="alpha"]').fill('0.45');
    await page.waitForSelector('.game-view[data-abm="done"]', { timeout: WAIT });
    await urlContains(page, 'game.alpha=0.45');
    await urlContains(page, 'game.ge=6');
    const url = page.url();
    const sliders = () => page.locator('.game-view input[type="range"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const values = await sliders();
    const means = await page.locator(`${chart} path.trajectory.abm-mean`).evaluateAll((els) => els.map((e) => e.getAttribute('d')));
    expect(values).toEqual(['10', '0.45', '3', '5', '0', '6', '1']);
    expect(errors).toEqual([]);
    await page.close();

    // The link restores sliders, start points and the same agent-based runs, in Chinese too.
    const second = await open(`${url.slice(app.url.length)}&lang=zh-CN`);
    const page2 = second.page;
    await page2.waitForSelector('.game-view[data-abm="done"]', { timeout: WAIT });
    expect(await page2.locator('.game-view input[type="range"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(values);
    await expect(page2.locator('.game-view input[data-abm-field="runs"]').inputValue()).resolves.toBe('6');
    expect(await page2.locator(`${chart} path.trajectory.ode`).count()).toBe(4);
    expect(await page2.locator(`${chart} path.trajectory.abm-mean`).evaluateAll((els) => els.map((e) => e.getAttribute('d')))).toEqual(means);
    await expect(page2.locator(`${chart} .x-axis .axis-label`).textContent()).resolves.toBe('选择深度合作的院校比例 (x)');
    await expect(page2.locator(`${chart} .equilibrium.stable title`).first().textContent()).resolves.toMatch(/稳定结点/);
    await expect(page2.locator('.abm-note').textContent()).resolves.toMatch(/细线/);
    expect(await page2.locator('.notice').count()).toBe(0);
    expect(second.errors).toEqual([]);
    await page2.close();
  });

  it('game panel: bad game values in a link fall back to the defaults with a message', async () => {
    const { page, errors } = await open('?tab=game&n=1&game.V=99&game.ge=5&game.starts=0.5:2&game.agents=1');
    await page.waitForSelector('[data-chart="phase-portrait"] svg');
    const text = (await page.locator('.notice.warning').textContent()) ?? '';
    for (const part of ['game.V', 'game.starts', 'game.agents']) expect(text).toContain(part);
    expect(text).not.toContain('game.ge');
    await expect(page.locator('.game-view input[data-param="V"]').inputValue()).resolves.toBe('10');
    await expect(page.locator('.game-view input[data-param="ge"]').inputValue()).resolves.toBe('5');
    await expect(page.locator('.game-view input[data-abm-field="agents"]').inputValue()).resolves.toBe('500');
    expect(await page.locator('[data-chart="phase-portrait"] path.trajectory.ode').count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  // For review, not a check: COOPSIM_SCREENSHOTS=<folder> npx vitest run test/e2e -t screenshots
  it.skipIf(!process.env.COOPSIM_SCREENSHOTS)('screenshots of the game panel at 1280×720, in English and Chinese, on the page and full screen', async () => {
    const dir = resolve(process.env.COOPSIM_SCREENSHOTS as string);
    for (const lang of ['en', 'zh-CN']) {
      const { page, errors } = await open(`?tab=game&n=1&lang=${lang}`, { width: 1280, height: 720 });
      const frame = (await page.locator('[data-chart="phase-portrait"] rect.frame').boundingBox())!;
      await page.mouse.click(frame.x + frame.width * 0.35, frame.y + frame.height * 0.15);
      await page.locator('.game-view button.run-abm').click();
      await page.waitForSelector('.game-view[data-abm="done"]', { timeout: WAIT });
      await page.locator('.game-view').evaluate((el) => el.scrollIntoView());
      await page.mouse.move(5, 715);
      await page.screenshot({ path: join(dir, `game-${lang}.png`) });
      await page.locator('.game-view button.present').click();
      await page.waitForSelector('.game-view.presenting[data-abm="done"]', { timeout: WAIT });
      await page.mouse.move(1275, 715);
      await page.screenshot({ path: join(dir, `game-${lang}-full-screen.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('clamps a huge world in a link with a note, and cancels a long run on request', async () => {
    const { page, errors } = await open('?n=32&world.firms=10000000&years=500');
    await expect(page.locator('.messages').textContent({ timeout: WAIT })).resolves.toMatch(/10000000 for “world\.firms” is outside the control’s range; 20000 is used instead/);
    // 32 paired runs of 20,000 firms for 50 years take many seconds: the Cancel button appears after one.
    await page.locator('.cancel-run:not([hidden])').waitFor({ timeout: WAIT });
    await page.locator('.cancel-run').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.app')?.dataset.phase === 'cancelled', null, { timeout: WAIT, polling: POLL_MS });
    expect(await page.locator('.cancel-run').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a formula that is not finite in one of the years, naming the year', async () => {
    const { page } = await open('?n=1');
    await ensembleReady(page);
    const lever = page.locator('.control[data-lever="taxRelief"]');
    await lever.locator('details.formula summary').click();
    await lever.locator('input.expression').fill('1/(year-3)');
    await expect(lever.locator('.expr-status.bad').textContent()).resolves.toMatch(/1\/\(year-3\) is not finite in year 3 \(gives Infinity\)/);
    await page.close();
  });

  it('keeps the last good charts, marked stale, when a formula fails mid-run', async () => {
    const { page } = await open('?n=1');
    await ensembleReady(page);
    const charts = await page.locator('.view-slot svg').count();
    expect(charts).toBeGreaterThan(0);
    const lever = page.locator('.control[data-lever="taxRelief"]');
    await lever.locator('details.formula summary').click();
    await lever.locator('input.expression').fill('year >= 2 ? 1/(firms_cooperating_share - firms_cooperating_share) : 0');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.app')?.dataset.phase === 'error', null, { timeout: WAIT, polling: POLL_MS });
    expect(await page.getAttribute('.app', 'data-stale')).toBe('true');
    await expect(page.locator('.status').textContent()).resolves.toMatch(/policy\.taxRelief: expression .* gave (NaN|Infinity) in year 2; the run stopped there\. The charts show the last run that worked/);
    expect(await page.locator('.view-slot svg').count()).toBe(charts);
    await page.close();
  });

  it('the formula field is validated as you type', async () => {
    const { page } = await open('?n=1');
    const job = await ensembleReady(page);
    const lever = page.locator('.control[data-lever="subsidyPerInternMonth"]');
    await lever.locator('details.formula summary').click();
    await lever.locator('input.expression').fill('year >= 5 ? 2 : foo');
    await expect(lever.locator('.expr-status.bad').textContent()).resolves.toMatch(/foo/);
    await lever.locator('input.expression').fill('year >= 5 ? 2 : 0');
    await expect(lever.locator('.expr-status.ok').count()).resolves.toBe(1);
    await ensembleReady(page, job);
    await urlContains(page, 'subsidyPerInternMonth=year >= 5 ? 2 : 0');
    await page.close();
  });

  it('clicking a firm in the network opens the inspector with its decision', async () => {
    const { page, errors } = await open('?n=1&tab=network&y=10');
    await ensembleReady(page);
    await page.waitForSelector('[data-network="ready"]', { timeout: WAIT });
    expect(await page.locator('.network-figure .node.firm').count()).toBeGreaterThan(50);
    // Hit areas (24 px) overlap where nodes crowd: click a node that is on top at its centre.
    const onTop = (kind: string) =>
      page.locator(`.network-figure .node.${kind}`).evaluateAll((els) =>
        els.findIndex((el) => {
          const r = el.querySelector('.dot')!.getBoundingClientRect();
          return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('.node') === el;
        }),
      );
    await expect(page.locator('.story h3').textContent()).resolves.toContain('year 10');
    await page.locator('.network-figure .node.firm').nth(await onTop('firm')).click();
    await page.waitForSelector('.inspector[data-state="ready"]', { timeout: WAIT });
    await expect(page.locator('.inspector h3').textContent()).resolves.toMatch(/^Firm \d+/);
    expect(await page.locator('.inspector .timeline svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('.inspector .choice').count()).toBe(1);
    await urlContains(page, 'sel=f');
    await page.locator('.network-view button.step').click();
    await expect(page.locator('.story h3').textContent()).resolves.toContain('year 11');
    await page.locator('.network-figure .node.school').nth(await onTop('school')).click();
    await page.waitForSelector('.inspector[data-kind="school"][data-state="ready"]', { timeout: WAIT });
    await expect(page.locator('.inspector h3').textContent()).resolves.toMatch(/^College \d+/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the exported CSV equals coopsim run for the same scenario and the seed the app ran', async () => {
    // Run i of the app's ensemble for seed s uses deriveSeed(s, i), as coopsim sweep and compare do.
    const lawSeed = shipped('law').seed;
    for (const [query, args] of [
      ['?seed=7&n=1', ['run', 'scenarios/baseline.json', '--seed', String(deriveSeed(7, 0))]],
      ['?taxRelief=0.3&seed=5&n=1', ['run', 'scenarios/baseline.json', '--set', 'policy.taxRelief=0.3', '--seed', String(deriveSeed(5, 0))]],
      ['?preset=law&n=1', ['run', 'scenarios/law.json', '--seed', String(deriveSeed(lawSeed, 0))]],
    ] as const) {
      const { page } = await open(query);
      await ensembleReady(page);
      await page.locator('.export-menu summary').click();
      const csv = await downloadText(page, () => page.locator('button.export-csv').click());
      expect(csv.name).toMatch(/\.csv$/);
      expect(csv.text).toBe(cli([...args]));
      await page.close();
    }
  }, 240_000);

  it('exports charts (SVG, PNG), results JSON and the scenario file; imports a scenario with its problems shown', async () => {
    const { page, errors } = await open('?taxRelief=0.3&n=8');
    await ensembleReady(page);
    await page.hover('[data-chart="depth"]');
    const svg = await downloadText(page, () => page.locator('[data-chart="depth"] button.chart-svg').click());
    expect(svg.text.startsWith('<svg')).toBe(true);
    const png = await downloadText(page, () => page.locator('[data-chart="depth"] button.chart-png').click());
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    await page.locator('.export-menu summary').click();
    const json = JSON.parse((await downloadText(page, () => page.locator('button.export-json').click())).text);
    expect(json.seeds).toHaveLength(8);
    expect(json.current.mean_depth.median).toHaveLength(20);
    await page.locator('.export-menu summary').click();
    const scenario = JSON.parse((await downloadText(page, () => page.locator('button.export-scenario').click())).text);
    expect(scenario.policy.taxRelief).toBe(0.3);
    expect(scenario.$schema).toBe('./scenario.schema.json');
    expect(scenario.description).toMatch(/Edited in the coopsim app from the preset “Status quo”: policy\.taxRelief\.$/);
    expect(scenario.sources['policy.taxRelief']).toMatch(/set in the coopsim app/);

    const dir = mkdtempSync(join(tmpdir(), 'coopsim-import-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ policy: { taxRelief: 3, nope: 1 } }));
    await page.locator('input.import-file').setInputFiles(bad);
    await expect(page.locator('.notice.error').textContent()).resolves.toMatch(/policy\.taxRelief/);
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ name: 'Imported', policy: { law: 1 }, seed: 3 }));
    const job = Number(await page.getAttribute('.app', 'data-job'));
    await page.locator('input.import-file').setInputFiles(good);
    await ensembleReady(page, job);
    await expect(page.locator('.control[data-lever="law"] input[type="range"]').inputValue()).resolves.toBe('1');
    await expect(page.locator('#seed').inputValue()).resolves.toBe('3');
    await urlContains(page, 'law=1');
    rmSync(dir, { recursive: true, force: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
