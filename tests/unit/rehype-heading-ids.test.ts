import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeHeadingIds, { headingId } from '../../src/lib/markdown/rehype-heading-ids';

describe('headingId', () => {
  it('makes ASCII ids that start with a letter and never repeat', () => {
    const used = new Set<string>();
    expect(headingId('– Siste mulighet', used)).toBe('siste-mulighet');
    expect(headingId('Økonomi og ærlighet', used)).toBe('okonomi-og-aerlighet');
    expect(headingId('Siste mulighet', used)).toBe('siste-mulighet-2');
    expect(headingId('2020 i tall', used)).toBe('s-2020-i-tall');
    expect(headingId('«»', used)).toBe('seksjon');
  });
});

describe('rehypeHeadingIds', () => {
  it('sets ids on h2–h6 and keeps ids that are already there', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'h2',
          properties: {},
          children: [{ type: 'text', value: 'Fredssamtaler i Moskva' }],
        },
        {
          type: 'element',
          tagName: 'h3',
          properties: { id: 'egen' },
          children: [{ type: 'text', value: 'X' }],
        },
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Tekst' }] },
      ],
    };
    rehypeHeadingIds()(tree);
    const ids = tree.children.map((n) => (n.type === 'element' ? n.properties.id : undefined));
    expect(ids).toEqual(['fredssamtaler-i-moskva', 'egen', undefined]);
  });
});
