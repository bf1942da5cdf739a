import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../src/lib/markdown/remark-reading-time';

describe('reading time', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('– Vi er klare, sier han. 12 år – og «ferdig»!')).toBe(9);
  });

  it('rounds to whole minutes, at least one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(350)).toBe(2);
    expect(readingMinutes(900)).toBe(5);
  });
});
