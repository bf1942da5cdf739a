import { describe, expect, it } from 'vitest';
import {
  atomXml,
  buildFeed,
  FEED_FULL_TEXT_ITEMS,
  FEED_ITEM_MAX_BYTES,
  jsonFeed,
  rssOptions,
} from '../../src/lib/distribution/feeds';
import { makeArticle } from '../helpers/articles';

const category = { slug: 'utenriks', name: 'Utenriks', description: 'Nyheter fra utlandet.' };
const image = {
  url: 'https://nyheter.example.no/_astro/lavrov.Ab_1.jpg',
  width: 1080,
  height: 720,
  type: 'image/jpeg',
  alt: 'Lavrov & Co',
  credit: 'Foto: NTB',
};

const feed = buildFeed({
  articles: [makeArticle('a', '2020-10-10T10:40:00+02:00'), makeArticle('b', '2020-10-09T10:40:00+02:00')],
  categoryOf: () => category,
  htmlOf: () => '<p>Se <a href="../">dagen</a>.</p><img src="/nyheter/_astro/k.jpg" alt="">',
  imageOf: (a) => (a.id === 'a' ? image : undefined),
  site: 'https://nyheter.example.no',
  now: new Date('2020-10-11T00:00:00Z'),
});

describe('feed items', () => {
  it('make every link and image in the content absolute, path-relative ones too', () => {
    const [item] = feed.items;
    expect(item?.html).toBe(
      `<p>Se <a href="${item?.url.replace(/[^/]+\/$/, '')}">dagen</a>.</p><img src="https://nyheter.example.no/nyheter/_astro/k.jpg" alt="">`,
    );
  });

  it('carry the photo: Media RSS in RSS, an enclosure link in Atom, image in JSON Feed', () => {
    const [rssItem, withoutPhoto] = rssOptions(feed).items;
    expect(rssItem?.customData).toContain(
      '<media:content url="https://nyheter.example.no/_astro/lavrov.Ab_1.jpg" type="image/jpeg" medium="image" width="1080" height="720">' +
        '<media:description type="plain">Lavrov &amp; Co</media:description><media:credit>Foto: NTB</media:credit></media:content>',
    );
    expect(withoutPhoto?.customData).not.toContain('media:content');
    expect(rssOptions(feed).xmlns.media).toBe('http://search.yahoo.com/mrss/');
    expect(atomXml(feed)).toContain(
      '<link rel="enclosure" type="image/jpeg" href="https://nyheter.example.no/_astro/lavrov.Ab_1.jpg"/>',
    );
    const [first, second] = jsonFeed(feed).items;
    expect(first?.image).toBe(image.url);
    expect(second).not.toHaveProperty('image');
  });
});

describe('a feed', () => {
  const site = 'https://nyheter.example.no';
  const build = (
    articles: ReturnType<typeof makeArticle>[],
    htmlOf = (a: { id: string }) => `<p>Tekst ${a.id}.</p>`,
  ) =>
    buildFeed({ articles, categoryOf: () => category, htmlOf, site, now: new Date('2021-01-01T00:00:00Z') });

  it('identifies and links each item by its absolute article URL', () => {
    const [item] = build([makeArticle('a', '2020-10-10T10:40:00+02:00')]).items;
    expect(item?.id).toBe(`${site}/2020/10/10/sak-a/`);
    expect(item?.url).toBe(item?.id);
    expect(atomXml(build([makeArticle('a', '2020-10-10T10:40:00+02:00')]))).toContain(
      `<link rel="alternate" type="text/html" href="${site}/2020/10/10/sak-a/"/>`,
    );
  });

  it('writes times with the Oslo offset of their date (summer and winter)', () => {
    const atom = atomXml(
      build([makeArticle('s', '2020-10-10T10:40:00+02:00'), makeArticle('w', '2020-12-01T08:00:00Z')]),
    );
    expect(atom).toContain('<published>2020-10-10T10:40:00+02:00</published>');
    expect(atom).toContain('<published>2020-12-01T09:00:00+01:00</published>');
    const json = jsonFeed(build([makeArticle('w', '2020-12-01T08:00:00Z')]));
    expect(json.items[0]?.date_published).toBe('2020-12-01T09:00:00+01:00');
  });

  it('is as new as its newest publication or update, an older article updated later included', () => {
    const updatedLater = makeArticle('old', '2020-10-01T12:00:00+02:00', {
      updated: new Date('2020-10-20T12:00:00Z'),
    });
    const feed = build([makeArticle('new', '2020-10-10T10:40:00+02:00'), updatedLater]);
    expect(feed.updated.toISOString()).toBe('2020-10-20T12:00:00.000Z');
    expect(atomXml(feed)).toContain('  <updated>2020-10-20T14:00:00+02:00</updated>');
    expect(build([]).updated.toISOString()).toBe('2021-01-01T00:00:00.000Z');
  });

  it('carries the full text of the newest items only, and never an oversized article', () => {
    const articles = Array.from({ length: 30 }, (_, i) =>
      makeArticle(`n${i}`, `2020-10-${String(30 - i).padStart(2, '0')}T12:00:00+02:00`),
    );
    const huge = `<p>${'x'.repeat(FEED_ITEM_MAX_BYTES)}</p>`;
    const items = build(articles, (a) => (a.id === 'n1' ? huge : `<p>Tekst ${a.id}.</p>`)).items;
    expect(items).toHaveLength(30);
    expect(items[0]?.html).toBe('<p>Tekst n0.</p>');
    // The oversized one and those after the first FEED_FULL_TEXT_ITEMS: summary and a link.
    for (const item of [items[1], items[FEED_FULL_TEXT_ITEMS]]) {
      expect(item?.html).toBe(
        `<p>${item?.summary}</p><p><a href="${item?.url}">Les hele saken på nettstedet</a></p>`,
      );
    }
    expect(items[FEED_FULL_TEXT_ITEMS - 1]?.html).toContain('<p>Tekst n19.</p>');
  });
});
