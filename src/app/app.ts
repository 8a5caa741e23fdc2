import { createHeaderActions } from './header-actions.ts';
import { createPageShell } from './page-shell.ts';
import { createRunLoop } from './run-loop.ts';
import { createRunService, type RunService } from './scheduling/run-service.ts';
import { preferredLang } from './state/app-state.ts';
import { createAppStore } from './state/app-store.ts';
import { decodeUrl } from './url/url-codec.ts';
import { urlProblemText } from './views/messages-view.ts';

/**
 * Starts the app in `root`: reads the link into the store, builds the page shell, and
 * runs the model for every change that needs it.
 */
export function startApp(root: HTMLElement, runs: RunService = createRunService()): void {
  const decoded = decodeUrl(location.search, preferredLang(navigator.languages ?? [navigator.language]));
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
    shell.notify({ kind: 'warning', text: (t) => t('msg.linkProblems'), details: (t) => problems.map((p) => urlProblemText(p, t)) });
  }
  shell.renderAll();
  store.writeUrl();
  loop.request();
}
