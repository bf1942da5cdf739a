import { describe, expect, it } from 'vitest';
import { snippetEnds } from '../../src/lib/distribution/snippet';

const content =
  'Armenia og Aserbajdsjan ble enige om en våpenhvile. Kampene fortsatte likevel i Stepanakert lørdag. Partene møtes igjen i Moskva.';

describe('search snippets', () => {
  it('are marked as cut at both ends when taken from the middle of the text', () => {
    expect(snippetEnds('fortsatte likevel i Stepanakert lørdag', content)).toEqual({
      cutStart: true,
      cutEnd: true,
    });
  });

  it('are not marked at an end the text shares', () => {
    expect(snippetEnds('Armenia og  Aserbajdsjan ble enige', content)).toEqual({
      cutStart: false,
      cutEnd: true,
    });
    expect(snippetEnds('igjen i Moskva.', content)).toEqual({ cutStart: true, cutEnd: false });
    expect(snippetEnds(content, content)).toEqual({ cutStart: false, cutEnd: false });
  });

  it('leave an empty excerpt alone', () => {
    expect(snippetEnds('', content)).toEqual({ cutStart: false, cutEnd: false });
  });
});
