import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleId, isArticleFile, listArticleFiles, symlinkProblems } from '../../src/lib/content/dir';

describe('article ids', () => {
  it('are the path under articles/ with "/" separators and without .md', () => {
    expect(articleId('2020/lavrov-i-moskva.md')).toBe('2020/lavrov-i-moskva');
    expect(articleId('2020\\10\\lavrov.md')).toBe('2020/10/lavrov');
    expect(articleId('lavrov/index.md')).toBe('lavrov/index');
  });
});

describe('the article files the build reads', () => {
  it('are .md files outside hidden files and folders, as glob("**/*.md") matched', () => {
    expect(isArticleFile('2020/a.md')).toBe(true);
    expect(isArticleFile('a.md')).toBe(true);
    expect(isArticleFile('2020/a.markdown')).toBe(false);
    expect(isArticleFile('2020/a.MD')).toBe(false);
    expect(isArticleFile('.utkast/a.md')).toBe(false);
    expect(isArticleFile('2020/.a.md')).toBe(false);
    expect(isArticleFile('../a.md')).toBe(false);
  });

  it('are listed sorted, with "/" separators, without hidden ones, photos or linked files', () => {
    const root = mkdtempSync(join(tmpdir(), 'nyheter-list-'));
    try {
      mkdirSync(join(root, '2020', '10'), { recursive: true });
      mkdirSync(join(root, '.git'), { recursive: true });
      for (const file of [
        'b.md',
        '2020/10/a.md',
        '2020/a.md',
        '2020/foto.jpg',
        '.git/x.md',
        '2020/.skjult.md',
      ])
        writeFileSync(join(root, file), '---\ntitle: x\n---\n');
      symlinkSync(join(root, 'b.md'), join(root, '2020', 'lenke.md'));
      expect(listArticleFiles(root)).toEqual(['2020/10/a.md', '2020/a.md', 'b.md']);
      expect(listArticleFiles(join(root, 'finnes-ikke'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('symbolic links under articles/', () => {
  const root = mkdtempSync(join(tmpdir(), 'nyheter-links-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const content = join(root, 'content');
  const articles = join(content, 'articles');
  mkdirSync(join(articles, '2020'), { recursive: true });
  mkdirSync(join(root, 'utenfor'), { recursive: true });
  writeFileSync(join(root, 'utenfor', 'sak.md'), '---\ntitle: x\n---\n');
  writeFileSync(join(articles, '2020', 'foto.jpg'), 'jpeg');
  symlinkSync(join(root, 'utenfor'), join(articles, 'mappe'));
  symlinkSync(join(root, 'utenfor', 'sak.md'), join(articles, '2020', 'lenke.md'));
  symlinkSync(join(root, 'finnes-ikke.md'), join(articles, 'brutt.md'));
  symlinkSync(join(articles, '2020', 'foto.jpg'), join(articles, '2020', 'samme-foto.jpg'));

  it('are refused when they lead to an article or a folder, broken ones too; photos may be links', () => {
    expect(symlinkProblems(articles, content).map((p) => p.file)).toEqual([
      'articles/2020/lenke.md',
      'articles/brutt.md',
      'articles/mappe',
    ]);
  });

  it('are not looked for in a folder that does not exist', () => {
    expect(symlinkProblems(join(root, 'ingen'), root)).toEqual([]);
  });
});
