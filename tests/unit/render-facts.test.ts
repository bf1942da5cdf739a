import { describe, expect, it } from 'vitest';
import {
  contentsHeadings,
  LONG_READ_MINUTES,
  readRenderFacts,
  setRenderFact,
  storedRenderMetadata,
} from '../../src/lib/markdown/render-facts';

describe('render facts', () => {
  it('are written by plugins into the render front-matter and read back typed', () => {
    const file: { data: { astro?: { frontmatter?: Record<string, unknown> } } } = { data: {} };
    setRenderFact(file, 'derivedLede', 'Første avsnitt.');
    setRenderFact(file, 'wordCount', 412);
    expect(readRenderFacts(file.data.astro)).toEqual({
      derivedLede: 'Første avsnitt.',
      wordCount: 412,
      bodyImages: [],
    });
  });

  it('fall back to safe values for an old or foreign render', () => {
    expect(readRenderFacts(undefined)).toEqual({ derivedLede: undefined, wordCount: 0, bodyImages: [] });
    expect(readRenderFacts({ frontmatter: { derivedLede: 7, wordCount: '12', bodyImages: 'x' } })).toEqual({
      derivedLede: undefined,
      wordCount: 0,
      bodyImages: [],
    });
  });

  it('are all the front-matter the stored metadata keeps; the rest of the metadata stays', () => {
    const image = { path: './foto.jpg', alt: 'Et foto', title: undefined };
    const metadata = {
      headings: [{ depth: 2, slug: 'a', text: 'A' }],
      imagePaths: ['./foto.jpg'],
      frontmatter: {
        title: 'Tittel',
        tags: ['krig'],
        derivedLede: 'Første.',
        wordCount: 412,
        bodyImages: [image],
      },
    };
    const stored = storedRenderMetadata(metadata);
    expect(stored).toEqual({
      headings: metadata.headings,
      imagePaths: ['./foto.jpg'],
      frontmatter: { derivedLede: 'Første.', wordCount: 412, bodyImages: [image] },
    });
    expect(readRenderFacts(stored)).toEqual(readRenderFacts(metadata));
    expect(storedRenderMetadata({ frontmatter: { title: 'x', wordCount: 3 } }).frontmatter).toEqual({
      wordCount: 3,
      bodyImages: [],
    });
  });
});

describe('the table of contents', () => {
  const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });
  const three = [h(2, 'A'), h(3, 'A1'), h(2, 'B'), h(2, 'C')];
  it('lists the subheadings of a long read with three or more, and nothing otherwise', () => {
    expect(contentsHeadings(three, LONG_READ_MINUTES).map((x) => x.text)).toEqual(['A', 'B', 'C']);
    expect(contentsHeadings([h(2, 'A'), h(2, 'B'), h(3, 'B1'), h(3, 'B2')], LONG_READ_MINUTES)).toEqual([]);
  });
  it('leaves it out of a short story, however many subheadings it has', () => {
    expect(contentsHeadings(three, LONG_READ_MINUTES - 1)).toEqual([]);
  });
});
