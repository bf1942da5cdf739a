// Issue 26: which article holds a wire story, and what a new version of it means.
import { describe, expect, it } from 'vitest';
import { versionVerdict, wireOf } from '../../src/lib/editor/wire-store';

describe('wireOf', () => {
  it('reads the wire block the importer writes, and nothing else', () => {
    const text = '---\ntitle: "X"\nwire:\n  id: "urn:ntb:1"\n  version: 3\n---\n\nwire:\n  id: other\n';
    expect(wireOf(text)).toEqual({ id: 'urn:ntb:1', version: 3 });
    expect(wireOf('---\nwire:\n  id: urn:x:2\n---\n')).toEqual({ id: 'urn:x:2', version: undefined });
    expect(wireOf('---\ntitle: X\n---\n\nwire:\n  id: in-the-body\n')).toBeUndefined();
  });
});

describe('versionVerdict', () => {
  it('tells a new story, a newer, the same and an older version', () => {
    expect(versionVerdict(undefined, 1)).toBe('new');
    expect(versionVerdict({ version: 1 }, 2)).toBe('newer');
    expect(versionVerdict({ version: 2 }, 2)).toBe('same');
    expect(versionVerdict({ version: 3 }, 2)).toBe('older');
    // Without numbers, a later file is a later version.
    expect(versionVerdict({ version: undefined }, 2)).toBe('newer');
  });
});
