import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storeModuleCode } from '../../src/lib/build/content-store-module';

describe('storeModuleCode', () => {
  it('exports the parsed store file, read when the module loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const store = join(dir, 'data-store.json');
    const data = [{ articles: 1 }, 'Nagorno-Karabakh «våpenhvile»', [2, 3]];
    writeFileSync(store, JSON.stringify(data));
    const module = join(dir, 'store.mjs');
    writeFileSync(module, storeModuleCode(store));
    const loaded = (await import(/* @vite-ignore */ pathToFileURL(module).href)) as { default: unknown };
    expect(loaded.default).toEqual(data);
  });
});
