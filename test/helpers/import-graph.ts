import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import of a source file: the file it names (repo-relative) or the package it names. */
export interface ImportEdge {
  from: string;
  /** Repo-relative path of the imported file, or the package name for a bare specifier. */
  to: string;
  /** True for a bare specifier (`zod`, `node:fs`, `@stdlib/...`). */
  external: boolean;
}

/** Every `.ts` file under `dirs` (repo-relative), declaration files left out. */
function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.m?ts$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  for (const d of dirs) if (existsSync(join(root, d))) walk(join(root, d));
  return out.sort();
}

/** The package a bare specifier names: `@scope/name` or `name` (`mathjs/number` is `mathjs`). */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The import graph of the TypeScript sources under `dirs`, read by the compiler's own
 * pre-processor (static imports and re-exports, `import type`, and `import()` with a literal).
 */
export function importGraph(root: string, dirs: readonly string[]): { files: string[]; edges: ImportEdge[] } {
  const files = sourceFiles(root, dirs);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const info = ts.preProcessFile(readFileSync(join(root, from), 'utf8'), true, true);
    for (const { fileName: spec } of info.importedFiles) {
      if (!spec.startsWith('.')) {
        edges.push({ from, to: packageOf(spec), external: true });
        continue;
      }
      const abs = resolve(root, dirname(from), spec);
      const to = relative(root, existsSync(abs) ? abs : `${abs}.ts`).split(sep).join('/');
      edges.push({ from, to, external: false });
    }
  }
  return { files, edges };
}

/** The file circles of a graph (strongly connected sets of more than one file, or a file importing itself). */
export function importCircles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.external) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's algorithm, iterative so that a long chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const targets = next.get(top.node) ?? [];
      if (top.i < targets.length) {
        const w = targets[top.i++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const set: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          set.push(w);
        } while (w !== top.node);
        if (set.length > 1 || targets.includes(top.node)) circles.push(set.sort());
      }
    }
  }
  return circles;
}

/**
 * Layers from the ground up: each entry is one floor, and each path on a floor (a folder or
 * a file, repo-relative) is a part of its own. A part may import its own files and the parts
 * of lower floors; an import of a higher floor, or of another part on the same floor, runs
 * back up.
 */
export type Layers = readonly (readonly string[])[];

/** Floor and part of a file: the longest listed path that holds it. */
function placeOf(layers: Layers, file: string): { floor: number; part: string } | undefined {
  let best: { floor: number; part: string } | undefined;
  layers.forEach((parts, floor) => {
    for (const part of parts) {
      const holds = file === part || file.startsWith(`${part}/`);
      if (holds && (!best || part.length > best.part.length)) best = { floor, part };
    }
  });
  return best;
}

/** The imports between parts that run back up, as `from -> to`; files on no floor are listed as such. */
export function upwardImports(layers: Layers, edges: readonly ImportEdge[], allowed: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const e of edges) {
    if (e.external || allowed.includes(e.from)) continue;
    const a = placeOf(layers, e.from);
    const b = placeOf(layers, e.to);
    if (!a) out.push(`${e.from} is on no floor`);
    else if (!b) out.push(`${e.from} -> ${e.to} (on no floor)`);
    else if (a.part !== b.part && a.floor <= b.floor) out.push(`${e.from} -> ${e.to}`);
  }
  return [...new Set(out)];
}
