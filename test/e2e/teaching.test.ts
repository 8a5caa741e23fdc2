import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serveApp, POLL_MS } from './app-fixture.ts';
import { TABS } from '../../src/app/state/app-state.ts';

const WAIT = 120_000;

const app = serveApp({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
const open = (query: string, viewport = { width: 1366, height: 900 }) => app.open(query, { viewport });

const LESSON_TEXT = {
  en: { question: 'Colleges get better training facilities', choice: 'Deeper', right: 'Your prediction matches the model.', prompt: 'Why do so many firms work with this college?' },
  'zh-CN': { question: '学校改善了实训条件', choice: '更深', right: '你的预测与模型一致。', prompt: '为什么这么多企业愿意与这所学校合作？' },
} as const;

describe('teaching views in Chromium', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`a whole lesson in ${lang}: predict, run, reveal with the band, inspector, answers as CSV`, async () => {
      const text = LESSON_TEXT[lang];
      const { page, errors } = await open(`?lesson=claim-2-school-conditions&lang=${lang}`);
      const lesson = page.locator('.lesson-view[data-lesson="claim-2-school-conditions"]');
      await expect(lesson.locator('.question').textContent()).resolves.toContain(text.question);
      await expect(page.locator('.tab[aria-selected="true"]').getAttribute('data-tab')).resolves.toBe('lessons');
      // Nothing is revealed before the student commits.
      expect(await page.locator('.lesson-reveal').count()).toBe(0);
      await expect(page.locator('button.commit').isDisabled()).resolves.toBe(true);
      await page.fill('input.student', 'Group 3');
      await page.getByLabel(text.choice, { exact: true }).first().check();
      await page.click('button.commit');
      await page.waitForSelector('.lesson-view[data-reveal="ready"]', { timeout: WAIT });
      // The years play out; the verdict shows once the lesson's year is drawn.
      await page.waitForSelector('.lesson-verdict:not([hidden])', { timeout: WAIT });
      await expect(page.locator('.judgement').getAttribute('data-correct')).resolves.toBe('true');
      await expect(page.locator('.judgement').textContent()).resolves.toBe(text.right);
      await expect(page.locator('.lesson-verdict .model-line').textContent()).resolves.toMatch(/\+0\.1\d\d/);
      expect(await page.locator('.effect-strip rect.band').count()).toBe(1);
      expect(await page.locator('[data-chart="lesson-claim-2-school-conditions"] path.band.current').count()).toBe(1);
      // The explanation opens the inspector on the college with the most partnerships.
      await page.click('button.open-inspector');
      await page.waitForSelector('.lesson-inspector .inspector[data-state="ready"]', { timeout: WAIT });
      await expect(page.locator('.lesson-inspector').getAttribute('data-kind')).resolves.toBe('school');
      expect(await page.locator('.lesson-inspector ul.partners li').count()).toBeGreaterThan(3);
      await expect(page.locator('.lesson-explain-slot .prompt strong').textContent()).resolves.toBe(text.prompt);
      await page.fill('textarea.inspect-answer', 'good teachers, "well" aligned');
      // Post: the same question again, then save and export.
      await page.locator('.lesson-post-slot input[type="radio"][value="up"]').check();
      await page.click('button.save-answers');
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: WAIT }), page.click('.lesson-post-slot button.export-answers')]);
      const csv = readFileSync(await dl.path(), 'utf8').trim().split('\n');
      expect(csv[0]).toBe('student,lesson,claim,lang,pre,preCorrect,post,postCorrect,modelDirection,effect,bandLow,bandHigh,inspectAnswer,followUpAnswer,answeredAt,sketch,postSketch');
      expect(csv).toHaveLength(2);
      expect(csv[1]).toMatch(new RegExp(`^Group 3,claim-2-school-conditions,2,${lang},up,true,up,true,up,0\\.1\\d+,0\\.1\\d+,0\\.1\\d+,"good teachers, ""well"" aligned",,20\\d\\d-[^,]*,,$`));
      expect(errors).toEqual([]);
      await page.close();
    }, 240_000);
  }

  it('the policy game: ten rounds with the levers set each year, reactions with reasons, a score; a replay repeats the same seeds', async () => {
    const { page, errors } = await open('?tab=classroom&lang=en');
    const round = (n: number) =>
      page.waitForFunction((k) => {
        const v = document.querySelector('.classroom-view');
        return v?.getAttribute('data-round') === String(k) && !v.hasAttribute('data-busy');
      }, n, { timeout: WAIT, polling: POLL_MS });
    await round(0);
    const firstTwo: string[] = [];
    for (let i = 0; i < 10; i++) {
      // Tax relief from year 0, a moderate college fund from year 2 on.
      if (i === 0) await page.selectOption('select[data-lever="taxRelief"]', '0.3');
      if (i === 2) await page.selectOption('select[data-lever="schoolFunding"]', '1');
      await page.click('button.advance');
      await round(i + 1);
      await expect(page.locator('.reactions h3').textContent()).resolves.toContain(`year ${i}`);
      await expect(page.locator('.reactions .firms-up').textContent()).resolves.toMatch(/^\d+ firms joined or went deeper\./);
      await expect(page.locator('.reactions .colleges').textContent()).resolves.toMatch(/willing to deepen \d+%/);
      if (i < 2) firstTwo.push((await page.locator('table.rounds tbody tr').nth(i).textContent()) ?? '');
    }
    expect(await page.locator('table.rounds tbody tr').count()).toBe(10);
    await expect(page.locator('table.rounds tbody tr').nth(3).textContent()).resolves.toContain('Conditional college funding 1.00');
    const score = Number(await page.getAttribute('.final-score', 'data-score'));
    expect(Number.isFinite(score)).toBe(true);
    // The score shows what it is divided from: depth points of both sides and the money.
    await expect(page.locator('.score').textContent()).resolves.toMatch(/^Score so far: -?[\d.]+ extra depth points per 100 M¥\.$/);
    expect(await page.locator('.score-sum').textContent()).toMatch(/your policy [\d.]+, status quo [\d.]+\) ÷ [\d.]+ M¥ \(spent [\d.]+ M¥ more/);
    await expect(page.locator('button.advance').count()).resolves.toBe(0);
    // Replay: the same seeds and levers give the same years.
    await page.click('button.replay');
    await round(0);
    for (let i = 0; i < 2; i++) {
      if (i === 0) await page.selectOption('select[data-lever="taxRelief"]', '0.3');
      await page.click('button.advance');
      await round(i + 1);
      expect(await page.locator('table.rounds tbody tr').nth(i).textContent()).toBe(firstTwo[i]);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);

  it('present mode on every tab: body text at least 20 px, chart labels at least 16 px on screen', async () => {
    const { page, errors } = await open('?present=1&lang=en&n=8');
    await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-phase') === 'ensemble', null, { timeout: WAIT, polling: POLL_MS });
    await expect(page.locator('.present-toggle').getAttribute('aria-pressed')).resolves.toBe('true');
    const sizes = () =>
      page.evaluate(() => {
        const view = document.querySelector('.app') as HTMLElement;
        let smallestText = Infinity;
        let smallestLabel = Infinity;
        const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || !n.textContent?.trim()) continue;
          const rect = el.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0 || el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
          if (el.closest('svg')) {
            // Size on screen: the SVG's font size in its own units times how much the SVG is scaled up.
            const svg = el.closest('svg') as SVGSVGElement;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            smallestLabel = Math.min(smallestLabel, parseFloat(getComputedStyle(el).fontSize) * scale);
          } else smallestText = Math.min(smallestText, parseFloat(getComputedStyle(el).fontSize));
        }
        return { smallestText, smallestLabel };
      });
    for (const tab of TABS) {
      await page.click(`.tab[data-tab="${tab}"]`);
      if (tab === 'network') await page.waitForSelector('.network-view[data-network="ready"]', { timeout: WAIT });
      if (tab === 'lessons') {
        await page.click('.lesson-card[data-lesson="claim-4-law"] .lesson-open');
        await page.getByLabel('Higher', { exact: true }).check();
        await page.click('button.commit');
        await page.waitForSelector('.lesson-verdict:not([hidden])', { timeout: WAIT });
      }
      await page.waitForTimeout(300);
      const s = await sizes();
      console.log(`present mode, ${tab}: smallest text ${s.smallestText.toFixed(1)} px, smallest chart label ${s.smallestLabel.toFixed(1)} px`);
      expect(s.smallestText, tab).toBeGreaterThanOrEqual(20);
      if (Number.isFinite(s.smallestLabel)) expect(s.smallestLabel, tab).toBeGreaterThanOrEqual(16);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
