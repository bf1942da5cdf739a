import { describe, expect, it } from 'vitest';
import { assetFileNames, photoStem } from '../../src/lib/images/asset-names';

describe('published photo names', () => {
  it.each([
    ['Bilde av Fjord.JPG', 'bilde-av-fjord'],
    ['Ærlig talt – Ålesund.jpeg', 'aerlig-talt-alesund'],
    // The same name as macOS writes it (NFD: a + combining ring), and precomposed.
    ['Sj\u00f8 og \u00e5s.png'.normalize('NFD'), 'sjo-og-as'],
    ['Sj\u00f8 og \u00e5s.png', 'sjo-og-as'],
    ['😀.webp', 'bilde'],
    ['lavrov.jpg', 'lavrov'],
  ])('%s → %s', (name, stem) => {
    expect(photoStem(name)).toBe(stem);
  });

  it('names photos by their slug with a lower-case extension, and the rest as Astro does', () => {
    const name = assetFileNames('_astro');
    expect(name({ names: ['Bilde av Fjord.JPG'] })).toBe('_astro/bilde-av-fjord.[hash].jpg');
    expect(name({ names: ['index@_@astro.css'] })).toBe('_astro/index.[hash][extname]');
    expect(name({ names: ['Kicker.css'] })).toBe('_astro/[name].[hash][extname]');
    expect(name({})).toBe('_astro/[name].[hash][extname]');
  });
});
