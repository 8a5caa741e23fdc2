import { estimateRun } from '../scenario/work-size.ts';
import { formatProblems, parseScenarioText } from '../scenario/parse.ts';
import { download, fileSlug } from './export/download.ts';
import { resultsJson, runCsv } from './export/results-export.ts';
import type { RunLoop } from './run-loop.ts';
import type { AppStore } from './state/app-store.ts';
import type { Lang } from './state/app-state.ts';
import { editsFromScenario } from './state/scenario-edits.ts';
import { exportedScenario } from './state/scenario-export.ts';
import type { HeaderActions } from './views/header-view.ts';
import type { Notice } from './views/messages-view.ts';
import { engineMessage } from './i18n/engine-messages.ts';

/** Firm-years above which an imported scenario asks first: the controls' largest world (20,000 firms, 50 years). */
const APP_CONFIRM_FIRM_YEARS = 1_000_000;

/** What the header's buttons do: presets, language, the link, exports and the scenario import. */
export function createHeaderActions(
  store: AppStore,
  runs: Pick<RunLoop, 'results' | 'preview'>,
  notify: (notice: Omit<Notice, 'id'>) => void,
): HeaderActions {
  async function importFile(file: File) {
    const text = await file.text();
    const r = parseScenarioText(text);
    if (!r.ok) {
      const problems = formatProblems(r.problems).split('\n');
      notify({ kind: 'error', text: (t) => t('msg.importBad', { file: file.name }), details: (_t, lang) => problems.map((line) => engineMessage(line, lang)) });
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
      if (!window.confirm(store.ctx.t('msg.confirmLarge', params))) {
        notify({ kind: 'info', text: (t) => t('msg.largeDeclined', { file: file.name }) });
        return;
      }
    }
    const { preset, edits } = editsFromScenario(r.value);
    const name = r.value.name;
    notify({ kind: 'info', text: (t) => t('msg.importOk', { name }) });
    store.apply({ ...store.state, preset, edits, selection: null }, { rerun: true, rebuild: true });
  }

  return {
    choosePreset: (id) => store.apply({ ...store.state, preset: id, edits: {}, selection: null }, { rerun: true, rebuild: true }),
    setLang: (lang: Lang) => store.apply({ ...store.state, lang }, { rebuild: true }),
    copyLink: async () => {
      // The link of the state now, not the address bar's, which is rewritten a moment after a change.
      const link = store.link();
      try {
        await navigator.clipboard.writeText(link);
        return true;
      } catch {
        window.prompt(store.ctx.t('header.share'), link);
        return false;
      }
    },
    exportCsv: () => {
      const preview = runs.preview;
      if (!preview) return;
      download(`coopsim-${fileSlug(store.scenario.name)}-seed-${preview.current.seed}.csv`, runCsv(preview.current), 'text/csv;charset=utf-8');
    },
    exportJson: () => {
      const results = runs.results;
      if (!results) return;
      const { state } = store;
      download(`coopsim-${fileSlug(store.scenario.name)}-results.json`, resultsJson(results, state.effectYear, state.compare), 'application/json');
    },
    exportScenario: () => {
      const { state } = store;
      download(`${fileSlug(store.scenario.name)}.json`, `${JSON.stringify(exportedScenario(state.preset, state.edits), null, 2)}\n`, 'application/json');
    },
    importScenario: (file) => void importFile(file),
    csvSeed: () => store.scenario.seed,
  };
}
