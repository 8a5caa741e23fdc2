/**
 * Replaces the text between `<!-- name:begin -->` and `<!-- name:end -->` in `doc` with
 * `content` (the markers stay). Throws, naming the markers, when they are missing, so a
 * generated table is never appended to the wrong place.
 */
export function replaceSection(doc: string, name: string, content: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers ${begin} … ${end} not found`);
  return `${doc.slice(0, i + begin.length)}\n${content.trimEnd()}\n${doc.slice(j)}`;
}

/** The text between the markers of `name` (without the surrounding newlines). */
export function readSection(doc: string, name: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers ${begin} … ${end} not found`);
  return doc.slice(i + begin.length, j).trim();
}
