import { describe, expect, it } from 'vitest';
import { countLabel, t } from '../../src/lib/strings';

describe('strings', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('list.page', { page: 2, pages: 5 })).toBe('side 2 av 5');
    expect(t('list.page')).toBe('side {page} av {pages}');
  });

  it('counts in Norwegian', () => {
    expect(countLabel(1)).toBe('1 sak');
    expect(countLabel(3)).toBe('3 saker');
  });
});
