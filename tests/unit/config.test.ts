import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, settings } from '../../src/lib/config';

describe('settings', () => {
  it('has the documented defaults', () => {
    expect(settings({})).toEqual({
      siteUrl: DEFAULT_SITE_URL,
      basePath: '/',
      contentDir: undefined,
      buildNow: undefined,
      outDir: './dist',
      cacheDir: './node_modules/.astro',
      searchShardPages: undefined,
      precompress: true,
      dictionary: true,
      renderWorker: undefined,
      buildPart: undefined,
    });
    expect(DEFAULT_SITE_URL).toBe('http://localhost:4321');
  });

  it('reads each variable, and an empty one as unset', () => {
    const env = {
      SITE_URL: 'https://nyheter.example.no',
      BASE_PATH: '/nyheter/',
      CONTENT_DIR: '/srv/innhold',
      BUILD_NOW: '2020-10-10T12:00',
      OUT_DIR: '/srv/www',
      CACHE_DIR: '',
      SEARCH_SHARD_PAGES: '500',
      PRECOMPRESS: '0',
      DICTIONARY: '0',
      RENDER_WORKER: 'tests/fixtures/workers/dying-render-worker.ts',
      BUILD_PART: '2/4',
    };
    expect(settings(env)).toEqual({
      siteUrl: 'https://nyheter.example.no',
      basePath: '/nyheter/',
      contentDir: '/srv/innhold',
      buildNow: '2020-10-10T12:00',
      outDir: '/srv/www',
      cacheDir: './node_modules/.astro',
      searchShardPages: '500',
      precompress: false,
      dictionary: false,
      renderWorker: 'tests/fixtures/workers/dying-render-worker.ts',
      buildPart: '2/4',
    });
  });
});
