import { defineConfig } from 'vitest/config';

// Two projects: fast pure unit tests, and build tests that run `astro build` on fixture content
// (one build at a time: they share the project's .astro folder).
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
    ],
  },
});
