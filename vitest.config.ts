import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects: fast pure unit tests; build tests that run `astro build` on fixture content;
// browser tests against the built site served by nginx. Every fixture build has its own root
// and folders (tests/helpers/build.ts), so test files run side by side, one per core; the sites
// several files read are built once per run, before them (tests/sites.ts). The browser tests
// run after the builds (sequence.groupOrder): they wait on pages and timers, and a machine busy
// with builds makes them slow without making the builds faster.
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          // Dates must not depend on the machine's zone: run the unit tests far from Oslo.
          env: { TZ: 'America/New_York' },
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/sites.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 30_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/sites.ts'],
          sequence: { groupOrder: 1 },
          // A guard against hangs, not a speed check: two browsers side by side on a slow
          // machine take minutes over an axe pass of every page kind.
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
