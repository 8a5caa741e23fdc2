import type { Lang } from '../state/app-state.ts';
import { ENGINE_ZH, PHRASES_ZH } from './engine-zh.ts';

/** A scenario path in front of a message: `policy.taxRelief: …`, `world.firms: …`, `[2].x: …`. */
const PATH_PREFIX = /^([A-Za-z$][\w$]*(?:\.[\w$]+|\[\d+\])*): (.+)$/s;

function zh(text: string, depth: number): string {
  // `path: message`: keep the path, say the rest in Chinese.
  const path = PATH_PREFIX.exec(text);
  if (path && depth < 3) return `${path[1]}：${zh(path[2], depth + 1)}`;
  for (const [re, out] of ENGINE_ZH) {
    const m = re.exec(text);
    if (m) {
      // A message quoted inside (the sandbox's reason in a lever's) is translated too.
      let s = text.replace(re, out).replace(/（(.+?)）/, (all, inner: string) => (inner === m[2] && depth < 3 ? `（${zh(inner, depth + 1)}）` : all));
      for (const [p, q] of PHRASES_ZH) s = s.replace(p, q);
      return s;
    }
  }
  const missing = /^missing; (.+)$/s.exec(text);
  if (missing && depth < 3) return `缺失；${zh(missing[1], depth + 1)}`;
  return text;
}

/**
 * A message of the model, the sandbox or the checks in the page's language. They are written
 * in English (the command line's language); in Chinese each known message is translated with
 * the names and numbers it quotes kept as they are. An unknown message stays as it is.
 */
export function engineMessage(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return text
    .split('\n')
    .map((line) => zh(line, 0))
    .join('\n');
}
