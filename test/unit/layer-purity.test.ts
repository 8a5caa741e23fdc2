import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers' tsconfigs make purity a compile error: each fixture under test/fixtures/layers
 * uses one host API, and is compiled alone with a layer's compiler options.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/layers/${name}`, import.meta.url));

function compilerOptions(config: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(`${root}${config}`, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${config}`);
  return parsed.options;
}

/** The messages of the errors `file` gives under `config`. */
function errorsOf(config: string, file: string): string[] {
  const program = ts.createProgram({ rootNames: [fixture(file)], options: compilerOptions(config) });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('layer tsconfigs', () => {
  it('the core (model, scenario) knows no DOM: `document` does not compile', () => {
    expect(errorsOf('tsconfig.core.json', 'uses-document.ts')).toEqual([expect.stringMatching(/Cannot find name 'document'/)]);
  });

  it('the core knows no Node: neither `node:fs` nor `process` compiles', () => {
    expect(errorsOf('tsconfig.core.json', 'uses-node-fs.ts')).toEqual([expect.stringMatching(/Cannot find module 'node:fs'/)]);
    expect(errorsOf('tsconfig.core.json', 'uses-process.ts')).toEqual([expect.stringMatching(/Cannot find name 'process'/)]);
  });

  it('the app knows the DOM but not Node', () => {
    expect(errorsOf('tsconfig.app.json', 'uses-document.ts')).toEqual([]);
    expect(errorsOf('tsconfig.app.json', 'uses-node-fs.ts')).toEqual([expect.stringMatching(/Cannot find module 'node:fs'/)]);
    expect(errorsOf('tsconfig.app.json', 'uses-process.ts')).toEqual([expect.stringMatching(/Cannot find name 'process'/)]);
  });

  it('the CLI knows Node but not the DOM', () => {
    expect(errorsOf('tsconfig.node.json', 'uses-node-fs.ts')).toEqual([]);
    expect(errorsOf('tsconfig.node.json', 'uses-process.ts')).toEqual([]);
    expect(errorsOf('tsconfig.node.json', 'uses-document.ts')).toEqual([expect.stringMatching(/Cannot find name 'document'/)]);
  });

  it('the browser worker entry knows a worker’s globals, not the page', () => {
    expect(errorsOf('tsconfig.worker.json', 'uses-document.ts')).toEqual([expect.stringMatching(/Cannot find name 'document'/)]);
  });

  it('the core tsconfig covers the model and the scenario layer', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.core.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const files = (parsed?.fileNames ?? []).map((f) => f.slice(root.length));
    expect(files).toContain('src/model/simulate.ts');
    expect(files).toContain('src/model/portable-math.ts');
    expect(files).toContain('src/scenario/schema.ts');
    expect(files.filter((f) => f.startsWith('src/app/') || f.startsWith('src/cli/'))).toEqual([]);
  });
});
