import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte, parseArticleSource } from '../../src/lib/content/frontmatter';

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

  it('gives the YAML fix that fits the error', () => {
    const fix = (yaml: string) => {
      try {
        parseArticleSource(`---\n${yaml}\n---\n\nTekst.`, 'a.md');
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(fix('title: a\ntitle: b')).toMatch(/duplicated mapping key.*Each field may appear once/);
    expect(fix('title: a\u0000b')).toMatch(/null byte.*invisible control character/);
    expect(fix('tags:\n\t- a')).toMatch(/Indent with spaces/);
    for (const message of [fix('title: a\ntitle: b'), fix('title: a\u0000b')])
      expect(message).not.toMatch(/double quotes/);
  });

  it('refuses YAML aliases, which can expand a few bytes into billions of values', () => {
    // Four levels (9^4 values) make the point and stay cheap if the check ever breaks: eight
    // levels, the real bomb, would expand to 43 million values before a test could fail.
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, name] of [...'bcd'].entries()) {
      const previous = 'abcdefg'[i] ?? 'a';
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    levels.push(`tags: [${Array(9).fill('*d').join(', ')}]`);
    expect(() =>
      parseArticleSource(`---\ntitle: Bombe\n${levels.join('\n')}\n---\n\nTekst.`, 'articles/bombe.md'),
    ).toThrow(/articles\/bombe\.md → b: The front-matter repeats a list or block through a YAML alias/);
    // A repeated plain value is harmless and stays allowed: only lists and blocks expand.
    const { data } = parseArticleSource('---\ntitle: &t Hei\nlede: *t\n---\n\nTekst.', 'a.md');
    expect(data).toMatchObject({ title: 'Hei', lede: 'Hei' });
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
