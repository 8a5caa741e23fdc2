import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveApp, POLL_MS } from './app-fixture.ts';

const WAIT = 120_000;
// A page of its own context: axe opens a helper page in the same context.
const app = serveApp({ viewport: { width: 1366, height: 900 }, ownContext: true });

const open = (query: string) => app.open(query);

const round = (page: Page, n: number) =>
  page.waitForFunction((k) => {
    const v = document.querySelector('.classroom-view');
    return v?.getAttribute('data-round') === String(k) && !v.hasAttribute('data-busy');
  }, n, { timeout: WAIT, polling: POLL_MS });

/** The serious and critical axe findings, one line each. */
async function serious(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page: page as never }).include('.classroom-view').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Plays one round with roles: each team decides on its turn, then the year runs. */
async function playRound(page: Page, i: number, plan: { lever?: [string, string]; college?: string; firm?: string }): Promise<void> {
  const current = () => page.locator('.turn-order li[aria-current="step"]').textContent();
  await expect(current()).resolves.toBe('Government team');
  // Not the college team's turn yet: its choice and the year's run wait.
  await expect(page.locator('select.team-choice[data-team="college"]').isDisabled()).resolves.toBe(true);
  await expect(page.locator('button.advance').isDisabled()).resolves.toBe(true);
  if (plan.lever) await page.selectOption(`select[data-lever="${plan.lever[0]}"]`, plan.lever[1]);
  await page.click('button.role-done[data-team="government"]');
  await expect(current()).resolves.toBe('College team');
  // The turn passes with the focus: the college team's choice has it.
  await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.team)).resolves.toBe('college');
  if (plan.college) await page.selectOption('select.team-choice[data-team="college"]', plan.college);
  await page.click('button.role-done[data-team="college"]');
  await expect(current()).resolves.toBe('Firm team');
  if (plan.firm) await page.selectOption('select.team-choice[data-team="firm"]', plan.firm);
  await page.click('button.role-done[data-team="firm"]');
  await expect(current()).resolves.toBe('Run the year');
  await page.click('button.advance');
  await round(page, i + 1);
}

describe('classroom game with roles in Chromium', () => {
  it('ten rounds with government, college and firm teams taking turns; each decision and its effect shown; a replay repeats them', async () => {
    const { page, errors } = await open('#tab=classroom&lang=en');
    await round(page, 0);
    await page.check('input.roles');
    await round(page, 0);
    await page.waitForSelector('.turn-order');
    const plans = [
      { lever: ['subsidyPerInternMonth', '0.4'] as [string, string], college: '3', firm: '0.9' },
      { firm: '0.3' },
      { college: '0.5' },
    ];
    const rows: string[] = [];
    const firmLines: string[] = [];
    for (let i = 0; i < 10; i++) {
      await playRound(page, i, plans[i] ?? {});
      await expect(page.locator('.reactions h3').textContent()).resolves.toContain(`year ${i}`);
      const college = (await page.locator('.team-effects .team-college').textContent()) ?? '';
      const firm = (await page.locator('.team-effects .team-firm').textContent()) ?? '';
      firmLines.push(firm);
      // Choices hold until a team changes them.
      const collegeChoice = i === 0 || i === 1 ? 'Counted in staff reviews' : 'A chore';
      expect(college).toMatch(new RegExp(`^College team: ${collegeChoice}.*Colleges willing to deepen \\d+% \\(status quo \\d+%\\)\\.$`));
      expect(firm).toMatch(new RegExp(`^Firm team: ${i === 0 ? 'Industry association campaign' : 'Wait and see'}.*\\d+ firms joined or went deeper; firms cooperating [\\d.]+% \\(status quo [\\d.]+%\\)\\.$`));
      await expect(page.locator('.team-effects .team-government').textContent()).resolves.toContain('Intern subsidy 0.40');
      if (i < 3) rows.push((await page.locator('table.rounds tbody tr').nth(i).textContent()) ?? '');
    }
    expect(await page.locator('table.rounds tbody tr').count()).toBe(10);
    await expect(page.locator('table.rounds tbody tr').nth(2).locator('td.teams').textContent()).resolves.toBe('A chore: 0.5 k¥ a placed intern · Wait and see: 30% look');
    // The campaign year brings more firms in than the wait-and-see years that follow.
    const joined = firmLines.map((l) => Number(/(\d+) firms joined/.exec(l)?.[1]));
    expect(joined[0]).toBeGreaterThan(joined[1]);
    expect(Number.isFinite(Number(await page.getAttribute('.final-score', 'data-score')))).toBe(true);
    // Replay: same seeds, same decisions, the same years, byte for byte in the table.
    await page.click('button.replay');
    await round(page, 0);
    await expect(page.locator('input.roles').isChecked()).resolves.toBe(true);
    for (let i = 0; i < 3; i++) {
      await playRound(page, i, plans[i]);
      expect(await page.locator('table.rounds tbody tr').nth(i).textContent()).toBe(rows[i]);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);

  for (const lang of ['en', 'zh-CN'])
    it(`the roles panel and its reactions have no serious axe finding (${lang})`, async () => {
      const { page, errors } = await open(`#tab=classroom&lang=${lang}`);
      await round(page, 0);
      if (!(await page.locator('input.roles').isChecked())) await page.check('input.roles');
      await page.waitForSelector('.turn-order');
      for (const team of ['government', 'college', 'firm']) await page.click(`button.role-done[data-team="${team}"]`);
      await page.click('button.advance');
      await round(page, 1);
      await page.waitForSelector('.team-effects');
      await page.click('button.role-done[data-team="government"]');
      expect(await serious(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    }, 300_000);
});
