import type { Lang } from '../state/app-state.ts';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { MessageKey } from './en.ts';

/** The string table of each language. */
export const TABLES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, 'zh-CN': zhCN };

/** Values filled into a message's `{name}` slots. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The text of `key` in `lang` with `{name}` slots filled from `params`. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const text = TABLES[lang][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Returns a translator for `lang`. */
export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** Whether a string is a key of the tables (for keys built at run time). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
