import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    // Ceilings, not budgets: tests wait on events (test/support/wait.ts); these only stop a hang.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // CI also writes a JSON summary, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.data/vitest-results.json' }]] : ['default'],
  },
});
