import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';

// The Node build: library entry, CLI and Node worker, as ES modules in dist-node/.
const entries: Record<string, string> = {
  index: 'src/index.ts',
  cli: 'src/cli/main.ts',
  'node-worker': 'workers/node-worker.ts',
  'game-worker': 'workers/game-worker.ts',
};
const input = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
// Dependencies are bundled: only the parts in use are loaded (the whole of mathjs takes
// about 0.35 s to import), and a worker thread starts without resolving and compiling
// hundreds of small CommonJS modules (@stdlib) one by one.
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig({
  ssr: { noExternal: true },
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
