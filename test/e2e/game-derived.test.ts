import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gameFromScenario } from '../../src/analysis/game/game-from-scenario.ts';
import { scaledParams } from '../../src/app/views/game-derived.ts';
import { small } from '../helpers/scenario.ts';
import { serveApp } from './app-fixture.ts';

const WAIT = 120_000;
const app = serveApp({ viewport: { width: 1280, height: 900 } });
const open = (query: string) => app.open(query);

const sliders = (page: Page) => page.locator('.game-view input[type="range"]').evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)));

describe('the Game tab follows the scenario', () => {
  it('opens with the scenario\'s derived game, lists the terms, resets to them, and shows the subsidy\'s tipping point', async () => {
    const { page, errors } = await open('?tab=game&n=1');
    await page.waitForSelector('.game-derived[data-ready="1"]', { timeout: WAIT });
    await expect(page.locator('.game-derived h4').textContent()).resolves.toBe('Derived from the scenario');
    expect(await page.locator('.game-derived li[data-term]').count()).toBe(7);
    // The sliders hold the derived game: not the bistable example of a fresh game panel.
    const derived = await sliders(page);
    expect(derived).not.toEqual([10, 0.4, 3, 5, 0, 3.5, 1]);
    expect(derived[3]).toBe(10); // Ce, the largest payoff, at the top of its slider
    expect(derived[1]).toBeGreaterThan(0);
    expect(derived[1]).toBeLessThan(0.2); // α: colleges get a small share of the surplus
    const tipping = page.locator('.game-derived .derived-tipping');
    await expect(tipping.getAttribute('data-lever')).resolves.toBe('subsidyPerInternMonth');
    expect(Number(await tipping.getAttribute('data-threshold'))).toBeGreaterThan(0);
    await expect(tipping.textContent()).resolves.toMatch(/Tipping point of “Intern subsidy” in the game: [\d.]+/);
    // Moving a slider leaves the derived game; the reset button brings it back.
    await page.locator('.game-view input[data-param="ge"]').fill('8');
    expect((await sliders(page))[5]).toBe(8);
    await page.locator('.game-view button.reset-derived').click();
    expect(await sliders(page)).toEqual(derived);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('follows the scenario\'s levers: with a subsidy the firms\' support ge is above 0', async () => {
    const { page } = await open('?tab=game&n=1&subsidyPerInternMonth=2');
    await page.waitForSelector('.game-derived[data-ready="1"]', { timeout: WAIT });
    expect((await sliders(page))[5]).toBeGreaterThan(0);
    await page.close();
  }, 300_000);

  it('shows the tipping point of the lever moved on the Overview, in Chinese too', async () => {
    const { page, errors } = await open('?tab=game&n=1&taxRelief=0.6&lang=zh-CN');
    await page.waitForSelector('.game-derived[data-ready="1"]', { timeout: WAIT });
    await expect(page.locator('.game-derived h4').textContent()).resolves.toBe('由当前情景推导');
    const tipping = page.locator('.game-derived .derived-tipping');
    await expect(tipping.getAttribute('data-lever')).resolves.toBe('taxRelief');
    await expect(tipping.textContent()).resolves.toMatch(/不能使博弈翻转/);
    await expect(page.locator('.game-view button.reset-derived').textContent()).resolves.toBe('恢复推导值');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('scaledParams (the panel\'s unit)', () => {
  it('brings the largest payoff to its slider\'s top and keeps α and q', () => {
    const g = gameFromScenario(small());
    const s = scaledParams(g);
    expect(s.params.alpha).toBeCloseTo(g.params.alpha, 3);
    expect(s.params.q).toBeCloseTo(g.params.q, 3);
    expect(Math.max(s.params.V / 2, s.params.Cs, s.params.Ce, s.params.gs, s.params.ge)).toBeCloseTo(10, 6);
    expect(s.params.Ce * s.unit).toBeCloseTo(g.params.Ce, 0);
  });
});
