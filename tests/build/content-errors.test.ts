// Bad articles fail the build with every problem named (file, field, fix), warnings are
// summarised, and nothing in content can run script in a page.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, OUTPUT_ROOT, readPage, type BuildResult } from '../helpers/build';

const NOW = { BUILD_NOW: '2020-11-01T12:00:00+01:00' };

function checkContent(contentDir: string) {
  const result = spawnSync(process.execPath, ['scripts/check-content.ts'], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** Elements and attributes in a page that could run script, as readable strings. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      const { tagName, properties } = node;
      if (tagName === 'script' && properties.type !== 'application/ld+json') found.push('<script>');
      if (['iframe', 'object', 'embed', 'frame'].includes(tagName)) found.push(`<${tagName}>`);
      for (const [name, value] of Object.entries(properties)) {
        if (/^on/i.test(name)) found.push(`${tagName}[${name}]`);
        if (
          /^(href|src|action|formAction)$/.test(name) &&
          /^\s*(javascript|data|vbscript):/i.test(String(value))
        ) {
          found.push(`${tagName}[${name}=${String(value)}]`);
        }
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromHtml(html));
  return found;
}

/** The "✗ …" lines of a report. */
const errorLines = (output: string) => output.split('\n').filter((l) => l.trimStart().startsWith('✗ '));

describe('a folder of bad articles', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite('bad', { ...NOW, CONTENT_DIR: 'tests/fixtures/bad' });
  });

  it('fails the build', () => {
    expect(build.status).not.toBe(0);
    // No page anywhere, not even in the cache (rendered text fragments of good articles are
    // cached for the next build, src/lib/content/body-files.ts, but they are not pages).
    const files = listFiles(build.outDir.replace(/dist$/, ''));
    expect(files.filter((f) => f.endsWith('.html') && !f.startsWith('cache/article-bodies/'))).toEqual([]);
  });

  it.each([
    ['articles/tom-tittel.md → title', '"title" is empty'],
    ['articles/mangler-tittel.md → title', '"title" is required'],
    ['articles/ukjent-kategori.md → category', 'must be one of: innenriks, utenriks, politikk, okonomi'],
    ['articles/mangler-dato.md → date', '"date" is required'],
    ['articles/umulig-dato.md → date', '"2020-10-32" is not a real calendar date'],
    ['articles/umulig-dato-med-tid.md → date', 'is not a real calendar date and time'],
    ['articles/dato-uten-tid.md → date', 'has no time of day'],
    ['articles/aar-0050.md → date', 'has the year 0050, outside 1800–2999'],
    ['articles/alias-bombe.md → b', 'repeats a list or block through a YAML alias'],
    ['articles/oppdatert-for-dato.md → updated', '"updated" is before "date"'],
    ['articles/ugyldig-yaml.md', 'not valid YAML (line 2)'],
    ['articles/uavsluttet.md', 'never closed'],
    ['articles/tom-tekst.md', 'has no text'],
    ['articles/latin1.md', 'not valid UTF-8 (first bad byte at byte offset 90)'],
    ['articles/dobbel-b.md → slug', 'articles/dobbel-a.md and articles/dobbel-b.md would both be published'],
    ['articles/reservert-slug.md → slug', 'reserved'],
    ['articles/bilde-uten-alt.md:10', 'has no alt text'],
    [
      'articles/ukjent-sprak.md → lang',
      '"lang" must be nb (bokmål) or nn (nynorsk); nb-NO and nn-NO are accepted too (not "se")',
    ],
  ])('names %s', (where, what) => {
    const line = errorLines(build.output).find((l) => l.includes(`${where}:`) || l.includes(`${where} `));
    expect(line, `no error line for ${where} in:\n${build.output}`).toBeDefined();
    expect(line).toContain(what);
  });

  it('prints the report only: no stack trace, location or plugin message dump', () => {
    for (const noise of ['Location:', 'Stack trace', '    at ', 'fatal:', 'Error rendering', 'loader.ts']) {
      expect(build.output, noise).not.toContain(noise);
    }
  });

  it('reports them all in one run', () => {
    expect(build.output).toContain('18 errors in 18 article files:');
  });

  it('npm run check:content gives the same messages without building', () => {
    const check = checkContent('tests/fixtures/bad');
    expect(check.status).toBe(1);
    const lines = errorLines(check.output);
    expect(lines).toHaveLength(17); // everything but the Markdown plugin error, which needs a render
    for (const line of lines) expect(errorLines(build.output)).toContain(line);
  });
});

describe('a folder with three bad files', () => {
  it('reports all three in one build', () => {
    const build = buildSite('three-bad', { ...NOW, CONTENT_DIR: 'tests/fixtures/three-bad' });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('3 errors in 3 article files:');
    for (const file of ['ukjent-kategori.md → category', 'mangler-dato.md → date', 'ugyldig-yaml.md']) {
      expect(build.output).toContain(`articles/${file}`);
    }
  });
});

describe('warnings', () => {
  it('are listed in one summary and the build goes on', () => {
    const build = buildSite('warnings', { ...NOW, CONTENT_DIR: 'tests/fixtures/warnings' });
    expect(build.status).toBe(0);
    expect(build.output).toContain('4 warnings (the build goes on):');
    expect(build.output).toContain('articles/advarsler.md → forfatter: Unknown field "forfatter"');
    expect(build.output).toContain('articles/advarsler.md → byline: No byline.');
    expect(build.output).toContain('articles/advarsler.md:10: A paragraph starts with "- "');
    expect(build.output).toContain(
      'articles/advarsler.md:12: A paragraph starts with a number and a full stop',
    );
  });
});

describe('the catalog of checked articles (a rebuild does not parse unchanged files)', () => {
  it('still lists their warnings and checks their addresses against new files', () => {
    const contentDir = join(OUTPUT_ROOT, 'content-catalog');
    rmSync(contentDir, { recursive: true, force: true });
    cpSync('tests/fixtures/warnings', contentDir, { recursive: true });
    const env = { ...NOW, CONTENT_DIR: contentDir };
    expect(buildSite('catalog', env).status).toBe(0);
    const catalog = JSON.parse(
      readFileSync(join(OUTPUT_ROOT, 'catalog', 'cache', 'article-catalog.json'), 'utf8'),
    );
    expect(catalog.records['articles/advarsler.md']).toMatchObject({
      path: expect.stringMatching(/^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/),
      warnings: expect.arrayContaining([expect.objectContaining({ field: 'forfatter' })]),
    });
    const again = buildSite('catalog', env, { rebuild: true });
    expect(again.status).toBe(0);
    expect(again.output).toContain('4 warnings (the build goes on):');
    expect(again.output).toContain('articles/advarsler.md → forfatter: Unknown field "forfatter"');
    // A new file at the unchanged one's address: the clash names both.
    cpSync(join(contentDir, 'articles/advarsler.md'), join(contentDir, 'articles/kopi.md'));
    const clash = buildSite('catalog', env, { rebuild: true });
    expect(clash.status).not.toBe(0);
    expect(clash.output).toMatch(
      /articles\/advarsler\.md and articles\/kopi\.md would both be published at \//,
    );
  }, 90_000); // three builds, one after the other
});

describe('unsafe content', () => {
  let html: string;
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite('unsafe', { ...NOW, CONTENT_DIR: 'tests/fixtures/unsafe' });
    if (build.status !== 0) throw new Error(build.output);
    const page = listFiles(build.outDir).find(
      (f) => f.startsWith('2020/10/10/') && f.endsWith('/index.html') && f !== '2020/10/10/index.html',
    );
    html = readPage(build.outDir, `/${page}`);
  });

  it('runs no script from content anywhere', () => {
    for (const file of listFiles(build.outDir).filter((f) => f.endsWith('.html'))) {
      // Parsed as a browser would: what is an element or attribute, not what merely looks like one.
      const html = readFileSync(join(build.outDir, file), 'utf8');
      // The search page's own bundle is the one script the site has (see quality.test.ts).
      const ownScript =
        file === 'sok/index.html' ? /<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/ : /$^/;
      expect(activeContent(html.replace(ownScript, '')), file).toEqual([]);
    }
  });

  it('escapes front-matter values', () => {
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Farlig tittel');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt; Farlig ingress');
    expect(html).toContain('NTB &lt;img src=x onerror=alert(2)&gt;');
  });

  it('keeps ordinary formatting, links, images with alt text and tables', () => {
    expect(html).toContain('<strong>fet</strong>');
    expect(html).toContain('<em>kursiv</em>');
    expect(html).toContain('<a href="https://www.ntb.no/">trygg lenke</a>');
    // Each image beside the article becomes the site's own <picture>, with its alt text.
    for (const alt of ['Bilde', 'Bilde i picture', 'Et bilde med alt-tekst']) {
      expect(html).toMatch(
        new RegExp(`<picture><source type="image/avif" srcset="/_astro/bilde[^"]+"[^>]*>.*?alt="${alt}"`),
      );
    }
    // A <source> written in the article could load anything from anywhere: it is removed.
    expect(html).not.toContain('example.com/sporing.avif');
    expect(html).toMatch(/<table>[\s\S]*<td>Jerevan<\/td>/);
    expect(html).toContain('Avsnitt med hendelse');
  });

  it('the check finds active content when there is some', () => {
    expect(activeContent('<p onclick="x()"><a href="javascript:x()">a</a><script>x()</script></p>')).toEqual([
      'p[onClick]',
      'a[href=javascript:x()]',
      '<script>',
    ]);
  });

  it('keeps the JSON-LD parseable, with the title intact inside it', () => {
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(2);
    const article = JSON.parse(blocks[0]?.[1] ?? '');
    expect(article.headline).toBe('</script><script>alert(1)</script> Farlig tittel');
    expect(article.description).toBe('</script><script>alert(3)</script> Farlig ingress');
    // The first image in the body stands for the article: absolute URLs of our own resized copies.
    expect(article.image[0].url).toMatch(/^http:\/\/localhost:4321\/_astro\/bilde\.[^/]+\.jpg$/);
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/localhost:4321\/_astro\/bilde\.[^"]+\.jpg">/,
    );
  });
});
