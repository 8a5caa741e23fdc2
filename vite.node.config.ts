import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import pkg from './package.json' with { type: 'json' };

// The Node build: library entry, CLI and Node worker, as ES modules in dist-node/.
const entries: Record<string, string> = {
  index: 'src/index.ts',
  cli: 'src/cli/main.ts',
  'node-worker': 'workers/node-worker.ts',
};
const input = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
// mathjs is bundled so that only the parts in use (the parser, eigs) are loaded: the
// whole library takes about 0.35 s to import, which every CLI start would pay.
const bundled = new Set(['mathjs']);
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies ?? {}).filter((d) => !bundled.has(d)),
];

export default defineConfig({
  ssr: { noExternal: [...bundled] },
  build: {
    ssr: true,
    outDir: 'dist-node',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input,
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', format: 'es' },
    },
  },
});
