import { createHeaderActions } from './header-actions.ts';
import { createPageShell } from './page-shell.ts';
import { createRunLoop } from './run-loop.ts';
import { createRunService, type RunService } from './scheduling/run-service.ts';
import { firstScreenState, preferredLang } from './state/app-state.ts';
import { createAppStore } from './state/app-store.ts';
import { decodeUrl, encodeUrl, linkPart } from './url/url-codec.ts';
import { urlProblemText } from './views/messages-view.ts';

/**
 * Starts the app in `root`: reads the link into the store, builds the page shell, and
 * runs the model for every change that needs it.
 */
export function startApp(root: HTMLElement, runs: RunService = createRunService()): void {
  const lang = preferredLang(navigator.languages ?? [navigator.language]);
  const part = linkPart(location.search, location.hash);
  const decoded = part ? decodeUrl(part, lang) : { state: firstScreenState(lang), problems: [] };
  // The three parts report to each other only after all of them exist.
  const store = createAppStore(decoded.state, (change) => {
    shell.stateChanged(change);
    if (change.rerun) loop.request();
  });
  const loop = createRunLoop(root, runs, store, {
    status: (s) => shell.setStatus(s),
    show: (r) => shell.showResults(r),
    cancellable: (shown) => shell.setCancellable(shown),
  });
  const header = createHeaderActions(store, loop, (notice) => shell.notify(notice));
  const shell = createPageShell(root, { store, runs, results: () => loop.results, header, cancel: () => loop.cancel() });

  if (decoded.problems.length) {
    const problems = decoded.problems;
    shell.notify({ kind: 'warning', text: (t) => t('msg.linkProblems'), details: (t, lang) => problems.map((p) => urlProblemText(p, t, lang)) });
  }
  shell.renderAll();
  store.writeUrl();
  loop.request();

  // A link pasted into the address bar of an open app changes only the fragment: no reload.
  window.addEventListener('hashchange', () => {
    if (!location.hash.includes('=')) return;
    const next = decodeUrl(linkPart('', location.hash), store.state.lang);
    if (encodeUrl(next.state) === encodeUrl(store.state)) return;
    if (next.problems.length) {
      const problems = next.problems;
      shell.notify({ kind: 'warning', text: (t) => t('msg.linkProblems'), details: (t, lang) => problems.map((p) => urlProblemText(p, t, lang)) });
    }
    store.apply(next.state, { rerun: true, rebuild: true });
  });
}
