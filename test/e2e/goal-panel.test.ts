import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveApp, POLL_MS } from './app-fixture.ts';

const WAIT = 120_000;
/** A small world and a short goal (a share of firms cooperating the status quo (12%) misses), so a search of 8 mixes × 4 generations × 2 runs is quick. */
const GOAL = '?n=1&years=6&world.firms=500&world.schools=10&tab=goal&goal.output=firms_cooperating_share&goal.year=5&goal.level=0.13&goal.seeds=2&goal.levers=taxRelief,law';

const app = serveApp({ viewport: { width: 1280, height: 900 } });
const open = (query: string) => app.open(query);

/** Waits for the panel's phase; on timeout the error says which phase and status it showed instead. */
const phase = async (page: Page, value: string) => {
  try {
    await page.waitForFunction((v) => document.querySelector<HTMLElement>('.goal-view')?.dataset.phase === v, value, { timeout: WAIT, polling: POLL_MS });
  } catch (err) {
    const shown = await page
      .evaluate(() => `phase ${document.querySelector<HTMLElement>('.goal-view')?.dataset.phase}, status "${document.querySelector('.goal-status')?.textContent}"`)
      .catch(() => 'page gone');
    throw new Error(`the Goal panel did not reach phase ${value}: ${shown} (${(err as Error).message.split('\n')[0]})`);
  }
};

/**
 * Records every phase the panel enters from now on, with whether Cancel was visible then:
 * a quick search can pass through `running` between two polls.
 */
const recordPhases = (page: Page) =>
  page.evaluate(() => {
    const view = document.querySelector<HTMLElement>('.goal-view')!;
    const seen: { phase: string; cancel: boolean }[] = [];
    (window as unknown as { goalPhases: typeof seen }).goalPhases = seen;
    new MutationObserver(() => seen.push({ phase: view.dataset.phase ?? '', cancel: !view.querySelector<HTMLElement>('.goal-cancel')!.hidden })).observe(view, {
      attributes: true,
      attributeFilter: ['data-phase'],
    });
  });
const recordedPhases = (page: Page) => page.evaluate(() => (window as unknown as { goalPhases: { phase: string; cancel: boolean }[] }).goalPhases);

/** The front table as text, row by row. */
const frontRows = (page: Page) => page.locator('.goal-front-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText));

describe('Goal panel in Chromium', () => {
  let searchedUrl = '';
  let rows: string[] = [];

  it('target → search with progress → front as a chart and a table', async () => {
    const { page, errors } = await open(GOAL);
    await expect(page.locator('.tab[data-tab="goal"]').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('.goal-status').textContent()).resolves.toMatch(/Search/);
    await recordPhases(page);
    await page.locator('.goal-run').click();
    await phase(page, 'done');
    // It was running, with Cancel on offer, before it was done.
    const seen = await recordedPhases(page);
    expect(seen.find((p) => p.phase === 'running')).toEqual({ phase: 'running', cancel: true });
    expect(seen.at(-1)?.phase).toBe('done');
    await expect(page.locator('.goal-cancel').isVisible()).resolves.toBe(false);
    expect(await page.locator('.goal-status').textContent()).toMatch(/32 mixes tried, 2 runs each \(64 runs\); \d+ on the front\. Cheapest mix that meets the goal: /);
    const points = await page.locator('svg.goal-front circle.front-point').count();
    expect(points).toBeGreaterThan(0);
    rows = await frontRows(page);
    expect(rows).toHaveLength(points);
    // A front that meets the goal lists only mixes that meet it.
    expect(rows.every((r) => r.includes('yes'))).toBe(true);
    expect(await page.locator('svg.goal-front circle.tried').count()).toBeGreaterThan(0);
    // Where the base stands with the searched levers off: a ring on the chart and a sentence in the status.
    expect(await page.locator('svg.goal-front circle.reference-point').count()).toBe(1);
    const status = (await page.locator('.goal-status').textContent()) ?? '';
    expect(status).toMatch(/With the searched levers off: \d+\.\d% and [\d.]+ M¥, judged the same way\.$/);
    // The table's extra cost is the mix's cost less that of the levers off (each of the three shown rounded to 0.01 M¥).
    const offCost = Number(/levers off: [\d.]+% and ([\d.]+) M¥/.exec(status)![1]);
    const heads = await page.locator('.goal-front-table thead th').allTextContents();
    const cells = await page.locator('.goal-front-table tbody tr').first().locator('td').allTextContents();
    const money = (label: string) => Number(cells[heads.indexOf(label)].replace(/[^\d.-]/g, ''));
    expect(Math.abs(money('Cost') - offCost - money('More than with the levers off'))).toBeLessThanOrEqual(0.0151);
    await page.waitForFunction(() => location.hash.includes('goal.run=1'), null, { timeout: WAIT, polling: POLL_MS });
    searchedUrl = page.url();
    expect(errors).toEqual([]);
    await page.close();
  }, WAIT * 2);

  it('one click applies a point: the levers move, the overview and the summary card show the mix', async () => {
    const { page, errors } = await open(searchedUrl.slice(app.url.length));
    // The link runs the same search again, with the same front.
    await phase(page, 'done');
    expect(await frontRows(page)).toEqual(rows);
    const id = await page.locator('svg.goal-front circle.front-point').first().getAttribute('data-candidate');
    const cells = await page.locator(`.goal-front-table tr[data-candidate="${id}"] td`).allTextContents();
    await page.locator(`svg.goal-front circle.front-point[data-candidate="${id}"]`).click();
    await page.waitForFunction(() => document.querySelector('.tab[data-tab="overview"]')?.getAttribute('aria-selected') === 'true', null, { timeout: WAIT, polling: POLL_MS });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.app')?.dataset.phase === 'ensemble', null, { timeout: WAIT, polling: POLL_MS });
    await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has('tab'), null, { timeout: WAIT, polling: POLL_MS });
    const link = new URLSearchParams(new URL(page.url()).hash.slice(1));
    const tax = Number(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('taxRelief') ?? '0');
    const law = Number(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('law') ?? '0');
    expect(link.get('goal.run')).toBe('1');
    await expect(page.locator('.control[data-lever="taxRelief"] input[type="range"]').inputValue()).resolves.toBe(String(tax));
    await expect(page.locator('.control[data-lever="law"] input[type="range"]').inputValue()).resolves.toBe(String(law));
    // The table showed the applied levers as percentages.
    expect(cells[0]).toBe(`${Math.round(tax * 100)}%`);
    expect(cells[1]).toBe(`${Math.round(law * 100)}%`);
    expect(await page.locator('.summary').count()).toBe(1);
    expect(await page.locator('.tile').count()).toBeGreaterThan(0);
    // Back on the Goal tab, the front is still there, with the applied point ringed.
    await page.locator('.tab[data-tab="goal"]').click();
    await phase(page, 'done');
    await expect(page.locator(`svg.goal-front circle.front-point[data-candidate="${id}"]`).getAttribute('stroke-width')).resolves.toBe('2');
    expect(errors).toEqual([]);
    await page.close();
  }, WAIT * 2);

  it('a search can be cancelled, and a changed setting asks for a new search', async () => {
    const { page, errors } = await open(`${GOAL}&goal.size=large&goal.seeds=8`);
    await page.locator('.goal-run').click();
    await phase(page, 'running');
    await page.locator('.goal-cancel').click();
    await phase(page, 'cancelled');
    await expect(page.locator('.goal-run').isDisabled()).resolves.toBe(false);
    await page.locator('select[name="goal-confidence"]').selectOption('0.9');
    await page.waitForFunction(() => location.hash.includes('goal.confidence=0.9'), null, { timeout: WAIT, polling: POLL_MS });
    expect(await page.locator('.goal-front-table').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, WAIT);

  it('with parameter uncertainty (pu=1) each mix runs its seeds with parameter sets of the bundled posterior, and the front says so', async () => {
    const { page, errors } = await open(`${GOAL}&pu=1`);
    await expect(page.locator('svg.goal-front').count()).resolves.toBe(0);
    await page.locator('.goal-run').click();
    await phase(page, 'done');
    // 2 seeds × 4 parameter sets per mix.
    expect(await page.locator('.goal-status').textContent()).toMatch(/32 mixes tried, 8 runs each \(256 runs\)/);
    expect(await page.locator('svg.goal-front .subtitle').allTextContents().then((t) => t.join(' '))).toMatch(/2 seeds × 4 parameter sets of the calibrated status quo per mix/);
    expect(errors).toEqual([]);
    await page.close();
  }, WAIT * 2);
});
