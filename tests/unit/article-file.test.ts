import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleFilePath,
  articleFileText,
  imageFilePath,
  writeNewArticle,
  writeNewFile,
} from '../../src/lib/editor/article-file';
import { parseArticleSource } from '../../src/lib/content/frontmatter';
import { articleSchema } from '../../src/lib/content/schema';

describe('articleFileText', () => {
  it('writes front-matter that parses back to the same values', () => {
    const date = new Date('2020-10-10T08:40:00Z');
    const text = articleFileText(
      {
        title: 'Lavrov: «Enighet» – ja',
        date,
        category: 'utenriks',
        byline: 'NTB',
        tags: ['Russland'],
        image: { src: './lavrov.jpg', alt: 'Lavrov: «ved bordet»', credit: 'Foto: NTB' },
        draft: true,
        type: 'kommentar',
      },
      'Tekst.',
    );
    expect(text).toContain('date: 2020-10-10T10:40:00+02:00\n');
    expect(text).toContain('type: kommentar\n');
    expect(
      articleFileText({ title: 'T', date, category: 'utenriks', type: 'nyhet' }, 'Tekst.'),
    ).not.toContain('type:');
    const { data, body } = parseArticleSource(text, 'a.md');
    const parsed = articleSchema(['utenriks']).parse(data);
    expect(parsed).toMatchObject({
      title: 'Lavrov: «Enighet» – ja',
      category: 'utenriks',
      byline: 'NTB',
      tags: ['Russland'],
      image: { src: './lavrov.jpg', alt: 'Lavrov: «ved bordet»', credit: 'Foto: NTB' },
      draft: true,
      type: 'kommentar',
    });
    expect(parsed.date.toISOString()).toBe(date.toISOString());
    expect(body.trim()).toBe('Tekst.');
  });

  it('files articles by Oslo year and month', () => {
    expect(articleFilePath('/c/articles', new Date('2020-12-31T23:30:00Z'), 'nyttar')).toBe(
      '/c/articles/2021/01/nyttar.md',
    );
  });

  it('names the photo after the article, beside it', () => {
    expect(imageFilePath('/c/articles/2020/10/sak.md', 'kamera/IMG_0042.JPG')).toBe(
      '/c/articles/2020/10/sak.jpg',
    );
  });

  it('writes the article and its photo, both or neither', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nyheter-'));
    const photo = join(dir, 'foto.jpg');
    writeFileSync(photo, 'jpeg');
    const path = join(dir, 'a', 'sak.md');
    writeNewArticle(path, 'tekst', { from: photo, to: join(dir, 'a', 'sak.jpg') });
    expect(readFileSync(join(dir, 'a', 'sak.jpg'), 'utf8')).toBe('jpeg');
    // The article exists: nothing is written, and the photo copy made first is taken back.
    expect(() => writeNewArticle(path, 'ny', { from: photo, to: join(dir, 'a', 'annen.jpg') })).toThrow(
      /already exists/,
    );
    expect(existsSync(join(dir, 'a', 'annen.jpg'))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('tekst');
  });

  it('never overwrites', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nyheter-')), 'a', 'b.md');
    writeNewFile(path, 'første');
    expect(() => writeNewFile(path, 'andre')).toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('første');
  });
});
