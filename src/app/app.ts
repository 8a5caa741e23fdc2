import { estimateRun } from '../scenario/work-size.ts';
import { formatProblems, parseScenarioText } from '../scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { VERSION } from '../version.ts';
import type { AppContext } from './app-context.ts';
import { h, replace } from './dom.ts';
import { download, fileSlug } from './export/download.ts';
import { resultsJson, runCsv } from './export/results-export.ts';
import { formatter } from './i18n/format.ts';
import { translator, type MessageKey } from './i18n/messages.ts';
import type { Results } from './results/results.ts';
import { createLatestScheduler } from './runner/latest-scheduler.ts';
import { createRunService, type RunService } from './runner/run-service.ts';
import { pairedEnsemble, pairedPreview, type PairedEnsemble, type PairedPreview } from './runner/paired-runs.ts';
import { TABS, preferredLang, type AppState, type Lang, type Tab } from './state/app-state.ts';
import { buildScenario, editsFromScenario, normalizeEdits, scenarioFile } from './state/scenario-edits.ts';
import { baselineInputOf, ensembleSeeds } from './state/comparison.ts';
import { decodeUrl, encodeUrl } from './url-codec.ts';
import { controlsView } from './views/controls-view.ts';
import { gameView } from './views/game-view.ts';
import { headerView } from './views/header-view.ts';
import { messagesView, urlProblemText, type Notice } from './views/messages-view.ts';
import { networkView } from './views/network-view.ts';
import { overviewView } from './views/overview-view.ts';
import { summaryView } from './views/summary-view.ts';

/** A request to run: the scenario and its baseline over the same seeds. */
interface Job {
  id: number;
  /** When the change that caused it happened (performance.now()). */
  t0: number;
  input: ScenarioInput;
  baselineInput: ScenarioInput;
  scenario: Scenario;
  seeds: number[];
}

type Preview = PairedPreview;
type Refined = PairedEnsemble;

/** Starts the app in `root`: reads the link, builds the page, runs the model. */
export function startApp(root: HTMLElement, runs: RunService = createRunService()): void {
  const decoded = decodeUrl(location.search, preferredLang(navigator.languages ?? [navigator.language]));
  let state: AppState = decoded.state;
  let scenario: Scenario = mustBuild(state);
  let results: Results | null = null;
  let preview: Preview | null = null;
  let notices: Notice[] = [];
  let noticeId = 0;
  let jobId = 0;
  let statusKey: { key: MessageKey; params: Record<string, string | number> } = { key: 'status.starting', params: {} };
  let disposeView: (() => void) | null = null;
  let viewJob = -1;

  if (decoded.problems.length) {
    const problems = decoded.problems;
    notices.push({
      id: ++noticeId,
      kind: 'warning',
      text: (t) => t('msg.linkProblems'),
      details: (t) => problems.map((p) => urlProblemText(p, t)),
    });
  }

  function mustBuild(s: AppState): Scenario {
    const r = buildScenario(s.preset, s.edits);
    if (r.ok) return r.value;
    const fallback = buildScenario('baseline', {});
    if (!fallback.ok) throw new Error('the baseline scenario is invalid');
    return fallback.value;
  }

  const ctx: AppContext = {
    get state() {
      return state;
    },
    get scenario() {
      return scenario;
    },
    get t() {
      return translator(state.lang);
    },
    get fmt() {
      return formatter(state.lang);
    },
    setEdit(path, value) {
      const edits = normalizeEdits(state.preset, { ...state.edits, [path]: value });
      applyState({ ...state, edits }, { rerun: true });
    },
    clearEdit(path) {
      const { [path]: _gone, ...rest } = state.edits;
      applyState({ ...state, edits: rest }, { rerun: true });
    },
    update(patch, options = {}) {
      applyState({ ...state, ...patch }, options);
    },
  };

  // Page skeleton.
  const headerSlot = h('div', { class: 'header-slot' });
  const messagesSlot = h('div', { class: 'messages-slot' });
  const controlsSlot = h('div', { class: 'controls-slot' });
  const scenarioLine = h('div', { class: 'scenario-line' });
  const status = h('p', { class: 'status', role: 'status' });
  // Shown when a run has taken over a second: stops it (the charts keep the last finished run).
  const cancelButton = h('button', { type: 'button', class: 'cancel-run', hidden: true, onclick: () => cancelRun() });
  let cancelTimer: ReturnType<typeof setTimeout> | null = null;
  const summarySlot = h('div', { class: 'summary-slot' });
  const tabs = h('nav', { class: 'tabs', role: 'tablist' });
  const viewSlot = h('div', { class: 'view-slot' });
  const footer = h('footer', { class: 'footer' });
  const main = h('main', { class: 'main' }, messagesSlot, scenarioLine, h('div', { class: 'status-row' }, status, cancelButton), summarySlot, tabs, viewSlot, footer);
  root.classList.add('app');
  replace(root, headerSlot, h('div', { class: 'layout' }, controlsSlot, main));
  root.dataset.phase = 'starting';

  const mainWidth = () => Math.max(300, viewSlot.clientWidth || main.clientWidth - 40 || 900);

  function renderHeader() {
    replace(
      headerSlot,
      headerView(ctx, {
        choosePreset: (id) => applyState({ ...state, preset: id, edits: {}, selection: null }, { rerun: true, rebuild: true }),
        setLang: (lang: Lang) => applyState({ ...state, lang }, { rebuild: true }),
        copyLink: async () => {
          try {
            await navigator.clipboard.writeText(location.href);
            return true;
          } catch {
            window.prompt(ctx.t('header.share'), location.href);
            return false;
          }
        },
        exportCsv: () => {
          if (!preview) return;
          download(`coopsim-${fileSlug(scenario.name)}-seed-${preview.current.seed}.csv`, runCsv(preview.current), 'text/csv;charset=utf-8');
        },
        exportJson: () => {
          if (!results) return;
          download(`coopsim-${fileSlug(scenario.name)}-results.json`, resultsJson(results, state.effectYear, state.compare), 'application/json');
        },
        exportScenario: () => {
          download(`${fileSlug(scenario.name)}.json`, `${JSON.stringify(scenarioFile(state.preset, state.edits), null, 2)}\n`, 'application/json');
        },
        importScenario: (file) => void importFile(file),
        csvSeed: () => scenario.seed,
      }),
    );
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
    const { t } = ctx;
    const id = state.preset;
    const edited = Object.keys(state.edits).length > 0;
    // A scenario imported from a file or a link may carry its own name and description.
    const ownName = typeof state.edits.name === 'string' ? state.edits.name : null;
    const ownDescription = typeof state.edits.description === 'string' ? state.edits.description : null;
    replace(
      scenarioLine,
      h('strong', {}, ownName ?? t(`preset.${id}` as MessageKey)),
      edited && !ownName ? ` ${t('header.edited')}` : '',
      ' — ',
      ownDescription ?? (ownName ? t('presetDesc.custom') : t(`presetDesc.${id}` as MessageKey)),
    );
  }

  function renderStatus() {
    status.textContent = ctx.t(statusKey.key, statusKey.params);
    status.dataset.kind = statusKey.key;
    cancelButton.textContent = ctx.t('status.cancel');
  }

  /** Hides the Cancel button once nothing runs. */
  function runEnded() {
    if (cancelTimer) clearTimeout(cancelTimer);
    cancelTimer = null;
    cancelButton.hidden = true;
  }

  function cancelRun() {
    scheduler.cancel();
    runEnded();
    statusKey = { key: 'status.cancelled', params: {} };
    renderStatus();
    root.dataset.phase = 'cancelled';
    if (results) root.dataset.stale = 'true';
  }

  function renderSummary() {
    replace(summarySlot, summaryView(ctx, results));
  }

  function renderTabs() {
    const { t } = ctx;
    replace(
      tabs,
      ...TABS.map((tab) =>
        h(
          'button',
          { type: 'button', role: 'tab', class: 'tab', 'data-tab': tab, 'aria-selected': String(tab === state.tab), onclick: () => applyState({ ...state, tab }, {}) },
          t(`tab.${tab}` as MessageKey),
        ),
      ),
    );
  }

  function renderView(force = false) {
    const tab: Tab = state.tab;
    if (tab === 'network' && !force && viewJob === (results?.job ?? -1) && viewSlot.dataset.tab === 'network') return;
    disposeView?.();
    disposeView = null;
    viewSlot.dataset.tab = tab;
    const width = mainWidth();
    if (tab === 'overview') {
      replace(viewSlot, results ? overviewView(ctx, results, width) : null);
    } else if (tab === 'network') {
      const view = networkView(ctx, { runs, input: results?.input ?? scenarioFile(state.preset, state.edits), seed: scenario.seed, years: scenario.years }, width);
      disposeView = () => view.dispose();
      viewJob = results?.job ?? -1;
      replace(viewSlot, view);
    } else {
      const view = gameView(ctx, runs, width);
      disposeView = () => view.dispose();
      replace(viewSlot, view);
    }
  }

  function renderFooter() {
    footer.textContent = ctx.t('footer.text', {
      version: VERSION,
      schools: ctx.fmt.integer(scenario.world.schools),
      firms: ctx.fmt.integer(scenario.world.firms),
      years: scenario.years,
    });
  }

  function renderAll() {
    document.documentElement.lang = state.lang;
    document.title = `${ctx.t('app.title')} — ${ctx.t('app.heading')}`;
    renderHeader();
    renderMessages();
    replace(controlsSlot, controlsView(ctx));
    renderScenarioLine();
    renderStatus();
    renderSummary();
    renderTabs();
    renderView(true);
    renderFooter();
  }

  let urlTimer: ReturnType<typeof setTimeout> | null = null;
  function writeUrl() {
    if (urlTimer) clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      history.replaceState(null, '', `${location.pathname}?${encodeUrl(state)}${location.hash}`);
    }, 120);
  }

  function applyState(next: AppState, options: { rerun?: boolean; rebuild?: boolean } = {}) {
    const prev = state;
    state = next;
    scenario = mustBuild(state);
    const years = scenario.years;
    if (state.effectYear > years - 1) state = { ...state, effectYear: years - 1 };
    if (state.year > years - 1) state = { ...state, year: years - 1 };
    const sel = state.selection;
    if (sel && sel.index >= (sel.kind === 'firm' ? scenario.world.firms : scenario.world.schools)) state = { ...state, selection: null };
    writeUrl();
    const scenarioChanged =
      prev.preset !== state.preset || prev.edits !== state.edits || prev.ensemble !== state.ensemble || prev.compare !== state.compare;
    if (options.rebuild || prev.lang !== state.lang) renderAll();
    else {
      if (scenarioChanged) {
        renderHeader();
        renderScenarioLine();
        renderFooter();
      }
      if (prev.effectYear !== state.effectYear) renderSummary();
      if (prev.tab !== state.tab) {
        renderTabs();
        renderView(true);
      }
    }
    if (options.rerun || scenarioChanged) requestRun();
  }

  /** Firm-years above which an imported scenario asks first: the controls' largest world (20,000 firms, 50 years). */
  const APP_CONFIRM_FIRM_YEARS = 1_000_000;

  async function importFile(file: File) {
    const text = await file.text();
    const r = parseScenarioText(text);
    if (!r.ok) {
      const problems = formatProblems(r.problems).split('\n');
      notices = [...notices, { id: ++noticeId, kind: 'error', text: (t) => t('msg.importBad', { file: file.name }), details: () => problems }];
      renderMessages();
      return;
    }
    // A world beyond the controls' ranges runs only once the user has seen what it costs.
    const size = estimateRun(r.value);
    if (size.firmYears > APP_CONFIRM_FIRM_YEARS) {
      const params = {
        firms: r.value.world.firms,
        years: r.value.years,
        mb: Math.round(size.bytes / 1e6),
        minutes: Math.max(1, Math.round(size.seconds / 60)),
      };
      if (!window.confirm(ctx.t('msg.confirmLarge', params))) {
        notices = [...notices, { id: ++noticeId, kind: 'info', text: (t) => t('msg.largeDeclined', { file: file.name }) }];
        renderMessages();
        return;
      }
    }
    const { preset, edits } = editsFromScenario(r.value);
    const name = r.value.name;
    notices = [...notices, { id: ++noticeId, kind: 'info', text: (t) => t('msg.importOk', { name }) }];
    applyState({ ...state, preset, edits, selection: null }, { rerun: true, rebuild: true });
  }

  // Runs: a quick one-seed preview, then the ensemble; bursts coalesce to the latest.
  const scheduler = createLatestScheduler<Job, Preview, Refined>({
    preview(job, signal) {
      root.dataset.previewsRun = String(Number(root.dataset.previewsRun ?? 0) + 1);
      return pairedPreview(runs, job, signal);
    },
    refine: (job, p, signal) => pairedEnsemble(runs, job, p, signal),
    onPreview(job, p, stale) {
      preview = p;
      const single = job.seeds.length === 1;
      if (single && !stale) runEnded();
      show(job, { current: [p.current], baseline: [p.baseline] }, single);
      statusKey = single
        ? { key: 'status.single', params: { seed: job.seeds[0] } }
        : { key: 'status.quick', params: { n: job.seeds.length } };
      renderStatus();
      root.dataset.phase = single ? 'ensemble' : 'preview';
      root.dataset.job = String(job.id);
      const ms = performance.now() - job.t0;
      root.dataset.previewMs = ms.toFixed(1);
      if (single) root.dataset.ensembleMs = ms.toFixed(1);
      if (stale) root.dataset.phase = 'preview';
    },
    onRefined(job, r) {
      runEnded();
      if (job.seeds.length === 1) return;
      show(job, r, true);
      statusKey = {
        key: 'status.ensemble',
        params: { n: job.seeds.length, from: job.seeds[0], to: job.seeds[job.seeds.length - 1] },
      };
      renderStatus();
      root.dataset.phase = 'ensemble';
      root.dataset.job = String(job.id);
      root.dataset.ensembleMs = (performance.now() - job.t0).toFixed(1);
      root.dataset.ensemblesShown = String(Number(root.dataset.ensemblesShown ?? 0) + 1);
    },
    onError(_job, e) {
      runEnded();
      const error = ((e as Error)?.message ?? String(e)).split('\n')[0];
      // The charts keep the last run that worked, marked stale, beside the message.
      statusKey = { key: results ? 'status.errorStale' : 'status.error', params: { error } };
      renderStatus();
      root.dataset.phase = 'error';
      if (results) root.dataset.stale = 'true';
    },
  });

  function show(job: Job, r: Refined, ensemble: boolean) {
    delete root.dataset.stale;
    results = {
      job: job.id,
      seeds: job.seeds.slice(0, r.current.length),
      years: r.current[0].years,
      current: r.current,
      baseline: r.baseline,
      ensemble,
      scenario: job.scenario,
      input: job.input,
      baselineInput: job.baselineInput,
    };
    renderSummary();
    if (state.tab === 'overview') renderView();
    else if (state.tab === 'network' && viewJob !== job.id) renderView(true);
  }

  function requestRun() {
    const input = scenarioFile(state.preset, state.edits);
    scheduler.request({
      id: ++jobId,
      t0: performance.now(),
      input,
      baselineInput: baselineInputOf(state, input),
      scenario,
      seeds: ensembleSeeds(scenario.seed, state.ensemble),
    });
    if (cancelTimer) clearTimeout(cancelTimer);
    cancelTimer = setTimeout(() => {
      cancelTimer = null;
      if (scheduler.busy) cancelButton.hidden = false;
    }, 1000);
  }

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

  document.addEventListener('click', (ev) => {
    for (const menu of root.querySelectorAll<HTMLDetailsElement>('details.export-menu[open]'))
      if (!menu.contains(ev.target as Node)) menu.open = false;
  });

  renderAll();
  writeUrl();
  requestRun();
}
