import { describe, expect, it } from 'vitest';
import { langAttr, langName, langProblem, langTag, ogLocale, parseLang } from '../../src/lib/lang';
import { STRINGS, t, type StringKey } from '../../src/lib/strings';
import { formatDateTime, formatDay, formatMonth, formatShortDateTime, formatTime } from '../../src/lib/dates';
import { articleSchema } from '../../src/lib/content/schema';
import { parsePublication } from '../../src/lib/content/publication';
import { categoryName, parseCategories } from '../../src/lib/content/categories';
import { atomXml, buildFeed, jsonFeed, rssOptions } from '../../src/lib/distribution/feeds';
import { newsSitemapXml } from '../../src/lib/distribution/sitemaps';
import { newsArticleLd, articleOpenGraph } from '../../src/lib/distribution/structured-data';
import { typeLabel } from '../../src/lib/content/article-types';
import { makeArticle } from '../helpers/articles';

const fail = (): never => {
  throw new Error('missing');
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the strings dictionary', () => {
  it('has every key in both written standards, with the same placeholders', () => {
    const nbKeys = Object.keys(STRINGS.nb).sort();
    const nnKeys = Object.keys(STRINGS.nn).sort();
    expect(nnKeys).toEqual(nbKeys);
    for (const key of nbKeys as StringKey[]) {
      expect(STRINGS.nn[key].trim(), key).not.toBe('');
      expect(placeholders(STRINGS.nn[key]), key).toEqual(placeholders(STRINGS.nb[key]));
    }
  });

  it('speaks nynorsk when asked, bokmål by default', () => {
    expect(t('article.dayLink', { day: 'x' })).toBe('Flere saker fra x');
    expect(t('article.dayLink', { day: 'x' }, 'nn')).toBe('Fleire saker frå x');
    expect(t('article.related', {}, 'nn')).toBe('Les òg');
    expect(typeLabel('kommentar', 'nn')).toBe('Kommentar');
    expect(typeLabel('leder', 'nn')).toBe('Leiar');
  });
});

describe('languages', () => {
  it('accepts nb and nn, with or without the country, in any case', () => {
    expect(parseLang('nn')).toBe('nn');
    expect(parseLang('nn-NO')).toBe('nn');
    expect(parseLang('NB_no')).toBe('nb');
    expect(parseLang(' nb ')).toBe('nb');
    for (const bad of ['no', 'en', 'nynorsk', 'nn-SE', '', 2, undefined])
      expect(parseLang(bad)).toBeUndefined();
  });

  it('gives each format its code', () => {
    expect(ogLocale('nn')).toBe('nn_NO');
    expect(langTag('nb')).toBe('nb-NO');
    expect(langName('nn')).toBe('Nynorsk');
    expect(langAttr('nn', 'nb')).toBe('nn');
    expect(langAttr('nb', 'nb')).toBeUndefined();
  });

  it('dates in nynorsk through date-fns nn, in Oslo time', () => {
    const date = new Date('2020-10-10T08:40:00Z');
    expect(formatDateTime(date, 'nn')).toBe('laurdag 10. oktober 2020 kl. 10.40');
    expect(formatDateTime(date)).toBe('lørdag 10. oktober 2020 kl. 10.40');
    expect(formatShortDateTime(date, 'nn')).toBe('10. okt. 2020 kl. 10.40');
    expect(formatTime(date, 'nn')).toBe('kl. 10.40');
    expect(formatDay({ year: '2020', month: '10', day: '11' }, 'nn')).toBe('sundag 11. oktober 2020');
    expect(formatMonth('2020', '05', 'nn')).toBe('mai 2020');
  });
});

describe('front-matter and settings', () => {
  const schema = articleSchema(['utenriks']);
  const valid = { title: 'Våpenkvile', date: '2020-10-10T10:40:00+02:00', category: 'utenriks' };

  it('reads lang, and leaves it to the site when absent', () => {
    expect(schema.parse({ ...valid, lang: 'nn-NO' }).lang).toBe('nn');
    expect(schema.parse(valid).lang).toBeUndefined();
    expect(makeArticle('a', valid.date).lang).toBe('nb');
    expect(makeArticle('a', valid.date, { lang: 'nn' }).lang).toBe('nn');
  });

  it('names the allowed values for an unknown lang', () => {
    const result = schema.safeParse({ ...valid, lang: 'se' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      `lang: ${langProblem('lang', 'se')}`,
    ]);
    expect(langProblem('lang', 'se')).toMatch(/must be nb \(bokmål\) or nn \(nynorsk\).*not "se"/);
  });

  it('takes the site default from site.yaml, and refuses another', () => {
    const base =
      'name: N\nresponsibleEditor: R\nowner: O\naddress: A\nemail: r@example.no\nlogo: /logo.svg\n';
    const publicDir = 'public';
    expect(parsePublication(base, 'site.yaml', publicDir).language).toBe('nb');
    expect(parsePublication(`${base}language: nn\n`, 'site.yaml', publicDir).language).toBe('nn');
    expect(() => parsePublication(`${base}language: svensk\n`, 'site.yaml', publicDir)).toThrow(
      /site\.yaml → language: "language" must be nb \(bokmål\) or nn \(nynorsk\)/,
    );
  });

  it('gives a category its nynorsk name where it has one', () => {
    const [inn = fail(), sport = fail()] = parseCategories(
      '- slug: innenriks\n  name: Innenriks\n  nn: Innanriks\n- slug: sport\n  name: Sport\n',
      'categories.yaml',
    );
    expect(categoryName(inn, 'nn')).toBe('Innanriks');
    expect(categoryName(inn, 'nb')).toBe('Innenriks');
    expect(categoryName(sport, 'nn')).toBe('Sport');
    expect(() => parseCategories('- slug: sport\n  name: Sport\n  nn: ""\n', 'c.yaml')).toThrow(/"nn"/);
  });
});

describe('a nynorsk story in a bokmål site', () => {
  const category = { slug: 'innenriks', name: 'Innenriks', nn: 'Innanriks', description: '' };
  const nn = makeArticle('nn', '2020-10-10T10:40:00+02:00', { lang: 'nn', category: 'innenriks' });
  const nb = makeArticle('nb', '2020-10-09T10:40:00+02:00', { category: 'innenriks' });
  const feed = buildFeed({
    articles: [nn, nb],
    categoryOf: () => category,
    htmlOf: () => '<p>Tekst.</p>',
    site: 'https://nyheter.example.no',
    now: new Date('2020-10-11T00:00:00Z'),
  });

  it('is marked per item in every feed format that can say it', () => {
    const atom = atomXml(feed);
    expect(atom).toContain('xml:lang="nb"');
    expect(atom.match(/<entry[^>]*>/g)).toEqual(['<entry xml:lang="nn">', '<entry>']);
    const json = jsonFeed(feed);
    expect(json.language).toBe('nb');
    expect(json.items.map((i) => ('language' in i ? i.language : undefined))).toEqual(['nn', undefined]);
    const rss = rssOptions(feed);
    expect(rss.customData).toContain('<language>nb</language>');
    expect(rss.items.map((i) => i.customData.includes('<dc:language>nn</dc:language>'))).toEqual([
      true,
      false,
    ]);
  });

  it('has its own language in the news sitemap, JSON-LD and Open Graph', () => {
    const xml = newsSitemapXml([nn, nb]);
    expect(xml.match(/<news:language>\w+<\/news:language>/g)).toEqual([
      '<news:language>nn</news:language>',
      '<news:language>nb</news:language>',
    ]);
    const publication = parsePublication(
      'name: N\nresponsibleEditor: R\nowner: O\naddress: A\nemail: r@example.no\nlogo: /logo.svg\n',
      'site.yaml',
      'public',
    );
    const ld = newsArticleLd(nn, category, { publication });
    expect(ld.inLanguage).toBe('nn');
    expect(ld.articleSection).toBe('Innanriks');
    expect(newsArticleLd(nb, category, { publication }).inLanguage).toBe('nb');
    expect(articleOpenGraph(nn, category).article?.section).toBe('Innanriks');
  });
});
