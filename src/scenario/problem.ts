/** One problem found in user input: where, and what is wrong. */
export interface Problem {
  /** Dotted field path, e.g. `policy.taxRelief`; empty for the whole document. */
  path: string;
  message: string;
}

/** A value or the list of problems that prevented it. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Formats problems one per line, `path: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
}
