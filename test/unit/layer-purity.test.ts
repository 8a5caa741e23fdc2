import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers' tsconfigs make purity a compile error: each fixture under test/fixtures/layers
 * uses one host API, and is compiled alone with a layer's compiler options.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/layers/${name}`, import.meta.url));

function parseConfig(config: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(`${root}${config}`, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${config}`);
  return parsed;
}

/** The messages of the errors `file` gives when compiled alone under `config`. */
function errorsOf(config: string, file: string): string[] {
  const program = ts.createProgram({ rootNames: [fixture(file)], options: parseConfig(config).options });
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

  // A library's types can bring Node's globals into a layer's program (csv-stringify's
  // reference Node's): the core's and the app's programs, all files read, hold no Node types.
  it.each(['tsconfig.core.json', 'tsconfig.app.json', 'tsconfig.worker.json'])('%s reads no Node types, not even through a library', (config) => {
    const parsed = parseConfig(config);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const files = program.getSourceFiles().map((f) => f.fileName);
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => f.includes('/@types/node/'))).toEqual([]);
  });

  it('the Node tsconfig does read them (so the check above can fail)', () => {
    const parsed = parseConfig('tsconfig.node.json');
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    expect(program.getSourceFiles().some((f) => f.fileName.includes('/@types/node/'))).toBe(true);
  });

  it('the core tsconfig covers the model and the scenario layer', () => {
    const files = parseConfig('tsconfig.core.json').fileNames.map((f) => f.slice(root.length));
    expect(files).toContain('src/model/simulate.ts');
    expect(files).toContain('src/model/portable-math.ts');
    expect(files).toContain('src/model/params/schema.ts');
    expect(files).toContain('src/scenario/parse.ts');
    expect(files).toContain('src/experiment/plan/experiment-plan.ts');
    expect(files.filter((f) => f.startsWith('src/app/') || f.startsWith('src/cli/'))).toEqual([]);
  });
});
