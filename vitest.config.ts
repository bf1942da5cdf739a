import { defineConfig } from 'vitest/config';

// Three projects: fast pure unit tests; build tests that run `astro build` on fixture content
// (one build at a time: they share the project's .astro folder); browser tests against the
// built site served by nginx.
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Dates must not depend on the machine's zone: run the unit tests far from Oslo.
          env: { TZ: 'America/New_York' },
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/sites.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
