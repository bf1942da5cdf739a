import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyDir, bodyFileMissing, pruneBodies, readBody, writeBody } from '../../src/lib/content/body-files';

describe('rendered bodies in files of their own', () => {
  const dir = bodyDir(mkdtempSync(join(tmpdir(), 'nyheter-bodies-')));
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('are written under their digest and read back through the stored render', () => {
    const file = writeBody(dir, 'abc123', '<p>Tekst.</p>');
    expect(file).toBe(join(dir, 'abc123.html'));
    const rendered = { html: '', metadata: { bodyFile: file } };
    expect(readBody(rendered, 'articles/a.md')).toBe('<p>Tekst.</p>');
    expect(bodyFileMissing(rendered)).toBe(false);
    // A render stored before bodies moved out keeps its inline HTML.
    expect(readBody({ html: '<p>Gammel.</p>', metadata: {} }, 'articles/b.md')).toBe('<p>Gammel.</p>');
  });

  it('refuse a digest that could name another folder', () => {
    expect(() => writeBody(dir, '../x', '<p>x</p>')).toThrow(/Unexpected content digest/);
  });

  it('are known to be missing, with a message that names the article', () => {
    const rendered = { metadata: { bodyFile: join(dir, 'borte.html') } };
    expect(bodyFileMissing(rendered)).toBe(true);
    expect(() => readBody(rendered, 'articles/borte.md')).toThrow(
      /rendered text of articles\/borte\.md is missing/,
    );
  });

  it('are pruned when no stored entry refers to them', () => {
    const keep = writeBody(dir, 'keep', '<p>k</p>');
    writeBody(dir, 'stale', '<p>s</p>');
    expect(pruneBodies(dir, new Set([keep, join(dir, 'abc123.html')]))).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['abc123.html', 'keep.html']);
    expect(existsSync(join(dir, 'stale.html'))).toBe(false);
  });
});
