import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/content/schema';

const schema = articleSchema(['innenriks', 'utenriks']);
const valid = { title: 'Våpenhvile', date: '2020-10-10T10:40:00+02:00', category: 'utenriks' };

function issues(data: Record<string, unknown>): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('articleSchema', () => {
  it('accepts a minimal article and fills defaults', () => {
    const result = schema.parse(valid);
    expect(result.date.toISOString()).toBe('2020-10-10T08:40:00.000Z');
    expect(result).toMatchObject({ title: 'Våpenhvile', category: 'utenriks', tags: [], draft: false });
  });

  it('reads offset-less times as Oslo time', () => {
    expect(schema.parse({ ...valid, date: '2020-10-12T23:30:00' }).date.toISOString()).toBe(
      '2020-10-12T21:30:00.000Z',
    );
  });

  it('names the field and the fix', () => {
    expect(issues({ ...valid, title: '  ' })).toEqual([
      'title: "title" is empty. Write a value or remove the line.',
    ]);
    expect(issues({ ...valid, category: 'verden' })[0]).toBe(
      'category: "category" must be one of: innenriks, utenriks (not "verden").',
    );
    expect(issues({ date: valid.date, category: 'utenriks' })[0]).toMatch(/^title: "title" is required/);
    expect(issues({ ...valid, title: 2020 })[0]).toMatch(/^title: "title" must be text.*double quotes/);
    expect(issues({ title: 'x', category: 'utenriks' })[0]).toMatch(/^date: "date" is required/);
    expect(issues({ ...valid, date: '2020-10-32T10:00:00' })[0]).toMatch(/^date: .*not a real calendar date/);
    expect(issues({ ...valid, date: '2020-10-10' })[0]).toMatch(/^date: .*no time of day/);
    expect(issues({ ...valid, slug: 'Ikke Gyldig' })[0]).toMatch(/^slug: .*lower-case ASCII/);
    expect(issues({ ...valid, draft: 'ja' })[0]).toBe('draft: "draft" must be true or false.');
  });

  it('takes a lead photo with alt text, and says how to write one', () => {
    const image = { src: './lavrov.jpg', alt: 'Lavrov ved et bord', credit: 'Foto: NTB' };
    expect(schema.parse({ ...valid, image }).image).toEqual(image);
    expect(issues({ ...valid, image: { src: './lavrov.jpg' } })[0]).toMatch(
      /^image\.alt: "image\.alt" is required: describe the photo/,
    );
    expect(issues({ ...valid, image: { src: './lavrov.jpg', alt: ' ' } })[0]).toMatch(
      /^image\.alt: .*is empty/,
    );
    expect(issues({ ...valid, image: './lavrov.jpg' })[0]).toMatch(
      /^image: "image" must be a block with the photo's src and alt on their own lines:\nimage:\n {2}src: \.\/lavrov\.jpg/,
    );
    expect(issues({ ...valid, image: { alt: 'x' } })[0]).toMatch(/^image\.src: "image\.src" is required/);
  });

  it('refuses an update before publication', () => {
    expect(issues({ ...valid, updated: '2020-10-10T10:00:00+02:00' })[0]).toMatch(
      /^updated: "updated" is before "date"/,
    );
    expect(issues({ ...valid, updated: '2020-10-10T12:00:00+02:00' })).toEqual([]);
  });
});
