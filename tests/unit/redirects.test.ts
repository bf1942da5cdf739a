import { describe, expect, it } from 'vitest';
import { nginxRedirectMap, staticHostRedirects } from '../../src/lib/build/redirects';

const moved = [
  { from: '/utenriks/side/2/', to: '/utenriks/2020/10/side/2/' },
  { from: '/tema/russland/side/3/', to: '/tema/russland/2020/09/' },
];

describe('redirect files', () => {
  it('writes Netlify and Cloudflare Pages _redirects lines under the deploy base', () => {
    expect(staticHostRedirects(moved, '/')).toBe(
      '/utenriks/side/2/ /utenriks/2020/10/side/2/ 301\n/tema/russland/side/3/ /tema/russland/2020/09/ 301\n',
    );
    expect(staticHostRedirects(moved, '/nyheter/').split('\n')[0]).toBe(
      '/nyheter/utenriks/side/2/ /nyheter/utenriks/2020/10/side/2/ 301',
    );
  });

  it('writes the lines of an nginx map, quoted, with and without the trailing slash', () => {
    expect(nginxRedirectMap(moved, '/nyheter/')).toBe(
      [
        '"/nyheter/utenriks/side/2/" "/nyheter/utenriks/2020/10/side/2/";',
        '"/nyheter/utenriks/side/2" "/nyheter/utenriks/2020/10/side/2/";',
        '"/nyheter/tema/russland/side/3/" "/nyheter/tema/russland/2020/09/";',
        '"/nyheter/tema/russland/side/3" "/nyheter/tema/russland/2020/09/";',
        '',
      ].join('\n'),
    );
    expect(nginxRedirectMap([], '/')).toBe('');
  });
});
