/**
 * The W3C Nu Html Checker (vnu.jar from the `vnu-jar` npm package, run by Debian's
 * default-jre-headless): the checker browsers' and the W3C's own validator use, written by
 * nobody on this project. Returns its errors, one line each, for the files given.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

export function nuErrors(files: string[], root: string): string[] {
  if (files.length === 0) throw new Error('nuErrors: no files to check');
  const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error)
    throw new Error(`The Nu checker needs Java (apt-get install default-jre-headless): ${run.error.message}`);
  // vnu writes its report to stderr; exit status 1 means "errors found".
  let report: { messages?: NuMessage[] };
  try {
    report = JSON.parse(run.stderr) as { messages?: NuMessage[] };
  } catch {
    throw new Error(`The Nu checker did not report (status ${run.status}):\n${run.stderr.slice(0, 2000)}`);
  }
  return (report.messages ?? [])
    .filter((m) => m.type !== 'info')
    .map((m) => {
      const file = m.url ? relative(root, fileURLToPath(m.url)) : '?';
      return `${file}:${m.lastLine ?? 0}: ${m.subType === 'fatal' ? 'fatal: ' : ''}${m.message}`;
    });
}
