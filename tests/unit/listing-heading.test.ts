import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive/archive';
import { isCollection, periodNavigation } from '../../src/lib/archive/listing-heading';
import { listingPages } from '../../src/lib/archive/routes';
import { makeArticle } from '../helpers/articles';

const archive = buildArchive([
  makeArticle('a', '2020-09-30T12:00:00+02:00', { tags: ['Russland'] }),
  makeArticle('b', '2020-10-10T10:40:00+02:00'),
  makeArticle('c', '2020-10-12T10:40:00+02:00'),
]);
const pages = listingPages(archive, [{ slug: 'utenriks', name: 'Utenriks', description: '' }], 20);
const page = (path: string) => {
  const found = pages.find((p) => p.path === path);
  if (!found) throw new Error(`no page ${path}`);
  return found;
};

describe('period navigation', () => {
  it('links a day to the nearest days with news, in Norwegian', () => {
    expect(periodNavigation(page('/2020/10/10/'))).toEqual({
      label: 'Andre dager',
      earlier: { path: '/2020/09/30/', text: 'Forrige dag med nyheter: onsdag 30. september 2020' },
      later: { path: '/2020/10/12/', text: 'Neste dag med nyheter: mandag 12. oktober 2020' },
    });
  });

  it('links a month to the nearest months with news, and nothing else has it', () => {
    expect(periodNavigation(page('/2020/10/'))).toEqual({
      label: 'Andre måneder',
      earlier: { path: '/2020/09/', text: 'Forrige måned med nyheter: september 2020' },
      later: undefined,
    });
    expect(periodNavigation(page('/utenriks/'))).toBeUndefined();
    expect(periodNavigation(page('/2020/'))).toBeUndefined();
  });
});

describe('collections', () => {
  it('are the category, topic and author lists, not calendar pages or indexes', () => {
    expect(pages.filter(isCollection).map((p) => p.path)).toEqual(
      expect.arrayContaining(['/utenriks/', '/tema/russland/']),
    );
    for (const path of ['/2020/10/10/', '/2020/10/', '/2020/', '/tema/', '/av/']) {
      expect(isCollection(page(path)), path).toBe(false);
    }
  });
});
