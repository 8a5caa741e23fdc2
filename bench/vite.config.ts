import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import pkg from '../package.json' with { type: 'json' };

// The benchmark suite, built like the CLI (SSR build for Node) so it times built code:
// running through tsx would add its own overhead. The library itself is loaded at run
// time from dist-node/ (what users run), never bundled here.
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys((pkg as { dependencies?: Record<string, string> }).dependencies ?? {}),
  ...Object.keys(pkg.devDependencies ?? {}),
];

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      input: { run: 'run.ts' },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', format: 'es' },
    },
  },
});
