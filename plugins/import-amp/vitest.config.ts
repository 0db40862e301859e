import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['@radium-stats/core/testing/temp-root'],
    testTimeout: 30_000,
  },
});
