import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import {
  commonMarkup,
  dcbDecode,
  dcbEncode,
  dcbSuffix,
  keepDictionary,
  readDictionary,
  samplePages,
  sealDictionary,
  spread,
} from '../../src/lib/build/dictionary';

const page = (title: string, text: string) =>
  `<!doctype html><html lang="nb"><head><title>${title} – Nyheter</title>` +
  `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title}"}</script></head>` +
  `<body><header class="site-header"><a href="/utenriks/">Utenriks</a></header>` +
  `<main><h1>${title}</h1><p>${text}</p></main><footer class="site-footer">Nyheter. NTB</footer></body></html>`;

const pages = [
  page('Våpenhvile i Nagorno-Karabakh', 'Armenia og Aserbajdsjan ble enige natt til lørdag.'),
  page('Klokken stilles tilbake', 'Natt til søndag går Norge over til normaltid.'),
  page('Lavrov samlet partene', 'Utenriksministrene møttes i Moskva i ti timer.'),
];

describe('the compression dictionary', () => {
  it('is the markup most sampled pages share, in page order, without any one article’s text', () => {
    const markup = commonMarkup(pages);
    expect(markup).toContain('<header class="site-header"><a href="/utenriks/">Utenriks</a></header>');
    expect(markup).toContain('<footer class="site-footer">Nyheter. NTB</footer>');
    // JSON-LD keys stay, values go.
    expect(markup).toContain('{"@type":"NewsArticle","headline":"');
    for (const text of ['Armenia', 'Nagorno', 'normaltid', 'Moskva']) expect(markup).not.toContain(text);
    expect(markup.indexOf('<head>')).toBeLessThan(markup.indexOf('<footer'));
    // Shared by two of four: kept; by one: not.
    const twice = commonMarkup([page('Lavrov samlet partene', 'Annen tekst.'), ...pages]);
    expect(twice).toContain('<h1>Lavrov samlet partene</h1>');
    expect(twice).not.toContain('Annen tekst');
    expect(commonMarkup(pages.slice(0, 1))).toBe('');
  });

  it('has a hash that is letters and digits only, so nginx can put it in a file name', () => {
    for (const markup of ['', '<p>', commonMarkup(pages), 'x'.repeat(5000)]) {
      const dictionary = sealDictionary(markup);
      expect(dictionary.hash).toMatch(/^[A-Za-z0-9]{43}=$/);
      expect(dictionary.bytes.toString()).toMatch(/^ordbok \d+\n/);
      expect(dictionary.bytes.toString().endsWith(markup)).toBe(true);
      expect(readDictionary(dictionary.bytes)).toEqual(dictionary);
      expect(sealDictionary(markup)).toEqual(dictionary);
    }
    // A file someone else wrote, whose hash has a "/" or "+": not usable.
    const other = Array.from({ length: 50 }, (_, i) => Buffer.from(`annen ${i}`)).find(
      (bytes) => !/^[A-Za-z0-9]{43}=$/.test(createHash('sha256').update(bytes).digest('base64')),
    );
    expect(other).toBeDefined();
    expect(readDictionary(other ?? Buffer.from(''))).toBeUndefined();
  });

  it('makes a dcb twin (magic number, hash, brotli) that decodes only with the same dictionary', () => {
    const dictionary = sealDictionary(commonMarkup(pages));
    const data = Buffer.from(page('Ny sak', 'Regjeringen legger fram statsbudsjettet onsdag.'));
    const twin = dcbEncode(data, dictionary);
    expect([...twin.subarray(0, 4)]).toEqual([0xff, 0x44, 0x43, 0x42]);
    expect(twin.subarray(4, 36).toString('base64')).toBe(dictionary.hash);
    expect(dcbDecode(twin, dictionary).equals(data)).toBe(true);
    expect(twin.length).toBeLessThan(brotliCompressSync(data).length * 0.7);
    expect(() => dcbDecode(twin, sealDictionary('<p>'))).toThrow(/another dictionary/);
    expect(dcbSuffix(dictionary.hash)).toBe(`.${dictionary.hash}.dcb`);
  });

  it('is sampled from article pages spread over the archive, then the front page and the 404 page', () => {
    const articles = Array.from(
      { length: 40 },
      (_, i) => `2020/10/${String((i % 28) + 1).padStart(2, '0')}/sak-${i}/index.html`,
    );
    const lists = [
      'utenriks/index.html',
      '2020/10/10/index.html',
      '2020/10/index.html',
      'tema/ntb/index.html',
      'av/ntb/index.html',
    ];
    const sample = samplePages(['404.html', ...lists, ...articles, 'index.html']);
    expect(sample).toHaveLength(18);
    expect(sample.slice(-2)).toEqual(['index.html', '404.html']);
    for (const path of sample.slice(0, 16)) expect(articles).toContain(path);
    expect(new Set(sample).size).toBe(18);
    // The same archive gives the same sample, whatever order the files were listed in.
    expect(samplePages([...articles].reverse().concat(lists, ['index.html', '404.html']))).toEqual(sample);
    expect(samplePages(['index.html', '404.html', 'utenriks/index.html'])).toEqual([
      'index.html',
      '404.html',
    ]);
    expect(spread([1, 2, 3], 16)).toEqual([1, 2, 3]);
    expect(
      spread(
        Array.from({ length: 100 }, (_, i) => i),
        4,
      ),
    ).toEqual([12, 37, 62, 87]);
  });

  it('is kept until a new one makes the sampled pages clearly smaller', () => {
    expect(keepDictionary(1000, 1000)).toBe(true);
    expect(keepDictionary(1000, 975)).toBe(true);
    expect(keepDictionary(1000, 960)).toBe(false);
  });
});
