import { describe, expect, it } from 'vitest';
import { jsonLd } from '../../src/lib/structured-data';

describe('jsonLd', () => {
  it('cannot be ended by a value and parses back to the same value', () => {
    const value = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = jsonLd(value);
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
