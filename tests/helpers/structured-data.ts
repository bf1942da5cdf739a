/**
 * Structured data in built pages: the JSON-LD blocks parsed, and the check of
 * `structured-data-testing-tool` (written by nobody on this project) with its Google presets.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
interface TestResult {
  passed: { test: string }[];
  failed: { test: string }[];
}
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest(html: string, options: unknown): Promise<TestResult>;
};
const { Google } = require('structured-data-testing-tool/presets') as Record<string, unknown>;

/** The JSON-LD blocks of a page, parsed. */
export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? '') as Record<string, unknown>,
  );
}

/** The names of the Google preset's tests that `schema` passed and failed on the page. */
export async function googleStructuredData(
  html: string,
  schema: string,
): Promise<{ passed: string[]; failed: string[] }> {
  // The tool rejects with its result when a test fails.
  const result = await structuredDataTest(html, { presets: [Google], schemas: [schema] }).catch(
    (error: { res: TestResult }) => error.res,
  );
  return { passed: result.passed.map((p) => p.test), failed: result.failed.map((f) => f.test) };
}
