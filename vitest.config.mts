import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    alias: { electron: new URL('./test/helpers/electron-mock.ts', import.meta.url).pathname },
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
