import { h } from './dom.ts';
import type { AppStore } from './state/app-store.ts';
import { TABS } from './state/app-state.ts';

/**
 * The page's one live region: it stays in the page (a region made anew is not read out) and
 * says each finished result, error or cancel once.
 */
export function createAnnouncer(): HTMLElement {
  return h('div', { class: 'announcer visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
}

/** The skip link to `target`. The fragment holds the app's state, so it moves the focus instead of the address. */
export function createSkipLink(target: () => HTMLElement): HTMLAnchorElement {
  return h('a', {
    class: 'skip-link',
    href: '#results',
    onclick: (ev: Event) => {
      ev.preventDefault();
      target().focus();
    },
  });
}

/** The arrow keys, Home and End between the view tabs (the ARIA tabs pattern); the focus follows the tab chosen. */
export function tabKeys(tabs: HTMLElement, store: AppStore): void {
  tabs.addEventListener('keydown', (ev) => {
    const i = TABS.indexOf(store.state.tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[ev.key];
    if (to === undefined) return;
    ev.preventDefault();
    const tab = TABS[(to + TABS.length) % TABS.length];
    store.apply({ ...store.state, tab }, {});
    tabs.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  });
}
