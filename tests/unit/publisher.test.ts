import { describe, expect, it } from 'vitest';
import {
  jsonLines,
  keptBuildOptions,
  keptLine,
  KeptPagesFilter,
  replaceWorker,
  WORKER_RSS_LIMIT,
  workerKey,
} from '../../src/lib/build/publisher';
import { keptBuildVite } from '../../src/lib/build/astro-internals/kept-build';

describe('keptBuildOptions', () => {
  it('takes the arguments npm run build passes on', () => {
    expect(keptBuildOptions([])).toEqual({ force: false });
    expect(keptBuildOptions(['--root', '/a/root', '--config', '../astro.config.mjs', '--force'])).toEqual({
      root: '/a/root',
      configFile: '../astro.config.mjs',
      force: true,
    });
  });

  it('names what it cannot take, so the caller builds with astro build itself', () => {
    expect(keptBuildOptions(['--verbose'])).toEqual({ unsupported: '--verbose' });
    expect(keptBuildOptions(['--root'])).toEqual({ unsupported: '--root' });
    expect(keptBuildOptions(['--root', '--force'])).toEqual({ unsupported: '--root' });
  });
});

describe('workerKey', () => {
  const articles = { dir: '/site/content/articles', base: '/site' };
  const context = { settings: { siteUrl: 'https://a.no' }, args: [], node: 'v24', cwd: '/site' };
  const article = 'content/articles/2020/a.md\t10\t1\t1\t1';
  const categories = 'content/categories.yaml\t5\t1\t1\t2';
  const page = 'src/pages/index.astro\t99\t1\t1\t3';
  const lines = [article, categories, page];
  const key = workerKey(lines, articles, context);

  it('stays when articles are added, edited or deleted (the worker reads them each build)', () => {
    expect(workerKey([...lines, 'content/articles/2020/b.md\t1\t2\t2\t9'], articles, context)).toBe(key);
    expect(workerKey(lines.slice(1), articles, context)).toBe(key);
    expect(workerKey([article.replace('\t10\t', '\t11\t'), ...lines.slice(1)], articles, context)).toBe(key);
  });

  it('changes with a template, a settings file, the settings, arguments or folder', () => {
    expect(
      workerKey([...lines.slice(0, 2), 'src/pages/index.astro\t98\t1\t1\t3'], articles, context),
    ).not.toBe(key);
    expect(workerKey([article, 'content/categories.yaml\t6\t1\t1\t2', page], articles, context)).not.toBe(
      key,
    );
    expect(workerKey(lines, articles, { ...context, settings: { siteUrl: 'https://b.no' } })).not.toBe(key);
    expect(workerKey(lines, articles, { ...context, args: ['--force'] })).not.toBe(key);
    expect(workerKey(lines, articles, { ...context, cwd: '/elsewhere' })).not.toBe(key);
  });

  it('counts a CONTENT_DIR outside the project by its relative name', () => {
    const outside = { dir: '/corpus/articles', base: '/site' };
    const key2 = workerKey(['../corpus/articles/a.md\t1\t1\t1\t1'], outside, context);
    expect(workerKey(['../corpus/articles/a.md\t2\t2\t2\t2'], outside, context)).toBe(key2);
    expect(workerKey(['../corpus/site.yaml\t2\t2\t2\t2'], outside, context)).not.toBe(key2);
  });
});

describe('replaceWorker', () => {
  const fine = { key: 'k', failed: false, rss: 100 * 2 ** 20 };
  it('keeps a worker for the same key', () => {
    expect(replaceWorker(fine, 'k')).toBeUndefined();
    expect(replaceWorker({ ...fine, key: undefined }, 'k')).toBeUndefined();
  });
  it('replaces it after a failure, above the memory limit and for another key', () => {
    expect(replaceWorker({ ...fine, failed: true }, 'k')).toMatch(/failed/);
    expect(replaceWorker({ ...fine, rss: WORKER_RSS_LIMIT + 1 }, 'k')).toMatch(/MiB/);
    expect(replaceWorker(fine, 'other')).toMatch(/changed/);
  });
});

describe('KeptPagesFilter', () => {
  it("drops Astro's line for each kept page, across writes, and counts them", () => {
    const filter = new KeptPagesFilter();
    const out = [
      filter.push('\n generating static routes \n12:00:01   ├─ /a/index.html'),
      filter.push(' \u001b[32m(cached)\u001b[39m\n12:00:01   ├─ /b/index.html'),
      filter.push(' (+3ms) \n12:00:01   ├─ /c/index.html (restored)\n12:00:02 ✓ Completed'),
    ].join('');
    expect(out).toBe('\n generating static routes \n12:00:01   ├─ /b/index.html (+3ms) \n');
    expect(filter.finish()).toEqual({ rest: '12:00:02 ✓ Completed', kept: 2 });
    // Counted anew for the next build.
    expect(filter.finish()).toEqual({ rest: '', kept: 0 });
    expect(keptLine(2)).toBe(
      '[publisher] 2 page(s) unchanged since the last build, kept in place (not listed).\n',
    );
  });
});

describe('jsonLines', () => {
  it('hands over whole lines and keeps the rest', () => {
    const seen: unknown[] = [];
    const rest = jsonLines('{"a":1}\n\n{"b":2}\n{"c"', (m) => seen.push(m));
    expect(seen).toEqual([{ a: 1 }, { b: 2 }]);
    expect(rest).toBe('{"c"');
  });
});

describe('keptBuildVite', () => {
  it('leaves an ordinary build as Astro names it', () => {
    expect(keptBuildVite(undefined)).toEqual({});
    expect(keptBuildVite('')).toEqual({});
  });
  it("names a kept build's bundle apart, keeping the entry's prefix", () => {
    const output = keptBuildVite('k12n3').environments?.prerender.build.rolldownOptions.output;
    expect(output?.entryFileNames).toBe('prerender-entry.[hash].k12n3.mjs');
    expect(output?.chunkFileNames).toBe('chunks/[name]_[hash].k12n3.mjs');
    expect(() => keptBuildVite('../x')).toThrow(/letters, digits/);
  });
});
