import { existsSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../test/e2e/build-app.ts';
import { serveStatic } from '../test/e2e/static-server.ts';
import type { BenchModule } from './lib/bench-module.ts';
import { NotAvailable } from './lib/not-available.ts';
import { fromRoot } from './lib/paths.ts';
import { median } from './lib/stats.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The lever the benchmark moves, and the selector of its slider. */
const LEVER = 'taxRelief';
const SLIDER = `.control[data-lever="${LEVER}"] input[type="range"]`;
/** Distinct slider positions (step 0.05), so no run comes from the app's cache. */
const VALUES = Array.from({ length: 20 }, (_, i) => Math.round(((i * 7) % 20) * 5 + 5) / 100);
const TIMEOUT = 120_000;

/** One measured lever change. */
interface Change {
  /** Input event to the new job's charts in the DOM (the app sets data-phase="ensemble"). */
  drawnMs: number;
  /** Input event to the first frame after that (requestAnimationFrame, then a task). */
  paintedMs: number;
  /** The app's own figure for the same job (data-preview-ms / data-ensemble-ms). */
  appMs: number;
  /** For an ensemble: input event to the one-seed preview drawn before the band. */
  previewMs?: number;
}

/**
 * `ui_update_ms`, `ensemble_band_ms`: the built app (vite build, served statically) in real
 * Chromium. A change of the tax-relief slider is an `input` event; the time runs until the
 * app marks the new job drawn (`.app` gets `data-phase="ensemble"` and a larger `data-job`,
 * set right after the charts are replaced) and the next frame is painted. With `?n=1` that
 * is the one-seed update; with `?n=32` it is the 32-seed band (baseline runs come from the
 * app's cache after the first load, as they do for a user). Medians over several changes
 * after warm-up changes.
 */
export const uiSpeed: BenchModule = {
  name: 'ui-speed',
  keys: ['ui_update_ms', 'ensemble_band_ms'],
  quick: false,
  async run(ctx) {
    if (!existsSync(fromRoot('index.html'))) throw new NotAvailable('the app has no index.html yet');
    if (!existsSync(CHROMIUM)) throw new NotAvailable(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    ctx.log('ui: building the app (vite build)');
    const outDir = await buildApp(ctx.tmp, fromRoot());
    const server = await serveStatic(outDir);
    let browser: Browser | null = null;
    try {
      // Loaded here, not at the top: every benchmark's child process starts from this bundle,
      // and Playwright takes about 0.3 s to load.
      const { launchChromium } = await import('../test/e2e/browser.ts');
      browser = await launchChromium();
      const single = ctx.quick ? { warmup: 2, runs: 5 } : { warmup: 3, runs: 12 };
      const band = ctx.quick ? { warmup: 1, runs: 2 } : { warmup: 1, runs: 5 };
      ctx.log(`ui: one seed, ${single.warmup} + ${single.runs} lever changes`);
      const one = await measure(browser, `${server.url}?n=1`, single.warmup, single.runs);
      ctx.log(`ui: 32-seed band, ${band.warmup} + ${band.runs} lever changes`);
      const many = await measure(browser, `${server.url}?n=32`, band.warmup, band.runs);
      return {
        values: { ui_update_ms: median(one.map((c) => c.paintedMs)), ensemble_band_ms: median(many.map((c) => c.paintedMs)) },
        details: {
          browser: browser.version(),
          lever: LEVER,
          measured: 'input event → new job drawn (.app data-phase="ensemble", larger data-job) → next painted frame',
          one_seed: summarize(one),
          band_32: { ...summarize(many), preview_ms: many.map((c) => (c.previewMs === undefined ? null : round(c.previewMs))) },
        },
      };
    } finally {
      await browser?.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};

function summarize(changes: Change[]) {
  return {
    changes: changes.length,
    painted_ms: changes.map((c) => round(c.paintedMs)),
    drawn_ms: changes.map((c) => round(c.drawnMs)),
    app_reported_ms: changes.map((c) => round(c.appMs)),
    median_drawn_ms: round(median(changes.map((c) => c.drawnMs))),
    median_app_reported_ms: round(median(changes.map((c) => c.appMs))),
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Opens the app at `url`, waits for its first result, then times lever changes. */
async function measure(browser: Browser, url: string, warmup: number, runs: number): Promise<Change[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await waitReady(page);
    if ((await page.locator(SLIDER).count()) === 0) throw new NotAvailable(`the app has no ${SLIDER}`);
    const out: Change[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const change = await changeLever(page, VALUES[i % VALUES.length]);
      if (i >= warmup) out.push(change);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return out;
  } finally {
    await page.close();
  }
}

/** Waits for the app's first drawn result; NotAvailable when the page never marks one. */
async function waitReady(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.app')?.dataset.phase === 'ensemble', undefined, { timeout: TIMEOUT });
  } catch {
    const marker = await page.evaluate(() => document.querySelector<HTMLElement>('.app')?.dataset.phase ?? null);
    if (marker === null) throw new NotAvailable('the app marks no drawn result (.app[data-phase])');
    throw new Error(`the app did not finish its first run (data-phase=${marker})`);
  }
}

/** Moves the slider to `value` inside the page and times the redraw there. */
function changeLever(page: Page, value: number): Promise<Change> {
  return page.evaluate(
    ({ selector, value, timeout }) =>
      new Promise<Change>((resolve, reject) => {
        const app = document.querySelector<HTMLElement>('.app')!;
        const input = document.querySelector<HTMLInputElement>(selector)!;
        const before = Number(app.dataset.job ?? 0);
        let previewMs: number | undefined;
        const t0 = performance.now();
        const done = () => {
          const drawn = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => {
              const painted = performance.now();
              resolve({
                drawnMs: drawn - t0,
                paintedMs: painted - t0,
                appMs: Number(app.dataset.ensembleMs ?? NaN),
                previewMs,
              });
            }, 0),
          );
        };
        const check = () => {
          if (Number(app.dataset.job) <= before) return false;
          if (app.dataset.phase === 'preview' && previewMs === undefined) previewMs = performance.now() - t0;
          if (app.dataset.phase === 'error') {
            obs.disconnect();
            reject(new Error('the app reported an error'));
            return true;
          }
          return app.dataset.phase === 'ensemble';
        };
        const obs = new MutationObserver(() => {
          if (check()) {
            obs.disconnect();
            done();
          }
        });
        obs.observe(app, { attributes: true });
        setTimeout(() => {
          obs.disconnect();
          reject(new Error(`no redraw within ${timeout} ms`));
        }, timeout);
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { selector: SLIDER, value, timeout: TIMEOUT },
  );
}
