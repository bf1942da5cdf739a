/**
 * Hand mutation testing: applies each one-line bug listed in tests/mutants.json to its file,
 * runs only that mutant's test files, puts the file back, and says whether a test caught it:
 *   npm run mutants                 every mutant
 *   npm run mutants -- dates nginx  only mutants whose file path contains one of the words
 * A mutant survives when its tests pass with the bug in place: a test is missing. Exits 1 when
 * any survives. It changes source files while it runs (each is restored, also on Ctrl-C), so do
 * not run it beside another test run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

interface Mutant {
  file: string;
  from: string;
  to: string;
  why: string;
  tests: string[];
}

const { mutants } = JSON.parse(readFileSync('tests/mutants.json', 'utf8')) as { mutants: Mutant[] };
const filters = process.argv.slice(2);
const chosen = mutants.filter((m) => filters.length === 0 || filters.some((f) => m.file.includes(f)));

/** The file being mutated and its original text, restored on any exit. */
let applied: { file: string; text: string } | undefined;
const restore = () => {
  if (applied) writeFileSync(applied.file, applied.text);
  applied = undefined;
};
process.on('exit', restore);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    restore();
    process.exit(130);
  });
}

/** Runs test files; the counts from the summary line (tests/summary-reporter.ts). */
function runTests(files: readonly string[]): { passed: number; failed: number } {
  const run = spawnSync('vitest', ['run', ...files], { encoding: 'utf8' });
  if (run.error) throw run.error;
  const counts = /vitest: (\d+) passed, (\d+) failed/.exec(`${run.stdout}${run.stderr}`);
  // No summary (the files did not load, none was found): that says nothing about the tests.
  if (!counts)
    throw new Error(
      `vitest run ${files.join(' ')} gave no summary:\n${run.stdout}${run.stderr}`.slice(-3000),
    );
  return { passed: Number(counts[1]), failed: Number(counts[2]) };
}

const started = performance.now();
// Without any mutant every test must pass, or a "caught" below would mean nothing.
const baseline = runTests([...new Set(chosen.flatMap((m) => m.tests))]);
if (baseline.failed > 0)
  throw new Error(`${baseline.failed} test(s) fail without any mutant: fix them first.`);
console.log(`Without mutants: ${baseline.passed} tests pass.`);
let survived = 0;
for (const [index, mutant] of chosen.entries()) {
  const text = readFileSync(mutant.file, 'utf8');
  const at = text.indexOf(mutant.from);
  if (at < 0 || text.indexOf(mutant.from, at + 1) >= 0) {
    throw new Error(
      `${mutant.file}: the text of mutant ${index + 1} (${mutant.why}) must occur exactly once.`,
    );
  }
  applied = { file: mutant.file, text };
  writeFileSync(mutant.file, text.slice(0, at) + mutant.to + text.slice(at + mutant.from.length));
  const t0 = performance.now();
  let result;
  try {
    result = runTests(mutant.tests);
  } finally {
    restore();
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  // Caught: an assertion failed with the bug in place.
  const caught = result.failed > 0;
  if (!caught) survived++;
  const row = `${caught ? 'caught  ' : 'SURVIVED'}  ${seconds.padStart(5)} s  ${mutant.file}: ${mutant.why}`;
  console.log(row);
}
const total = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  `\nmutants: ${chosen.length - survived} caught, ${survived} survived, of ${chosen.length} (${total} s)`,
);
process.exitCode = survived > 0 ? 1 : 0;
