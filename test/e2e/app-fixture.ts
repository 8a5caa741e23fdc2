import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from './build-app.ts';
import { launchChromium } from './browser.ts';
import { serveStatic } from './static-server.ts';

/**
 * How often a test's waitForFunction checks its condition, in ms. On a timer, not on
 * animation frames: headless Chromium need not schedule frames for a page, and a
 * condition polled on frames is then not checked again until the test times out.
 */
export const POLL_MS = 50;

/** How a page of the app is opened. */
export interface OpenOptions {
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** A browser context of the page's own, closed with it (axe analyses in a page of the same context). */
  ownContext?: boolean;
}

/** A page of the app and what it has reported as errors so far: console errors and uncaught exceptions. */
export interface OpenedPage {
  page: Page;
  errors: string[];
}

/** The app as a test file's browser tests see it. */
export interface ServedApp {
  /** Where the app is served (known once the file's set-up has run). */
  readonly url: string;
  /** The browser, for a page that needs more than `open` gives (a context with permissions). */
  readonly browser: Browser;
  /** Opens the app at `link` (a query or fragment, e.g. `#n=1&tab=network`), collecting its errors. */
  open(link?: string, options?: OpenOptions): Promise<OpenedPage>;
}

/**
 * Builds the browser app once for a test file, serves it on a free port and starts
 * Chromium, all torn down after the file's tests. Call it at the top level of the file;
 * `defaults` apply to every page it opens unless `open` says otherwise.
 */
export function serveApp(defaults: OpenOptions = {}): ServedApp {
  let outDir = '';
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    outDir = await buildApp();
    server = await serveStatic(outDir);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const started = () => {
    if (!server || !browser) throw new Error('the app is not served yet: call serveApp() at the top level of the test file and open pages inside its tests');
    return { server, browser };
  };

  return {
    get url() {
      return started().server.url;
    },
    get browser() {
      return started().browser;
    },
    async open(link = '', options = {}) {
      const { server, browser } = started();
      const { viewport, acceptDownloads, ownContext } = { ...defaults, ...options };
      const pageOptions = { viewport: viewport ?? { width: 1280, height: 900 }, ...(acceptDownloads === undefined ? {} : { acceptDownloads }) };
      let page: Page;
      if (ownContext) {
        const context = await browser.newContext(pageOptions);
        page = await context.newPage();
        // When the browser itself closes (afterAll) the context is gone already: nothing to close then.
        page.on('close', () => void context.close().catch(() => undefined));
      } else page = await browser.newPage(pageOptions);
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}${link}`);
      return { page, errors };
    },
  };
}

/** Waits until the ensemble of the newest request (a job after `afterJob`) is drawn; returns that job's id. */
export async function ensembleReady(page: Page, afterJob = 0, timeout = 90_000): Promise<number> {
  await page.waitForFunction(
    (after) => {
      const el = document.querySelector<HTMLElement>('.app');
      return el?.dataset.phase === 'ensemble' && Number(el.dataset.job) > after;
    },
    afterJob,
    { timeout, polling: POLL_MS },
  );
  return Number(await page.getAttribute('.app', 'data-job'));
}
