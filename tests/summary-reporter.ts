/**
 * After Vitest's own summary: the time each test file took (slowest first, so the next slow
 * file is visible in every CI log) and the wall time of the run, then one
 * plain closing line, "vitest: N passed, N failed". A module that failed to load counts as a
 * failure.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** Files that took less than this are summed into one line. */
const LISTED_MS = 1000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);

export default class SummaryReporter implements Reporter {
  private started = 0;

  onInit(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    const timed = testModules
      .map((module) => {
        const d = module.diagnostic();
        return { file: module.relativeModuleId, ms: d.collectDuration + d.setupDuration + d.duration };
      })
      .sort((a, b) => b.ms - a.ms);
    const listed = timed.filter((t) => t.ms >= LISTED_MS);
    const rest = timed.filter((t) => t.ms < LISTED_MS);
    const end = performance.now();
    const lines = [
      '',
      'Time per test file (import and tests; files run side by side):',
      ...listed.map((t) => `${seconds(t.ms)}  ${t.file}`),
      ...(rest.length
        ? [`${seconds(rest.reduce((sum, t) => sum + t.ms, 0))}  ${rest.length} more file(s) under 1 s each`]
        : []),
      `${seconds(end - this.started)}  wall time of the run`,
      '',
      `vitest: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  }
}
