// A generated archive of 1 000 articles (the benchmark's corpus) builds correctly: every
// article has its page, lists and feeds are complete, and no link is broken. No timings here:
// those belong in `npm run bench`.
import { XMLParser } from 'fast-xml-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench/corpus';
import { isArticlePagePath, isIndexedPage } from '../../src/lib/distribution/search-shards';
import { brokenLinks, buildSite, listFiles, OUTPUT_ROOT, type BuildResult } from '../helpers/build';
import { REQUIRED_CATEGORIES } from '../helpers/categories';

const COUNT = 1000;
const contentDir = join(OUTPUT_ROOT, 'content-scale');
let build: BuildResult;
let files: string[];

beforeAll(async () => {
  await writeCorpus({ count: COUNT, dir: contentDir, seed: 7 });
  build = buildSite('scale', { CONTENT_DIR: contentDir, BUILD_NOW: '2025-01-01T12:00:00+01:00' });
  if (build.status !== 0) throw new Error(build.output.slice(-5000));
  files = listFiles(build.outDir);
}, 300_000);

describe(`an archive of ${COUNT} generated articles`, () => {
  it('is built from the content store file, not from a compiled string of it', () => {
    // src/lib/build/astro-internals/content-store.ts: Astro's own module is one JS string literal whose
    // compile time grows with the square of its size (20 s at 20 000 articles).
    expect(build.output).toContain('Content store read from its file');
  });

  it('has one page per article', () => {
    const articlePages = files.filter(
      (f) => /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/.test(f) && !/\/side\//.test(f),
    );
    expect(articlePages).toHaveLength(COUNT);
  });

  it('marks exactly the article pages for the search index, which finds them by their path', () => {
    // src/lib/distribution/search-shards.ts decides what to re-index from the article pages' paths.
    const marked = files.filter(
      (f) => f.endsWith('.html') && isIndexedPage(readFileSync(join(build.outDir, f), 'utf8')),
    );
    expect(marked).toHaveLength(COUNT);
    expect(marked).toEqual(files.filter(isArticlePagePath));
  });

  it('lists every article exactly once across the month pages of each category', () => {
    let listed = 0;
    for (const category of REQUIRED_CATEGORIES) {
      // The first page repeats the newest 20; the month pages (/utenriks/2024/03/side/2/) hold all.
      const pages = files.filter((f) =>
        new RegExp(`^${category}/\\d{4}/\\d{2}/(side/\\d+/)?index\\.html$`).test(f),
      );
      const head = readFileSync(join(build.outDir, category, 'index.html'), 'utf8');
      expect(head.match(/<h2 class="title"/g)).toHaveLength(20);
      for (const page of pages) {
        const html = readFileSync(join(build.outDir, page), 'utf8');
        listed += (html.match(/<h2 class="title"/g) ?? []).length;
      }
    }
    expect(listed).toBe(COUNT);
  });

  it('has every article in the day pages', () => {
    const dayPages = files.filter((f) => /^\d{4}\/\d{2}\/\d{2}\/(side\/\d+\/)?index\.html$/.test(f));
    const listed = dayPages.reduce(
      (sum, page) =>
        sum + (readFileSync(join(build.outDir, page), 'utf8').match(/<h2 class="title"/g) ?? []).length,
      0,
    );
    expect(listed).toBe(COUNT);
  });

  it('has a sitemap entry per article and full feeds', () => {
    const parser = new XMLParser();
    const sitemaps = readdirSync(join(build.outDir, 'sitemaps')).filter((f) => f.endsWith('.xml'));
    const urls = sitemaps.flatMap(
      (file) =>
        [parser.parse(readFileSync(join(build.outDir, 'sitemaps', file), 'utf8')).urlset.url].flat() as {
          loc: string;
        }[],
    );
    expect(
      urls.filter((u) => /\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/.test(u.loc) && !u.loc.includes('/side/')),
    ).toHaveLength(COUNT);
    expect(JSON.parse(readFileSync(join(build.outDir, 'feed.json'), 'utf8')).items).toHaveLength(50);
  });

  it('has no broken internal link', () => {
    expect(brokenLinks(build.outDir, '/')).toEqual([]);
  });
});
