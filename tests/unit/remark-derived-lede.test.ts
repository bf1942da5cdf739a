import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkDerivedLede, {
  firstParagraphText,
  truncateAtWord,
} from '../../src/lib/markdown/remark-derived-lede';

const tree = (children: Root['children']): Root => ({ type: 'root', children });

describe('remarkDerivedLede', () => {
  it('takes the first paragraph as plain text, skipping headings', () => {
    const root = tree([
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Tittel' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Første ' },
          { type: 'strong', children: [{ type: 'text', value: 'avsnitt' }] },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'Andre' }] },
    ]);
    const file = { data: {} as { astro?: { frontmatter?: Record<string, unknown> } } };
    remarkDerivedLede()(root, file);
    expect(file.data.astro?.frontmatter?.derivedLede).toBe('Første avsnitt');
  });

  it('skips a paragraph that is only an image (a figure, not text)', () => {
    const root = tree([
      { type: 'paragraph', children: [{ type: 'image', url: './kart.png', alt: 'Kart over fronten' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'Første setning.' }] },
    ]);
    expect(firstParagraphText(root)).toBe('Første setning.');
  });

  it('leaves nothing when there is no paragraph', () => {
    expect(firstParagraphText(tree([]))).toBeUndefined();
  });

  it('cuts long text at a word with an ellipsis', () => {
    expect(truncateAtWord('en to tre fire fem', 10)).toBe('en to tre…');
    expect(truncateAtWord('kort', 10)).toBe('kort');
  });
});
