import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bodyDir,
  bodyFileMissing,
  listBodies,
  pruneBodies,
  readBody,
  writeBody,
} from '../../src/lib/content/body-files';

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

  it("are known to be missing from one listing of the folder; another folder's are looked for", () => {
    const here = writeBody(dir, 'listed', '<p>l</p>');
    const listed = listBodies(dir);
    expect(listed?.files.has(here)).toBe(true);
    expect(bodyFileMissing({ metadata: { bodyFile: here } }, listed)).toBe(false);
    expect(bodyFileMissing({ metadata: { bodyFile: join(dir, 'borte.html') } }, listed)).toBe(true);
    // Taken off the disk after the listing: the listing answers (one look per build, not per file).
    rmSync(here);
    expect(bodyFileMissing({ metadata: { bodyFile: here } }, listed)).toBe(false);
    expect(bodyFileMissing({ metadata: { bodyFile: here } })).toBe(true);
    // A body in another folder (a moved cache) is looked for on disk.
    const elsewhere = bodyDir(mkdtempSync(join(tmpdir(), 'nyheter-bodies-other-')));
    const other = writeBody(elsewhere, 'other', '<p>o</p>');
    expect(bodyFileMissing({ metadata: { bodyFile: other } }, listed)).toBe(false);
    rmSync(other);
    expect(bodyFileMissing({ metadata: { bodyFile: other } }, listed)).toBe(true);
    rmSync(join(elsewhere, '..'), { recursive: true, force: true });
    expect(listBodies(join(dir, 'ingen'))).toBeUndefined();
  });

  it('are pruned when no stored entry refers to them', () => {
    const keep = writeBody(dir, 'keep', '<p>k</p>');
    writeBody(dir, 'stale', '<p>s</p>');
    expect(pruneBodies(dir, new Set([keep, join(dir, 'abc123.html')]))).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['abc123.html', 'keep.html']);
    expect(existsSync(join(dir, 'stale.html'))).toBe(false);
  });
});
