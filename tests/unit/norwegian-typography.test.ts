import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkNorwegianTypography, { typesetTexts } from '../../src/lib/markdown/remark-norwegian-typography';

const typeset = (...values: string[]) => {
  const texts = values.map((value) => ({ type: 'text' as const, value }));
  typesetTexts(texts);
  return texts.map((t) => t.value);
};

describe('Norwegian typography', () => {
  it('uses «» for double quotes and en dashes', () => {
    expect(typeset('Det er "ingen grunn til optimisme", sier han -- men prøver.')).toEqual([
      'Det er «ingen grunn til optimisme», sier han – men prøver.',
    ]);
  });

  it('handles quotes at the start, around emphasis and apostrophes', () => {
    expect(typeset('"Nei," sa hun.')).toEqual(['«Nei,» sa hun.']);
    expect(typeset('Han sa "', 'aldri', '" i går.')).toEqual(['Han sa «', 'aldri', '» i går.']);
    expect(typeset("Norway's 'beste' dag...")).toEqual(['Norway’s ‘beste’ dag…']);
    expect(typeset('1990---2000')).toEqual(['1990—2000']);
  });

  it('leaves code alone', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Kjør ' },
            { type: 'inlineCode', value: 'a -- "b"' },
          ],
        },
        { type: 'code', value: '"x" -- y' },
      ],
    };
    remarkNorwegianTypography()(tree);
    expect(tree).toEqual({
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Kjør ' },
            { type: 'inlineCode', value: 'a -- "b"' },
          ],
        },
        { type: 'code', value: '"x" -- y' },
      ],
    });
  });
});
