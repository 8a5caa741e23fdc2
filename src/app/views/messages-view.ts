import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import type { Translate } from '../i18n/messages.ts';
import { engineMessage } from '../i18n/engine-messages.ts';
import type { Lang } from '../state/app-state.ts';
import type { UrlProblem } from '../url/url-codec.ts';
import { VERSION } from '../../version.ts';

/** A notice above the results; its text is made in the current language when shown. */
export interface Notice {
  id: number;
  kind: 'warning' | 'info' | 'error';
  text(t: Translate): string;
  /** Lines under the text; `lang` for messages of the checks, which are written in English. */
  details?(t: Translate, lang: Lang): string[];
}

/** The sentence for one problem of a link; `lang` translates the check's own words. */
export function urlProblemText(p: UrlProblem, t: Translate, lang: Lang = 'en'): string {
  switch (p.kind) {
    case 'unknown-param':
      return t('msg.unknownParam', { name: p.name });
    case 'bad-value':
      return t('msg.badValue', { name: p.name, detail: engineMessage(p.detail, lang) });
    case 'unknown-preset':
      return t('msg.unknownPreset', { value: p.value });
    case 'bad-lang':
      return t('msg.badLang', { value: p.value });
    case 'clamped':
      return t('msg.clamped', { name: p.name, value: p.value, to: p.to });
    case 'old-version':
      return t('msg.oldVersion', { version: p.version, current: VERSION });
  }
}

/** The list of notices, each with a dismiss button. */
export function messagesView(ctx: AppContext, notices: readonly Notice[], dismiss: (id: number) => void): HTMLElement {
  const { t } = ctx;
  return h(
    'div',
    { class: 'messages' },
    ...notices.map((n) => {
      const details = n.details?.(t, ctx.state.lang) ?? [];
      return h(
        'div',
        { class: `notice ${n.kind}`, 'data-notice': n.kind },
        h('div', { class: 'notice-text' }, h('p', {}, n.text(t)), details.length ? h('ul', {}, ...details.map((d) => h('li', {}, d))) : null),
        h('button', { type: 'button', class: 'dismiss', 'aria-label': t('msg.dismiss'), title: t('msg.dismiss'), onclick: () => dismiss(n.id) }, '×'),
      );
    }),
  );
}
