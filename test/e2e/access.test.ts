import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ensembleReady as drawn, serveApp, POLL_MS } from './app-fixture.ts';

const WAIT = 90_000;
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

// axe runs in a page of the same context, so each page gets a context of its own.
const app = serveApp({ viewport: DESKTOP, ownContext: true });
const open = (link: string, viewport = DESKTOP) => app.open(link, { viewport });

/** Waits until the newest request's ensemble is drawn. */
const ensembleReady = (page: Page, afterJob = 0) => drawn(page, afterJob, WAIT);

/** Waits until the tab's view has drawn what a reader would see. */
async function viewReady(page: Page, tab: string): Promise<void> {
  if (tab === 'network') await page.waitForSelector('[data-network="ready"]', { timeout: WAIT });
  else if (tab === 'game') await page.waitForSelector('[data-chart="phase-portrait"] svg', { timeout: WAIT });
  else if (tab === 'overview') await page.waitForSelector('.view-slot svg', { timeout: WAIT });
  else await page.waitForSelector(`.view-slot[data-tab="${tab}"] > *`, { timeout: WAIT });
}

/** The serious and critical axe findings of the page, one line each (rule, impact, first nodes). */
async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3})` : ''}`);
}

describe('access in Chromium', () => {
  for (const lang of ['en', 'zh-CN']) {
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      it(`axe finds no serious or critical violation on any tab (${lang}, ${name})`, async () => {
        const { page, errors } = await open(`#lang=${lang}&n=1`, viewport);
        await ensembleReady(page);
        // Every tab the page offers, so a tab added later is checked too.
        const tabs = await page.locator('.tabs .tab').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.tab ?? ''));
        expect(tabs.length).toBeGreaterThanOrEqual(3);
        const found: string[] = [];
        for (const tab of tabs) {
          await page.locator(`.tabs .tab[data-tab="${tab}"]`).click();
          await viewReady(page, tab);
          for (const v of await seriousViolations(page)) found.push(`${tab}: ${v}`);
        }
        expect(found).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
        // axe checks each of the network's ~1,000 nodes: a view takes it 10–40 s on a busy machine.
      }, 300_000);
    }
  }

  it('keyboard only: skip link, tabs and language keep the focus, the network’s nodes by arrows and Enter, levers, game start points', async () => {
    const { page, errors } = await open('#n=1&tab=network&y=10');
    await ensembleReady(page);
    await page.waitForSelector('[data-network="ready"]', { timeout: WAIT });
    const active = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase(), cls: el?.getAttribute('class') ?? '', id: el?.id ?? '', kind: el?.dataset.kind ?? '', index: el?.dataset.index ?? '', tab: el?.dataset.tab ?? '', lang: el?.dataset.lang ?? '', text: el?.textContent ?? '' };
    });
    // The first Tab reaches the skip link; Enter moves the focus to the results.
    await page.keyboard.press('Tab');
    expect(await active()).toMatchObject({ cls: 'skip-link', text: 'Skip to the results' });
    await page.keyboard.press('Enter');
    expect((await active()).id).toBe('results');
    // Tab on until a node of the network has the focus.
    let presses = 0;
    while ((await active()).kind === '' && presses < 60) {
      await page.keyboard.press('Tab');
      presses++;
    }
    const first = await active();
    expect(first.cls).toMatch(/\bnode\b/);
    console.log(`the network's first node after ${presses} Tab presses from the results`);
    // One node in the tab order: an arrow moves to another, Enter opens it in the inspector.
    expect(await page.locator('.network-figure .node[tabindex="0"]').count()).toBe(1);
    let moved = first;
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      moved = await active();
      if (moved.kind !== first.kind || moved.index !== first.index) break;
    }
    expect(`${moved.kind}${moved.index}`).not.toBe(`${first.kind}${first.index}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.inspector[data-kind="${moved.kind}"][data-state="ready"]`, { timeout: WAIT });
    await expect(page.locator('.inspector h3').textContent()).resolves.toMatch(moved.kind === 'firm' ? /^Firm \d+/ : /^College \d+/);
    // The redraw keeps the focus on the node opened.
    expect(await active()).toMatchObject({ kind: moved.kind, index: moved.index });

    // Tabs: the arrow keys switch the view, and the focus stays on the tab chosen.
    await page.locator('.tab[data-tab="network"]').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('.view-slot[data-tab="overview"] svg', { timeout: WAIT });
    expect(await active()).toMatchObject({ tab: 'overview' });
    // The language switch draws the page anew; the focus comes back to the same button.
    await page.locator('button.lang[data-lang="zh-CN"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('h1').textContent()).resolves.toContain('校企合作');
    expect(await active()).toMatchObject({ lang: 'zh-CN' });

    // A lever by the arrow keys: the run is redone and the one live region says the result.
    const announcer = await page.locator('.announcer').elementHandle();
    const job = Number(await page.getAttribute('.app', 'data-job'));
    await page.locator('.control[data-lever="taxRelief"] input[type="range"]').focus();
    await page.keyboard.press('ArrowRight');
    await ensembleReady(page, job);
    expect(await page.locator('[role="status"], [aria-live]').evaluateAll((els) => els.filter((e) => e.classList.contains('announcer')).length)).toBe(1);
    expect(await announcer!.evaluate((el) => el.isConnected)).toBe(true);
    await expect(page.locator('.announcer').textContent()).resolves.toMatch(/^第 10 年：深度合作企业 [\d.]+%，比现状 [+-]?[\d.]+ 百分点。$/);

    // Game start points without a pointer.
    await page.locator('.tab[data-tab="game"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-chart="phase-portrait"] svg', { timeout: WAIT });
    expect(await page.locator('[data-chart="phase-portrait"] path.trajectory.ode').count()).toBe(3);
    await page.locator('.game-start-form input.start-x').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0.7');
    await page.keyboard.press('Tab');
    expect((await active()).cls).toBe('add-start');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-chart="phase-portrait"] path.trajectory.ode').count()).toBe(4);
    await page.waitForFunction(() => location.hash.includes('0.3%3A0.7') || location.hash.includes('0.3:0.7'), null, { timeout: WAIT, polling: POLL_MS });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('each chart has its key numbers in words and a table; formula and link errors are in Chinese', async () => {
    const { page, errors } = await open('#n=1&lang=zh-CN&tab=nope');
    await ensembleReady(page);
    await expect(page.locator('.notice.warning li').first().textContent()).resolves.toMatch(/tab.*应为 overview/);
    const fig = page.locator('[data-chart="metric-deep_share"]');
    const summary = (await fig.locator('.chart-summary').textContent()) ?? '';
    expect(summary).toMatch(/第 19 年：本情景 [\d.]+%，现状 [\d.]+%/);
    expect(await fig.getAttribute('aria-describedby')).toBe(await fig.locator('.chart-summary').getAttribute('id'));
    await expect(fig.locator('svg desc').textContent()).resolves.toMatch(/第 19 年/);
    await fig.locator('button.show-table').click();
    expect(await fig.locator('.chart-table tbody tr').count()).toBe(20);
    // The table's last row holds the numbers the summary gives.
    const lastRow = await fig.locator('.chart-table tbody tr').last().locator('td').allTextContents();
    for (const v of lastRow.slice(0, 2)) expect(summary).toContain(v);
    expect(await page.locator('figure.figure').evaluateAll((els) => els.filter((e) => !e.querySelector('.chart-summary')?.textContent).length)).toBe(0);

    const lever = page.locator('.control[data-lever="taxRelief"]');
    await lever.locator('details.formula summary').click();
    await lever.locator('input.expression').fill('foo + 1');
    await expect(lever.locator('.expr-status.bad').textContent()).resolves.toMatch(/^未采用：未知变量“foo”；可用的有：/);
    await lever.locator('input.expression').fill('1/(year-3)');
    await expect(lever.locator('.expr-status.bad').textContent()).resolves.toBe('未采用：1/(year-3) 在第 3 年不是有限数（得到 Infinity）');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`a phone (390×844, ${lang}): one column, no sideways scroll, every target at least 24 px`, async () => {
      const { page, errors } = await open(`#lang=${lang}&n=1`, PHONE);
      await ensembleReady(page);
      for (const tab of await page.locator('.tabs .tab').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.tab ?? ''))) {
        await page.locator(`.tabs .tab[data-tab="${tab}"]`).click();
        await viewReady(page, tab);
        const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        expect(size.scroll, `${tab}: page ${size.scroll} px wide on a ${size.inner} px screen`).toBeLessThanOrEqual(size.inner);
        // One column: the controls sit above the results, not beside them.
        const [controls, main] = await Promise.all([page.locator('.controls-slot').boundingBox(), page.locator('main.main').boundingBox()]);
        expect(main!.y).toBeGreaterThanOrEqual(controls!.y + controls!.height - 1);
        const small = await page.evaluate(() => {
          const out: string[] = [];
          const sel = 'button, select, input:not([type="hidden"]), summary, [role="button"], [role="tab"], a[href]:not(.skip-link)';
          for (const el of document.querySelectorAll<HTMLElement | SVGElement>(sel)) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
            if (r.width < 23.5 || r.height < 23.5) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
          }
          return out;
        });
        expect(small, tab).toEqual([]);
        if (tab === 'network') expect(await page.locator('.network-figure .node').count()).toBeGreaterThan(50);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
