/** html-validate with the project's .htmlvalidate.mjs, over built pages. */
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** Problems in one HTML file as "file:line ruleId message" lines; empty when valid. */
export async function htmlProblems(file: string): Promise<string[]> {
  const report = await validator.validateFile(file);
  return report.results.flatMap((result) =>
    result.messages.map((m) => `${result.filePath}:${m.line} ${m.ruleId} ${m.message}`),
  );
}
