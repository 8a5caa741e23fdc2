/** A child of {@link h}: nodes and text; null, undefined and false are skipped. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes of {@link h}: `class`, `text`, `html`, `on<event>` handlers, properties or attributes. */
export type Attrs = Record<string, unknown>;

/**
 * Creates an element: `h('button', { class: 'x', onclick: f }, 'Label')`. Keys starting
 * with `on` add listeners; `value`, `checked`, `disabled`, `selected` set properties; `html`
 * sets trusted markup (chart SVG built by our own pure functions); the rest are attributes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'html') el.innerHTML = String(v);
    else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'selected')
      (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Appends children to an element. */
export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
