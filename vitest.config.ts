import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // no resident servers from the hundreds of checks the suite runs; test/server.test.ts turns them on itself
    env: { SCHEMAGUARD_SERVER: '0' },
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
