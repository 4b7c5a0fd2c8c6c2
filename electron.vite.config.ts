import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// MEELOOP_OUT_DIR moves the build (default out/), so that parallel test runs do not overwrite each other.
const outDir = process.env.MEELOOP_OUT_DIR ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${outDir}/main`,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          // Spreadsheets are parsed in a worker with time and memory limits; it needs its own entry.
          'parse-worker': resolve(__dirname, 'src-main/io/spreadsheet/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${outDir}/preload`,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      outDir: resolve(__dirname, outDir, 'renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
    plugins: [react()],
  },
});
