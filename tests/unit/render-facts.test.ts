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

  it('are stored with what a build reads back, and no more', () => {
    const image = { path: './foto.jpg', alt: 'Et foto', title: undefined };
    const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });
    const outline = [h(2, 'A'), h(3, 'A1'), h(2, 'B'), h(2, 'C')];
    const metadata = {
      headings: outline,
      localImagePaths: ['./foto.jpg'],
      remoteImagePaths: [],
      imagePaths: ['./foto.jpg'],
      frontmatter: {
        title: 'Tittel',
        tags: ['krig'],
        derivedLede: 'Første.',
        wordCount: LONG_READ_MINUTES * 200,
        bodyImages: [image],
      },
    };
    const stored = storedRenderMetadata(metadata);
    // A long read keeps its table of contents; the front-matter copy, the body's images (in the
    // entry's data) and empty lists go.
    expect(stored).toEqual({
      headings: [h(2, 'A'), h(2, 'B'), h(2, 'C')],
      localImagePaths: ['./foto.jpg'],
      imagePaths: ['./foto.jpg'],
      frontmatter: { derivedLede: 'Første.', wordCount: LONG_READ_MINUTES * 200 },
    });
    const { derivedLede, wordCount } = readRenderFacts(metadata);
    expect(readRenderFacts(stored)).toMatchObject({ derivedLede, wordCount });
    // What the page shows from it is what it shows from the whole render.
    const minutes = Math.round(wordCount / 200);
    expect(contentsHeadings(stored.headings as typeof outline, minutes)).toEqual(
      contentsHeadings(outline, minutes),
    );
    // A short story shows no contents: none are stored.
    const short = storedRenderMetadata({ ...metadata, frontmatter: { title: 'x', wordCount: 3 } });
    expect(short).toEqual({
      localImagePaths: ['./foto.jpg'],
      imagePaths: ['./foto.jpg'],
      frontmatter: { wordCount: 3 },
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
