import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive/archive';
import { pageKeys } from '../../src/lib/build/cache-key';
import type { Article } from '../../src/lib/content/articles';
import type { Category } from '../../src/lib/content/categories';
import {
  articleParams,
  articlePages,
  articleStaticPaths,
  frontPage,
  listingPages,
  listingRedirects,
  listingStaticPaths,
} from '../../src/lib/archive/routes';
import { makeArticle } from '../helpers/articles';

const categories: Category[] = [
  { slug: 'innenriks', name: 'Innenriks', description: '' },
  { slug: 'utenriks', name: 'Utenriks', description: '' },
  { slug: 'okonomi', name: 'Økonomi', description: '' },
];

const articles = Array.from({ length: 5 }, (_, i) =>
  makeArticle(`u${i}`, `2020-10-${String(10 + i).padStart(2, '0')}T12:00:00+02:00`),
).concat([makeArticle('i0', '2020-09-30T12:00:00+02:00', { category: 'innenriks' })]);
const archive = buildArchive(articles);

describe('listingPages', () => {
  const pages = listingPages(archive, categories, 2);
  const paths = pages.map((p) => p.path);

  it('makes every category page, also empty ones: the newest first, then one page (or more) per month', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        '/innenriks/',
        '/innenriks/2020/09/',
        '/utenriks/',
        '/utenriks/2020/10/',
        '/utenriks/2020/10/side/2/',
        '/utenriks/2020/10/side/3/',
        '/okonomi/',
      ]),
    );
    expect(paths.filter((p) => p.startsWith('/okonomi/'))).toEqual(['/okonomi/']);
    expect(paths.some((p) => /^\/utenriks\/side\//.test(p))).toBe(false);
    const head = pages.find((p) => p.path === '/utenriks/');
    expect(head).toMatchObject({
      kind: 'category',
      total: 5,
      period: undefined,
      more: '/utenriks/2020/10/side/2/',
      months: [{ year: '2020', month: '10', path: '/utenriks/2020/10/', count: 5 }],
    });
    expect(head?.kind === 'category' && head.articles.map((a) => a.id)).toEqual(['u4', 'u3']);
    const third = pages.find((p) => p.path === '/utenriks/2020/10/side/3/');
    expect(third).toMatchObject({
      kind: 'category',
      total: 5,
      period: { year: '2020', month: '10' },
      pagination: { page: 3, pages: 3, newer: '/utenriks/2020/10/side/2/', older: undefined },
    });
    expect(third?.kind === 'category' && third.articles.map((a) => a.id)).toEqual(['u0']);
  });

  /** The list pages of `base` whose data differ once `added` joins it, and the new pages by path. */
  const published = (base: Article[], added: Article) => {
    const after = listingPages(buildArchive([...base, added]), categories, 2);
    const byPath = new Map(after.map((p) => [p.path, p]));
    const changed = listingPages(buildArchive(base), categories, 2)
      .filter((p) => JSON.stringify(byPath.get(p.path)) !== JSON.stringify(p))
      .map((p) => p.path);
    return { changed, byPath };
  };

  it('leaves the pages of older months as they were when a newer story arrives', () => {
    const { changed, byPath } = published(articles, makeArticle('new', '2020-11-02T08:00:00+01:00'));
    // The list's first page, and the October pages whose "later month" link now exists; the
    // site's own month and year pages. No numbered page moved by one.
    expect(changed.filter((p) => p.startsWith('/utenriks/'))).toEqual([
      '/utenriks/',
      '/utenriks/2020/10/',
      '/utenriks/2020/10/side/2/',
      '/utenriks/2020/10/side/3/',
    ]);
    expect(changed.filter((p) => p.startsWith('/innenriks/'))).toEqual([]);
    expect(byPath.get('/utenriks/2020/11/')).toMatchObject({
      total: 1,
      earlier: { path: '/utenriks/2020/10/' },
    });
  });

  it("changes only its own day's and month's pages when a story joins a month with news", () => {
    // September and October both have utenriks stories and days with news on either side of the
    // 12th, so every neighbour link points at a period the new story lands in.
    const base = [...articles, makeArticle('s0', '2020-09-20T12:00:00+02:00')];
    const { changed } = published(base, makeArticle('x', '2020-10-12T18:00:00+02:00'));
    // Neighbours link to October and to the 12th without their counts: the September pages and
    // the 11th's and 13th's day pages stay byte for byte (in a split build, in other parts).
    expect(changed.sort()).toEqual(
      [
        '/utenriks/',
        '/utenriks/2020/10/',
        '/utenriks/2020/10/side/2/',
        '/utenriks/2020/10/side/3/',
        '/2020/',
        '/2020/10/',
        '/2020/10/12/',
        // The topic and byline lists the story is on (makeArticle's byline and tags).
        ...changed.filter((p) => p.startsWith('/tema/') || p.startsWith('/av/')),
      ].sort(),
    );
    expect(changed.some((p) => p.includes('/2020/09/') || p.endsWith('/2020/09/'))).toBe(false);
  });

  it('redirects the old numbered pages to the month page holding their first story', () => {
    const moved = listingRedirects(
      buildArchive([...articles, makeArticle('x', '2020-09-01T12:00:00+02:00')]),
      categories,
      2,
    );
    // Newest first: u4 u3 | u2 u1 | u0 x — old page 2 opened with u2 (page 2 of October's),
    // old page 3 with u0 (page 3 of October's).
    expect(moved.filter((r) => r.from.startsWith('/utenriks/'))).toEqual([
      { from: '/utenriks/side/2/', to: '/utenriks/2020/10/side/2/' },
      { from: '/utenriks/side/3/', to: '/utenriks/2020/10/side/3/' },
    ]);
    const september = listingRedirects(
      buildArchive([...articles.slice(0, 4), makeArticle('x', '2020-09-01T12:00:00+02:00')]),
      categories,
      2,
    );
    // u3 u2 | u1 u0 | x: old page 3 opens with x, the first story of September.
    expect(september.filter((r) => r.from.startsWith('/utenriks/'))).toEqual([
      { from: '/utenriks/side/2/', to: '/utenriks/2020/10/side/2/' },
      { from: '/utenriks/side/3/', to: '/utenriks/2020/09/' },
    ]);
  });

  it('makes day, month and year pages only where there is news', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['/2020/', '/2020/10/', '/2020/09/', '/2020/10/10/', '/2020/09/30/']),
    );
    expect(paths).not.toContain('/2020/10/01/');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('links day pages to the nearest earlier and later days with news', () => {
    const first = pages.find((p) => p.path === '/2020/10/10/');
    expect(first?.kind === 'day' && [first.earlier?.path, first.later?.path]).toEqual([
      '/2020/09/30/',
      '/2020/10/11/',
    ]);
    const last = pages.find((p) => p.path === '/2020/10/14/');
    expect(last?.kind === 'day' && [last.earlier?.path, last.later]).toEqual(['/2020/10/13/', undefined]);
  });

  it('summarises months by day and years by month, with counts', () => {
    const year = pages.find((p) => p.path === '/2020/');
    expect(year?.kind === 'year' && year.months.map((m) => [m.path, m.count])).toEqual([
      ['/2020/10/', 5],
      ['/2020/09/', 1],
    ]);
    const month = pages.find((p) => p.path === '/2020/10/');
    expect(month?.kind === 'month' && [month.earlier?.path, month.later]).toEqual(['/2020/09/', undefined]);
    expect(month?.kind === 'month' && month.days[0]?.articles.map((a) => a.id)).toEqual(['u4']);
    expect(month?.kind === 'month' && month.days.map((d) => d.path)).toEqual([
      '/2020/10/14/',
      '/2020/10/13/',
      '/2020/10/12/',
      '/2020/10/11/',
      '/2020/10/10/',
    ]);
  });

  it('gives route params without slashes', () => {
    const params = listingStaticPaths(pages, () => 'key').map((p) => p.params.listing);
    expect(params).toContain('utenriks/2020/10/side/2');
    expect(params).toContain('2020/10/10');
  });

  it('keys each list page by its own data', () => {
    const paths = listingStaticPaths(pages, pageKeys([]));
    const keys = new Set(paths.map((p) => p.cacheKey));
    expect(keys.size).toBe(paths.length);
    const again = listingStaticPaths(listingPages(buildArchive(articles), categories, 2), pageKeys([]));
    expect(again.map((p) => p.cacheKey)).toEqual(paths.map((p) => p.cacheKey));
  });
});

describe('article pages', () => {
  it("keys each article page by its data and its body's source digest", () => {
    const keys = (digest: string) =>
      articleStaticPaths(archive, (id) => ({ digest: `${id}-${digest}` }), pageKeys([])).map(
        (p) => p.cacheKey,
      );
    const first = keys('v1');
    expect(new Set(first).size).toBe(first.length);
    expect(keys('v1')).toEqual(first);
    keys('v2').forEach((key, i) => expect(key).not.toBe(first[i]));
  });

  it('has one page per article with params from the Oslo date', () => {
    const pages = articlePages(archive);
    expect(pages).toHaveLength(6);
    const [first] = pages;
    expect(first && articleParams(first.article)).toEqual({
      year: '2020',
      month: '10',
      day: '14',
      slug: 'sak-u4',
    });
    expect(pages[0]).toMatchObject({ newer: undefined, older: { id: 'u3' } });
  });
});

describe('frontPage', () => {
  it('leads with the newest, then the latest, then per category the stories not yet shown', () => {
    const front = frontPage(archive, categories, 2, 2);
    expect(front.lead?.id).toBe('u4');
    expect(front.latest.map((a) => a.id)).toEqual(['u3', 'u2']);
    expect(front.sections.map((s) => [s.category.slug, s.articles.map((a) => a.id)])).toEqual([
      ['innenriks', ['i0']],
      ['utenriks', ['u1', 'u0']],
    ]);
    expect(front.years).toEqual([{ year: '2020', path: '/2020/', count: 6 }]);
  });

  it('shows every story once, and leaves out a category with nothing left to show', () => {
    const front = frontPage(archive, categories, 4, 2);
    const shown = [front.lead, ...front.latest, ...front.sections.flatMap((s) => s.articles)].map(
      (a) => a?.id,
    );
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toHaveLength(6);
    expect(front.sections.map((s) => s.category.slug)).toEqual(['innenriks']);
    const all = frontPage(archive, categories, 10, 2);
    expect(all.sections).toEqual([]);
  });
});

describe('topic and author pages', () => {
  const tagged = [
    makeArticle('a', '2020-10-10T10:40:00+02:00', { tags: ['Nagorno-Karabakh', 'Russland'], byline: 'NTB' }),
    makeArticle('b', '2020-10-11T10:40:00+02:00', {
      tags: ['nagorno karabakh'],
      byline: 'Ola Nordmann og Kari Nordmann, NTB',
    }),
    makeArticle('c', '2020-10-12T10:40:00+02:00', { tags: ['Nagorno-Karabakh'], byline: 'Kari Nordmann' }),
  ];
  const pages = listingPages(buildArchive(tagged), categories, 2);
  const page = (path: string) => pages.find((p) => p.path === path);

  it('lists a topic newest first, spellings that differ in case or accents together, paginated', () => {
    const topic = page('/tema/nagorno-karabakh/');
    expect(
      topic?.kind === 'topic' && [topic.topic.name, topic.total, topic.articles.map((a) => a.id)],
    ).toEqual(['Nagorno-Karabakh', 3, ['c', 'b']]);
    expect(page('/tema/nagorno-karabakh/2020/10/side/2/')).toMatchObject({
      articles: [{ id: 'a' }],
      period: { year: '2020', month: '10' },
    });
    expect(page('/av/kari-nordmann/2020/10/')).toMatchObject({ total: 2 });
    expect(page('/tema/russland/')).toMatchObject({ total: 1 });
  });

  it('gives each person and agency of a byline a page', () => {
    expect(page('/av/kari-nordmann/')).toMatchObject({
      author: { name: 'Kari Nordmann', kind: 'person' },
      total: 2,
    });
    expect(page('/av/ola-nordmann/')).toMatchObject({ total: 1 });
    expect(page('/av/ntb/')).toMatchObject({ author: { name: 'NTB', kind: 'organization' }, total: 2 });
  });

  it('indexes topics and authors by number of stories', () => {
    const topics = page('/tema/');
    expect(topics?.kind === 'topics' && topics.groups).toEqual([
      { label: 'Nagorno-Karabakh', path: '/tema/nagorno-karabakh/', count: 3 },
      { label: 'Russland', path: '/tema/russland/', count: 1 },
    ]);
    const authors = page('/av/');
    expect(authors?.kind === 'authors' && authors.groups.map((g) => [g.label, g.count])).toEqual([
      ['Kari Nordmann', 2],
      ['NTB', 2],
      ['Ola Nordmann', 1],
    ]);
  });
});
