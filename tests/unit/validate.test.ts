import { describe, expect, it } from 'vitest';
import { formatProblem, formatReport } from '../../src/lib/content/errors';
import { lintArticle } from '../../src/lib/content/lint';
import { validationSchema as articleSchema } from '../../src/lib/content/schema';
import { duplicateUrlProblems, urlProblems, validateArticleFile } from '../../src/lib/content/validate';
import { makeArticle } from '../helpers/articles';

const schema = articleSchema(['innenriks', 'utenriks']);
const file = (frontmatter: string, body = 'Tekst.') => `---\n${frontmatter}\n---\n\n${body}\n`;

describe('validateArticleFile', () => {
  it('returns the data of a good file without problems', () => {
    const result = validateArticleFile(
      file('title: Hei\ndate: 2020-10-10T10:00\ncategory: utenriks\nbyline: NTB'),
      'articles/a.md',
      schema,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.data?.title).toBe('Hei');
    expect(result.bodyLine).toBe(7);
  });

  it('reports every field problem of a file at once, with file and field', () => {
    const result = validateArticleFile(
      file('title: ""\ndate: 2020-10-32T10:00\ncategory: verden'),
      'articles/b.md',
      schema,
    );
    expect(result.errors.map(formatProblem)).toEqual([
      'articles/b.md → title: "title" is empty. Write a value or remove the line.',
      expect.stringMatching(/^articles\/b\.md → date: "2020-10-32T10:00" is not a real calendar date/),
      'articles/b.md → category: "category" must be one of: innenriks, utenriks (not "verden").',
    ]);
  });

  it('reports an empty body and unparseable files as errors, not exceptions', () => {
    const empty = validateArticleFile(
      file('title: Hei\ndate: 2020-10-10T10:00\ncategory: utenriks', '  '),
      'e.md',
      schema,
    );
    expect(empty.errors.map((e) => e.problem)).toEqual(['The article has no text.']);
    const unclosed = validateArticleFile('---\ntitle: Hei\n', 'u.md', schema);
    expect(unclosed.errors[0]?.problem).toMatch(/never closed/);
  });
});

describe('lintArticle and the lead photo', () => {
  it('warns about a photo without a credit and unknown photo fields', () => {
    const warnings = lintArticle(
      'a.md',
      { byline: 'NTB', image: { src: './a.jpg', alt: 'A', fotograf: 'Ola' } },
      'T.',
      6,
    );
    expect(warnings.map(formatProblem)).toEqual([
      'a.md → image.fotograf: Unknown field "fotograf" under image is ignored. The fields of image are src, alt, caption, credit.',
      'a.md → image.credit: The photo has no credit. Add who took it, e.g. credit: "Foto: Ola Nordmann / NTB".',
    ]);
  });

  it('ignores (and warns about) derived fields written by hand', () => {
    const result = validateArticleFile(
      file('title: Hei\ndate: 2020-10-10T10:00\ncategory: utenriks\nbyline: NTB\nbodyImages: [1, 2]'),
      'articles/a.md',
      schema,
    );
    expect(result.errors).toEqual([]);
    expect(result.raw).not.toHaveProperty('bodyImages');
  });
});

describe('lintArticle', () => {
  it('warns about an article larger than 100 kB (a pasted document), not about a long read', () => {
    const large = lintArticle('a.md', { byline: 'NTB' }, 'Ord og ord. '.repeat(10_000), 6);
    expect(large.map(formatProblem)).toEqual([
      'a.md: The text is 120 kB, more than 100 kB: a page that large loads slowly on a phone, and feeds carry only its summary. Split it into several articles, or check that no document was pasted in by mistake.',
    ]);
    expect(lintArticle('a.md', { byline: 'NTB' }, 'Ord og ord. '.repeat(8_000), 6)).toEqual([]);
  });

  it('warns about unknown fields and a missing byline', () => {
    const warnings = lintArticle('a.md', { title: 'x', forfatter: 'Ola' }, 'Tekst.', 6);
    expect(warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/^a\.md → forfatter: Unknown field "forfatter" is ignored\. Check the spelling/),
      'a.md → byline: No byline. Add e.g. "byline: NTB" or the reporter\'s name.',
    ]);
  });

  it('warns about a "- " quote paragraph and a "17. mai" paragraph, with line numbers', () => {
    const body = [
      'Innledning.',
      '',
      '- Vi er fornøyde, sier hun.',
      '',
      '17. mai ble feiret.',
      '',
      'Slutt.',
    ].join('\n');
    const warnings = lintArticle('a.md', { byline: 'NTB' }, body, 6);
    expect(warnings.map((w) => [w.line, w.problem.slice(0, 30)])).toEqual([
      [8, 'A paragraph starts with "- " a'],
      [10, 'A paragraph starts with a numb'],
    ]);
  });

  it('leaves real lists and code alone', () => {
    const body = ['- en', '- to', '', '1. første', '2. andre', '', '```', '- kode', '```'].join('\n');
    expect(lintArticle('a.md', { byline: 'NTB' }, body, 6)).toEqual([]);
  });
});

describe('URL checks', () => {
  it('names both files when two articles would share a URL', () => {
    const one = makeArticle('one', '2020-10-10T10:00:00+02:00', { title: 'Samme tittel' });
    const two = makeArticle('two', '2020-10-10T18:00:00+02:00', { title: 'Samme tittel' });
    const [problem] = duplicateUrlProblems([one, two]);
    expect(problem && formatProblem(problem)).toBe(
      'articles/two.md → slug: articles/one.md and articles/two.md would both be published at /2020/10/10/samme-tittel/. Give one of them a different title or a "slug" field.',
    );
    const otherDay = makeArticle('three', '2020-10-11T10:00:00+02:00', { title: 'Samme tittel' });
    expect(duplicateUrlProblems([one, otherDay])).toEqual([]);
  });

  it('refuses reserved and empty slugs', () => {
    expect(urlProblems(makeArticle('a', '2020-10-10T10:00', { slug: 'side' }))[0]?.problem).toMatch(
      /reserved/,
    );
    expect(urlProblems(makeArticle('b', '2020-10-10T10:00', { title: '«»' }))[0]?.problem).toMatch(
      /empty URL slug/,
    );
  });

  it('refuses a tag without letters or digits: its topic page would have no address', () => {
    expect(urlProblems(makeArticle('c', '2020-10-10T10:00', { tags: ['Russland', '???'] }))).toEqual([
      {
        file: 'articles/c.md',
        field: 'tags',
        problem: 'The tag "???" has no letters or digits, so its topic page would have no address.',
        fix: 'Remove it, or write the topic in words, e.g. tags: [Nagorno-Karabakh].',
      },
    ]);
    expect(urlProblems(makeArticle('d', '2020-10-10T10:00', { tags: ['Økonomi', 'økonomi'] }))).toEqual([]);
  });

  it('formats a report of errors and warnings', () => {
    const report = formatReport(
      [{ file: 'a.md', field: 'title', problem: 'Empty.', fix: 'Write one.' }],
      [{ file: 'b.md', line: 3, problem: 'Hmm.', fix: '' }],
    );
    expect(report).toBe(
      '1 error in 1 article file:\n  ✗ a.md → title: Empty. Write one.\n1 warning (the build goes on):\n  ! b.md:3: Hmm.',
    );
  });
});

describe('formatReport with many warnings', () => {
  it('lists at most the limit and says how many more there are', () => {
    const warnings = Array.from({ length: 5 }, (_, i) => ({ file: `a${i}.md`, problem: 'Hmm.', fix: '' }));
    const report = formatReport([], warnings, 2);
    expect(report.split('\n')).toEqual([
      '5 warnings (the build goes on):',
      '  ! a0.md: Hmm.',
      '  ! a1.md: Hmm.',
      '  … and 3 more: npm run check:content lists them all.',
    ]);
  });
});
