import { defineConfig } from 'vite';

// The browser app: index.html → dist/, a static site with relative paths, so any static
// server (or a sub-folder of one) can host it; every asset is bundled, nothing is fetched
// from elsewhere, and it keeps working offline once loaded.
export default defineConfig({
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
});
