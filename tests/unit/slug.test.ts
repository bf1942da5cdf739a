import { describe, expect, it } from 'vitest';
import { isValidSlug, MAX_SLUG_LENGTH, slugify } from '../../src/lib/slug';

describe('slugify', () => {
  it('transliterates Norwegian letters', () => {
    const slug = slugify('Økende spenning før møtet i Ålesund – ærlig talt');
    expect(slug).toBe('okende-spenning-for-motet-i-alesund-aerlig-talt');
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('strips other accents and punctuation', () => {
    expect(slugify('Café Müller: «Crème brûlée» – 100 %!')).toBe('cafe-muller-creme-brulee-100');
    expect(slugify('  --Hei--  ')).toBe('hei');
    expect(slugify('ÆØÅ æøå')).toBe('aeoa-aeoa');
  });

  it('returns an empty slug when nothing usable is left', () => {
    expect(slugify('«»–!')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('ord '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('ord')).toBe(true);
  });

  it('validates slug overrides', () => {
    expect(isValidSlug('vapenhvile-i-karabakh')).toBe(true);
    for (const bad of ['Vapenhvile', 'a--b', '-a', 'a b', 'våpen', ''])
      expect(isValidSlug(bad), bad).toBe(false);
  });
});
