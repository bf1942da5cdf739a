import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFilePath, articleMarkdown, writeNewFile } from '../../src/lib/article-file';
import { parseArticleSource } from '../../src/lib/frontmatter';
import { articleSchema } from '../../src/lib/schema';

describe('articleMarkdown', () => {
  it('writes front-matter that parses back to the same values', () => {
    const date = new Date('2020-10-10T08:40:00Z');
    const text = articleMarkdown(
      {
        title: 'Lavrov: «Enighet» – ja',
        date,
        category: 'utenriks',
        byline: 'NTB',
        tags: ['Russland'],
        draft: true,
      },
      'Tekst.',
    );
    expect(text).toContain('date: 2020-10-10T10:40:00+02:00\n');
    const { data, body } = parseArticleSource(text, 'a.md');
    const parsed = articleSchema(['utenriks']).parse(data);
    expect(parsed).toMatchObject({
      title: 'Lavrov: «Enighet» – ja',
      category: 'utenriks',
      byline: 'NTB',
      tags: ['Russland'],
      draft: true,
    });
    expect(parsed.date.toISOString()).toBe(date.toISOString());
    expect(body.trim()).toBe('Tekst.');
  });

  it('files articles by Oslo year and month', () => {
    expect(articleFilePath('/c/articles', new Date('2020-12-31T23:30:00Z'), 'nyttar')).toBe(
      '/c/articles/2021/01/nyttar.md',
    );
  });

  it('never overwrites', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nyheter-')), 'a', 'b.md');
    writeNewFile(path, 'første');
    expect(() => writeNewFile(path, 'andre')).toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('første');
  });
});
