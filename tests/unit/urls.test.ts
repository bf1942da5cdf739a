import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/lib/site';
import {
  absoluteUrl,
  absolutizeHtml,
  BASE,
  PAGE_SEGMENT,
  SITE_URL,
  searchPath,
  articlePath,
  isArticlePath,
  categoryPath,
  dayPath,
  feedPath,
  href,
  isReservedTopLevelSegment,
  monthPath,
  normaliseBase,
  pagedPath,
  toRouteParam,
  yearPath,
} from '../../src/lib/urls';

const day = { year: '2020', month: '10', day: '10' };

describe('urls', () => {
  it('builds archive and article paths with trailing slashes', () => {
    expect(yearPath('2020')).toBe('/2020/');
    expect(monthPath('2020', '10')).toBe('/2020/10/');
    expect(dayPath(day)).toBe('/2020/10/10/');
    expect(articlePath(day, 'vapenhvile')).toBe('/2020/10/10/vapenhvile/');
    expect(isArticlePath(articlePath(day, 'vapenhvile'))).toBe(true);
    for (const list of [
      dayPath(day),
      '/2020/10/',
      '/utenriks/',
      '/2020/10/10/side/2/',
      '/tema/ntb/',
      '/av/ntb/',
    ]) {
      expect(isArticlePath(list), list).toBe(false);
    }
    expect(categoryPath('okonomi')).toBe('/okonomi/');
  });

  it('paginates from page 2 on, 20 articles a page, under /side/N/', () => {
    expect(pagedPath('/utenriks/', 1)).toBe('/utenriks/');
    expect(pagedPath('/utenriks/', 2)).toBe('/utenriks/side/2/');
    expect(pagedPath('/2020/10/10/', 13)).toBe('/2020/10/10/side/13/');
    expect(PAGE_SEGMENT).toBe('side');
    expect(SITE.pageSize).toBe(20);
  });

  it('defaults to the root base and the dev server origin without BASE_PATH and SITE_URL', () => {
    expect(BASE).toBe('/');
    expect(SITE_URL).toBe('http://localhost:4321');
    expect(absoluteUrl('/2020/')).toBe('http://localhost:4321/2020/');
    expect(href('/sok/')).toBe('/sok/');
  });

  it('adds the deploy base', () => {
    expect(href('/2020/')).toBe('/2020/');
    expect(href('/2020/', '/nyheter/')).toBe('/nyheter/2020/');
    expect(href('/', '/nyheter/')).toBe('/nyheter/');
    expect(normaliseBase('nyheter')).toBe('/nyheter/');
    expect(normaliseBase('/nyheter')).toBe('/nyheter/');
    expect(normaliseBase('')).toBe('/');
  });

  it('turns paths into rest-route params', () => {
    expect(toRouteParam('/2020/10/')).toBe('2020/10');
  });

  it('reserves years and the site’s own segments', () => {
    expect(isReservedTopLevelSegment('2020')).toBe(true);
    expect(isReservedTopLevelSegment('side')).toBe(true);
    // Folders the build writes: a category there would be overwritten, or deleted by search.
    for (const folder of ['pagefind', '_astro', 'sok', '404'])
      expect(isReservedTopLevelSegment(folder), folder).toBe(true);
    expect(isReservedTopLevelSegment('utenriks')).toBe(false);
    expect(searchPath()).toBe('/sok/');
  });
});

describe('absolute URLs', () => {
  it('joins SITE_URL, the base and the path', () => {
    expect(absoluteUrl('/2020/', 'https://nyheter.example.no', '/nyheter/')).toBe(
      'https://nyheter.example.no/nyheter/2020/',
    );
    expect(feedPath('rss')).toBe('/rss.xml');
    expect(feedPath('json', categoryPath('utenriks'))).toBe('/utenriks/feed.json');
  });

  it('makes site-relative links in HTML absolute, leaving others alone', () => {
    expect(
      absolutizeHtml(
        '<a href="/nyheter/2020/">a</a> <img src="/x.png" alt=""> <a href="https://ntb.no/">b</a> <a href="//cdn/x">c</a>',
        'https://nyheter.example.no',
      ),
    ).toBe(
      '<a href="https://nyheter.example.no/nyheter/2020/">a</a> <img src="https://nyheter.example.no/x.png" alt=""> <a href="https://ntb.no/">b</a> <a href="//cdn/x">c</a>',
    );
  });

  it('resolves path-relative links against the article’s own URL', () => {
    const page = 'https://nyheter.example.no/nyheter/2020/10/09/sak/';
    expect(
      absolutizeHtml(
        '<a href="../">dag</a> <a href="./kart/?a=1&amp;b=2">k</a> <a href="#noter">n</a>',
        page,
      ),
    ).toBe(
      '<a href="https://nyheter.example.no/nyheter/2020/10/09/">dag</a> <a href="https://nyheter.example.no/nyheter/2020/10/09/sak/kart/?a=1&amp;b=2">k</a> <a href="https://nyheter.example.no/nyheter/2020/10/09/sak/#noter">n</a>',
    );
  });
});
