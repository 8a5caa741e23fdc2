/** Attributes that name what a control is, the same in every language. */
const IDENTITY = ['data-tab', 'data-lang', 'data-lever', 'data-param', 'data-abm-field', 'data-path', 'data-chart', 'data-kind', 'data-index', 'type'];

/** Where the focus was: a selector and which of its matches. */
export interface FocusKey {
  selector: string;
  index: number;
}

function part(el: Element): string {
  if (el.id) return `#${CSS.escape(el.id)}`;
  const cls = el.classList[0] ? `.${CSS.escape(el.classList[0])}` : '';
  const attrs = IDENTITY.filter((a) => el.hasAttribute(a))
    .map((a) => `[${a}="${CSS.escape(el.getAttribute(a) ?? '')}"]`)
    .join('');
  return `${el.tagName.toLowerCase()}${cls}${attrs}`;
}

/**
 * Describes the focused element inside `root` so that the same control can be found after
 * the page is drawn anew (in another language, or with another tab): its own tag, class and
 * identifying attributes, under its nearest identified ancestor. Null when nothing in `root`
 * has the focus.
 */
export function focusKeyOf(root: Element): FocusKey | null {
  const el = document.activeElement;
  if (!el || el === document.body || !root.contains(el)) return null;
  let selector = part(el);
  if (!el.id) {
    const anc = el.parentElement?.closest(IDENTITY.map((a) => `[${a}]`).concat('[id]').join(','));
    if (anc && anc !== root && root.contains(anc)) selector = `${part(anc)} ${selector}`;
  }
  const index = [...root.querySelectorAll(selector)].indexOf(el);
  return { selector, index: Math.max(0, index) };
}

/** Puts the focus back on the control `key` describes, if the focus was lost in the redraw. */
export function restoreFocus(root: Element, key: FocusKey | null): void {
  if (!key) return;
  const now = document.activeElement;
  if (now && now !== document.body && root.contains(now)) return;
  const all = root.querySelectorAll<HTMLElement>(key.selector);
  (all[key.index] ?? all[0])?.focus();
}
