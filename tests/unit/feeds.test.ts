import { describe, expect, it } from 'vitest';
import { atomXml, buildFeed, jsonFeed, rssOptions } from '../../src/lib/feeds';
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
