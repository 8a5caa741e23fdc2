import { VERSION } from '../version.ts';
import { h, replace } from './dom.ts';
import type { MessageKey } from './i18n/messages.ts';
import type { Results } from './results/results.ts';
import type { RunStatus } from './run-loop.ts';
import type { RunService } from './scheduling/run-service.ts';
import type { AppStore, StateChange } from './state/app-store.ts';
import { TABS, type Tab } from './state/app-state.ts';
import { scenarioFile } from './state/scenario-edits.ts';
import { controlsView } from './views/controls-view.ts';
import { gameView } from './views/game-view.ts';
import { goalView } from './goal/goal-view.ts';
import { headerView, type HeaderActions } from './views/header-view.ts';
import { messagesView, type Notice } from './views/messages-view.ts';
import { networkView } from './views/network-view.ts';
import { overviewView } from './views/overview-view.ts';
import { summaryView } from './views/summary-view.ts';
import { announcement } from './views/announcement.ts';
import { createAnnouncer, createSkipLink, tabKeys } from './page-access.ts';
import { focusKeyOf, restoreFocus } from './focus-keeper.ts';
import { engineMessage } from './i18n/engine-messages.ts';
import { lessonsView } from './lessons/lesson-view.ts';
import { lessonPicker } from './lessons/lesson-picker.ts';
import { PRESENT_CHART_SCALE, presentToggle } from './lessons/present-mode.ts';
import { classroomView } from './classroom/classroom-view.ts';

/** The page around the views: header, messages, controls, status, summary, tabs, the tab's view, footer. */
export interface PageShell {
  /** Draws everything (at the start, and when the language changes or a preset is chosen). */
  renderAll(): void;
  /** Redraws what a state change touches. */
  stateChanged(change: StateChange): void;
  /** Shows a notice above the results. */
  notify(notice: Omit<Notice, 'id'>): void;
  /** Sets the status line. */
  setStatus(status: RunStatus): void;
  /** Shows or hides the Cancel button beside the status line. */
  setCancellable(shown: boolean): void;
  /** Shows new results in the summary and in the tab that draws them. */
  showResults(results: Results): void;
}

/** What the shell draws from: the store, the runs (for the network and game tabs), and the latest results. */
export interface PageShellOptions {
  store: AppStore;
  runs: RunService;
  results(): Results | null;
  header: HeaderActions;
  /** Stops the run in progress (the Cancel button). */
  cancel(): void;
}

/** Builds the page in `root` and returns how to redraw it. */
export function createPageShell(root: HTMLElement, { store, runs, results, header, cancel }: PageShellOptions): PageShell {
  const ctx = store.ctx;
  let notices: Notice[] = [];
  let noticeId = 0;
  let status: RunStatus = { key: 'status.starting', params: {} };
  let disposeView: (() => void) | null = null;
  let viewJob = -1;

  const headerSlot = h('div', { class: 'header-slot' });
  const messagesSlot = h('div', { class: 'messages-slot' });
  const controlsSlot = h('div', { class: 'controls-slot' });
  const scenarioLine = h('div', { class: 'scenario-line' });
  const statusLine = h('p', { class: 'status' });
  const announcer = createAnnouncer();
  const skipLink = createSkipLink(() => main);
  // Shown when a run has taken over a second: stops it (the charts keep the last finished run).
  const cancelButton = h('button', { type: 'button', class: 'cancel-run', hidden: true, onclick: () => cancel() });
  const summarySlot = h('div', { class: 'summary-slot' });
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const teachTools = h('div', { class: 'teach-tools' });
  const viewSlot = h('div', { class: 'view-slot', role: 'tabpanel', id: 'tab-panel', tabindex: '-1' });
  const footer = h('footer', { class: 'footer' });
  const main = h('main', { class: 'main', id: 'results', tabindex: '-1' }, messagesSlot, scenarioLine, h('div', { class: 'status-row' }, statusLine, cancelButton), summarySlot, h('div', { class: 'tabs-row' }, tabs, teachTools), viewSlot, footer);
  root.classList.add('app');
  messagesSlot.setAttribute('aria-live', 'polite');
  replace(root, skipLink, announcer, headerSlot, h('div', { class: 'layout' }, controlsSlot, main));
  root.dataset.phase = 'starting';

  const mainWidth = () => {
    const w = Math.max(300, viewSlot.clientWidth || main.clientWidth - 40 || 900);
    // Present mode scales charts up (CSS zoom); drawing them narrower keeps them inside the page.
    return store.state.present ? Math.floor(w / PRESENT_CHART_SCALE) : w;
  };

  function renderHeader() {
    replace(headerSlot, headerView(ctx, header));
  }

  function renderMessages() {
    replace(
      messagesSlot,
      notices.length
        ? messagesView(ctx, notices, (id) => {
            notices = notices.filter((n) => n.id !== id);
            renderMessages();
          })
        : null,
    );
  }

  function renderScenarioLine() {
    const { t, state } = ctx;
    const id = state.preset;
    const edited = Object.keys(state.edits).length > 0;
    // A scenario imported from a file or a link may carry its own name and description.
    const ownName = typeof state.edits.name === 'string' ? state.edits.name : null;
    const ownDescription = typeof state.edits.description === 'string' ? state.edits.description : null;
    const scenarioName = ownName ?? `${t(`preset.${id}` as MessageKey)}${edited ? ` ${t('header.edited')}` : ''}`;
    // One sentence on what the page compares, so a first look knows what the numbers are.
    const same = id === 'baseline' && !edited && state.compare === 'status-quo';
    const lookingAt = same
      ? t('lookingAt.same')
      : t('lookingAt', { scenario: scenarioName, baseline: t(`compare.${state.compare}`), n: state.ensemble });
    replace(
      scenarioLine,
      h('p', { class: 'looking-at' }, lookingAt),
      h('strong', {}, ownName ?? t(`preset.${id}` as MessageKey)),
      edited && !ownName ? ` ${t('header.edited')}` : '',
      ' — ',
      ownDescription ?? (ownName ? t('presetDesc.custom') : t(`presetDesc.${id}` as MessageKey)),
    );
  }

  function renderStatus() {
    const params = typeof status.params.error === 'string' ? { ...status.params, error: engineMessage(status.params.error, ctx.state.lang) } : status.params;
    statusLine.textContent = ctx.t(status.key, params);
    statusLine.dataset.kind = status.key;
    cancelButton.textContent = ctx.t('status.cancel');
    skipLink.textContent = ctx.t('a11y.skip');
  }

  function announce(text: string) {
    announcer.textContent = text;
  }

  function renderSummary() {
    replace(summarySlot, summaryView(ctx, results()));
  }

  function renderTabs() {
    const { t, state } = ctx;
    tabs.setAttribute('aria-label', t('a11y.views'));
    viewSlot.setAttribute('aria-labelledby', `tab-${state.tab}`);
    replace(
      tabs,
      ...TABS.map((tab) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            class: 'tab',
            id: `tab-${tab}`,
            'data-tab': tab,
            'aria-selected': String(tab === state.tab),
            'aria-controls': 'tab-panel',
            // One tab in the tab order; the arrow keys move between tabs (the ARIA tabs pattern).
            tabindex: tab === state.tab ? '0' : '-1',
            onclick: () => store.apply({ ...store.state, tab }, {}),
          },
          t(`tab.${tab}` as MessageKey),
        ),
      ),
    );
  }
  tabKeys(tabs, store);

  function renderTeachTools() {
    root.classList.toggle('present', store.state.present);
    replace(teachTools, presentToggle(ctx));
  }

  function renderView(force = false) {
    const { state, scenario } = store;
    const shown = results();
    const tab: Tab = state.tab;
    if (tab === 'network' && !force && viewJob === (shown?.job ?? -1) && viewSlot.dataset.tab === 'network') return;
    disposeView?.();
    disposeView = null;
    viewSlot.dataset.tab = tab;
    const width = mainWidth();
    if (tab === 'overview') {
      replace(viewSlot, lessonPicker(ctx, true), shown ? overviewView(ctx, shown, width, runs) : null);
    } else if (tab === 'lessons') {
      replace(viewSlot, lessonsView(ctx, runs, width));
    } else if (tab === 'classroom') {
      const view = classroomView(ctx, runs, width);
      disposeView = () => view.dispose();
      replace(viewSlot, view);
    } else if (tab === 'network') {
      const view = networkView(ctx, { runs, input: shown?.input ?? scenarioFile(state.preset, state.edits), seed: scenario.seed, years: scenario.years }, width);
      disposeView = () => view.dispose();
      viewJob = shown?.job ?? -1;
      replace(viewSlot, view);
    } else if (tab === 'goal') {
      const view = goalView(ctx, runs, width);
      disposeView = () => view.dispose();
      replace(viewSlot, view);
    } else {
      const view = gameView(ctx, runs, width);
      disposeView = () => view.dispose();
      replace(viewSlot, view);
    }
  }

  function renderFooter() {
    const { scenario } = store;
    footer.textContent = ctx.t('footer.text', {
      version: VERSION,
      schools: ctx.fmt.integer(scenario.world.schools),
      firms: ctx.fmt.integer(scenario.world.firms),
      years: scenario.years,
    });
  }

  function renderAll() {
    // The page is built anew (a language switch): the focus goes back to the same control.
    const key = focusKeyOf(root);
    renderAllNow();
    restoreFocus(root, key);
  }

  function renderAllNow() {
    document.documentElement.lang = store.state.lang;
    document.title = `${ctx.t('app.title')} — ${ctx.t('app.heading')}`;
    renderHeader();
    renderMessages();
    replace(controlsSlot, controlsView(ctx));
    renderScenarioLine();
    renderStatus();
    renderSummary();
    renderTabs();
    renderTeachTools();
    renderView(true);
    renderFooter();
  }

  // A resize redraws the tab's view for the new width, once the window stops moving.
  let resizeTimer: ReturnType<typeof setTimeout> | null = null;
  let lastWidth = window.innerWidth;
  window.addEventListener('resize', () => {
    if (resizeTimer) clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (window.innerWidth === lastWidth) return;
      lastWidth = window.innerWidth;
      renderView(true);
    }, 200);
  });

  // A click outside an open export menu closes it.
  document.addEventListener('click', (ev) => {
    for (const menu of root.querySelectorAll<HTMLDetailsElement>('details.export-menu[open]'))
      if (!menu.contains(ev.target as Node)) menu.open = false;
  });

  return {
    renderAll,
    stateChanged({ prev, scenarioChanged, rebuild }) {
      const state = store.state;
      if (rebuild) return renderAll();
      if (scenarioChanged) {
        renderHeader();
        renderScenarioLine();
        renderFooter();
      }
      if (prev.effectYear !== state.effectYear) renderSummary();
      if (prev.tab !== state.tab || prev.lesson !== state.lesson) {
        const key = focusKeyOf(root);
        renderTabs();
        renderView(true);
        restoreFocus(root, key);
      }
      if (prev.present !== state.present) {
        renderTeachTools();
        renderView(true);
      }
    },
    notify(notice) {
      notices = [...notices, { ...notice, id: ++noticeId }];
      renderMessages();
    },
    setStatus(next) {
      status = next;
      renderStatus();
      if (next.key === 'status.error' || next.key === 'status.errorStale' || next.key === 'status.cancelled') announce(statusLine.textContent ?? '');
    },
    setCancellable(shown) {
      cancelButton.hidden = !shown;
    },
    showResults(shown) {
      renderSummary();
      if (shown.ensemble) announce(announcement(ctx, shown));
      if (store.state.tab === 'overview') renderView();
      else if (store.state.tab === 'network' && viewJob !== shown.job) renderView(true);
    },
  };
}
