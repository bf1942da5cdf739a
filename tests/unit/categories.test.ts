import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCategories } from '../../src/lib/content/categories';
import { REQUIRED_CATEGORIES } from '../helpers/categories';

describe('parseCategories', () => {
  it('reads the project default list with the required categories', () => {
    const list = parseCategories(readFileSync('content/categories.yaml', 'utf8'), 'content/categories.yaml');
    expect(list.map((c) => c.slug)).toEqual(expect.arrayContaining([...REQUIRED_CATEGORIES]));
    expect(list.find((c) => c.slug === 'okonomi')?.name).toBe('Økonomi');
  });

  it('rejects bad slugs, reserved slugs, duplicates and missing names', () => {
    expect(() => parseCategories('- slug: Økonomi\n  name: Ø', 'c.yaml')).toThrow(
      /c\.yaml, category 1: "slug"/,
    );
    expect(() => parseCategories('- slug: "2020"\n  name: År', 'c.yaml')).toThrow(/reserved/);
    // The topic and byline folders: a category there would mix its pages with theirs.
    for (const slug of ['tema', 'av']) {
      expect(() => parseCategories(`- slug: ${slug}\n  name: X`, 'c.yaml')).toThrow(
        `c.yaml, category 1: slug "${slug}" is reserved for the site's own pages. Pick another.`,
      );
    }
    expect(() => parseCategories('- {slug: a, name: A}\n- {slug: a, name: B}', 'c.yaml')).toThrow(
      /listed twice/,
    );
    expect(() => parseCategories('- slug: a', 'c.yaml')).toThrow(/"name"/);
    expect(() => parseCategories('[]', 'c.yaml')).toThrow(/found none/);
  });
});
