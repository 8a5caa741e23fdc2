import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveApp } from './app-fixture.ts';

const WAIT = 120_000;
const app = serveApp({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, ownContext: true });

/** The serious and critical axe findings inside the lesson, one line each. */
async function serious(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page: page as never }).include('.lesson-view').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

describe('a sketch prediction in Chromium', () => {
  it('claim 1: the student sketches the curve by keyboard and pointer, the reveal draws it over the band, the CSV keeps it', async () => {
    const { page, errors } = await app.open('#lesson=claim-1-status-quo&lang=en');
    const points = page.locator('.lesson-predict circle.sketch-point[role="slider"]');
    await expect(points.count()).resolves.toBe(6);
    expect(await serious(page)).toEqual([]);
    // Keyboard: the first point up three steps, then Right to the next point and down one.
    await points.first().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(points.nth(0).getAttribute('aria-valuenow')).resolves.toBe(String(0.65));
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-year'))).resolves.toBe('2');
    await expect(points.nth(1).getAttribute('aria-valuenow')).resolves.toBe('0.45');
    // Pointer: press on the last point's column near the top: it goes up to about 90%.
    const box = (await page.locator('.lesson-predict svg.sketch').boundingBox())!;
    const last = (await points.nth(5).boundingBox())!;
    await page.mouse.move(last.x + last.width / 2, box.y + 0.18 * box.height);
    await page.mouse.down();
    await page.mouse.up();
    const top = Number(await points.nth(5).getAttribute('aria-valuenow'));
    expect(top).toBeGreaterThan(0.75);
    await page.fill('input.student', 'Ann');
    await page.click('button.commit');
    await page.waitForSelector('.lesson-view[data-reveal="ready"]', { timeout: WAIT });
    await page.waitForSelector('.lesson-verdict:not([hidden])', { timeout: WAIT });
    // The reveal: the sketch over the model's band and median, and both as text.
    const reveal = page.locator('[data-chart="sketch-claim-1-status-quo"]');
    await expect(reveal.locator('polygon.sketch-band').count()).resolves.toBe(1);
    await expect(reveal.locator('polyline.sketch-model').count()).resolves.toBe(1);
    await expect(reveal.locator('.sketch-summary').textContent()).resolves.toMatch(/^Your sketch: 0: 65%, 2: 45%, .*10: \d+%\. The model \(median of the runs\): 0: \d+%/);
    await expect(page.locator('.lesson-verdict .yours').textContent()).resolves.toContain(`${Math.round(top * 100)}%`);
    // After the reveal: the same curve again, starting from the first sketch; one point moved.
    await page.locator('.lesson-post-slot circle.sketch-point[role="slider"]').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await serious(page)).toEqual([]);
    await page.click('button.save-answers');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.click('.lesson-post-slot button.export-answers')]);
    const csv = readFileSync(await dl.path(), 'utf8').trim().split('\n');
    expect(csv[1]).toMatch(new RegExp(`^Ann,claim-1-status-quo,1,en,${top},(true|false),${top},.*,0:0\\.65 2:0\\.45 4:0\\.5 6:0\\.5 8:0\\.5 10:${top},0:0\\.6 2:0\\.45 4:0\\.5 6:0\\.5 8:0\\.5 10:${top}$`));
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
