// Content as an attacker or a careless editor brings it: symbolic links out of the content
// folder, and bodies nested thousands of levels deep. Each fails the build quickly with a clean
// report (file, line, what is wrong, the fix; no stack trace), and nothing outside the content
// folder is read or published.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT_ROOT, type BuildResult } from '../helpers/build';

const NOW = { BUILD_NOW: '2020-11-01T12:00:00+01:00' };
const root = join(OUTPUT_ROOT, 'content-hostile');
const article = (dir: string, name: string, body = 'Tekst.', title = name) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, name),
    `---\ntitle: "${title}"\ndate: 2020-10-09T12:00:00+02:00\ncategory: utenriks\nbyline: NTB\n---\n\n${body}\n`,
  );
};
/** Lines of a report, and anything that is not one (Astro's stack traces, object dumps). */
const noise = (output: string) =>
  ['Location:', 'Stack trace', '    at ', 'fatal:', 'Error rendering', 'VFileMessage'].filter((s) =>
    output.includes(s),
  );

describe('symbolic links under articles/', () => {
  const content = join(root, 'links');
  const outside = join(root, 'outside');
  let build: BuildResult;
  let check: { status: number | null; output: string };
  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    article(join(content, 'articles'), 'vanlig.md');
    // Outside the content folder: a folder of articles and one article. The article's YAML is
    // broken, so if anything read it, the report would say so.
    article(outside, 'hemmelig.md', 'Hemmelig tekst.', 'Hemmelig sak');
    writeFileSync(join(outside, 'odelagt.md'), '---\ntitle: a: b\n---\n\nTekst.\n');
    symlinkSync(outside, join(content, 'articles', 'lenket-mappe'));
    symlinkSync(join(outside, 'odelagt.md'), join(content, 'articles', 'lenket.md'));
    build = buildSite('hostile-links', { ...NOW, CONTENT_DIR: content });
    const run = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      env: { ...process.env, CONTENT_DIR: content },
      encoding: 'utf8',
    });
    check = { status: run.status, output: run.stdout + run.stderr };
  });

  it('fail the build, naming each link, before any article is read', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('2 errors in 2 article files:');
    expect(build.output).toContain(
      '✗ articles/lenket-mappe: is a symbolic link; links to articles or folders under articles/ are not followed. Copy the article (or folder) into articles/ instead of linking to it.',
    );
    expect(build.output).toContain('✗ articles/lenket.md: is a symbolic link');
    expect(build.output).not.toContain('not valid YAML');
    expect(build.output).not.toContain('Hemmelig');
    expect(noise(build.output)).toEqual([]);
  });

  it('are refused by npm run check:content too', () => {
    expect(check.status).toBe(1);
    expect(check.output).toContain('✗ articles/lenket-mappe: is a symbolic link');
    expect(check.output).toContain('✗ articles/lenket.md: is a symbolic link');
    expect(check.output).not.toContain('not valid YAML');
  });
});

describe('bodies nested thousands of levels deep', () => {
  const content = join(root, 'deep');
  let build: BuildResult;
  beforeAll(() => {
    const articles = join(content, 'articles');
    const list = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- nivå ${i + 1}`).join('\n');
    article(articles, 'liste.md', `Innledning.\n\n${list}`);
    article(articles, 'sitater.md', `${'> '.repeat(5000)}Sitat.`);
    article(articles, 'div.md', `${'<div>'.repeat(5000)}Tekst${'</div>'.repeat(5000)}`);
    article(articles, 'vanlig.md', '- en\n  - to\n    - tre\n\n> > Sitat i sitat.');
    build = buildSite('hostile-deep', { ...NOW, CONTENT_DIR: content });
  }, 120_000);

  it('fail the build with the file, the line and what nests too deeply', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('3 errors in 3 article files:');
    expect(build.output).toMatch(
      /✗ articles\/liste\.md:\d+: The text nests lists and quotes 1\d{3} levels deep; the limit is 100\. Flatten the lists and quotes/,
    );
    expect(build.output).toMatch(
      /✗ articles\/sitater\.md:8: The text nests lists and quotes 5000 levels deep/,
    );
    expect(build.output).toMatch(
      /✗ articles\/div\.md:8: The text nests HTML elements 5000 levels deep; the limit is 100\. Close the HTML elements/,
    );
    expect(build.output.split('\n').filter((line) => line.includes('✗ articles/vanlig.md'))).toEqual([]);
    expect(build.output).not.toContain('Maximum call stack');
    expect(noise(build.output)).toEqual([]);
  });
});

describe('a 1 MB article (a document pasted in)', () => {
  const content = join(root, 'large');
  let build: BuildResult;
  beforeAll(() => {
    const paragraph = 'Dette er en veldig lang tekst som noen limte inn ved en feil, avsnitt for avsnitt. ';
    article(
      join(content, 'articles'),
      'stor.md',
      Array(12_000).fill(paragraph).join('\n\n'),
      'Den store saken',
    );
    build = buildSite('hostile-large', { ...NOW, CONTENT_DIR: content });
  }, 180_000);

  it('builds, with a warning that names the file and the size', () => {
    expect(build.status).toBe(0);
    expect(build.output).toMatch(/! articles\/stor\.md: The text is 1\d{3} kB, more than 100 kB/);
  });

  it('puts only the summary and a link in the feeds, never the whole text', () => {
    const rss = readFileSync(join(build.outDir, 'rss.xml'), 'utf8');
    const json = JSON.parse(readFileSync(join(build.outDir, 'feed.json'), 'utf8')) as {
      items: { content_html: string }[];
    };
    expect(rss.length).toBeLessThan(20_000);
    expect(json.items[0]?.content_html).toContain('Les hele saken på nettstedet');
    expect(readFileSync(join(build.outDir, 'atom.xml'), 'utf8').length).toBeLessThan(20_000);
  });
});
