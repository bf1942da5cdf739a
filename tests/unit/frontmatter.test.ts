import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte, parseArticleSource } from '../../src/lib/frontmatter';

describe('parseArticleSource', () => {
  it('keeps dates as the strings the editor wrote', () => {
    const { data, body } = parseArticleSource(
      '---\ntitle: Hei\ndate: 2020-10-12T23:30:00\nupdated: 2020-10-32T10:00:00\n---\n\nTekst.\n',
      'articles/a.md',
    );
    expect(data).toEqual({ title: 'Hei', date: '2020-10-12T23:30:00', updated: '2020-10-32T10:00:00' });
    expect(body).toBe('\nTekst.\n');
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const { data } = parseArticleSource('\uFEFF---\r\ntitle: Hei\r\n---\r\nTekst', 'a.md');
    expect(data).toEqual({ title: 'Hei' });
  });

  it('names the file and suggests quoting on invalid YAML', () => {
    expect(() => parseArticleSource('---\ntitle: Lavrov: enighet\n---\n', 'articles/lavrov.md')).toThrow(
      /articles\/lavrov\.md: The front-matter is not valid YAML \(line 2\).*double quotes/,
    );
  });

  it('reports unclosed and missing front-matter', () => {
    expect(() => parseArticleSource('---\ntitle: Hei\n\nTekst', 'a.md')).toThrow(/never closed/);
    expect(() => parseArticleSource('title: Hei\n', 'a.md')).toThrow(/does not start with front-matter/);
  });

  it('reports text that was not UTF-8, with the byte offset', () => {
    // "---\ntitle: H" is 12 bytes; then a Latin-1 "ø" (0xF8), which is not UTF-8.
    const bytes = Uint8Array.from([...Buffer.from('---\ntitle: H'), 0xf8, ...Buffer.from('i\n---\n')]);
    const text = new TextDecoder().decode(bytes);
    expect(() => parseArticleSource(text, 'a.md', () => bytes)).toThrow(/not valid UTF-8 .*byte offset 12/);
    expect(firstInvalidUtf8Byte(Buffer.from('blåbær'))).toBe(-1);
    expect(firstInvalidUtf8Byte(Uint8Array.from([0x61, 0xc3, 0xa5, 0xff]))).toBe(3);
  });

  it('accepts a real U+FFFD character in valid UTF-8', () => {
    const text = '---\ntitle: \uFFFD\n---\n';
    expect(parseArticleSource(text, 'a.md', () => Buffer.from(text)).data).toEqual({ title: '\uFFFD' });
  });
});
