// Issue 26: IPTC wire stories in (ninjs, NewsML-G2), followed across versions to a kill, and a
// watched inbox. The importer runs as an editor runs it; the site is built and served by nginx.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteAsync, listFiles, OUTPUT_ROOT, readPage } from '../helpers/build';
import { serveWithNginx } from '../../scripts/nginx-server';

const FIXTURES = 'tests/fixtures/wire-iptc';
const content = join(OUTPUT_ROOT, 'content-wire');
const articles = join(content, 'articles');
const STORY = '/2020/10/10/vapenhvile-i-nagorno-karabakh-trer-i-kraft/';
const env = {
  CONTENT_DIR: content,
  BUILD_NOW: '2020-10-13T12:00:00+02:00',
  SITE_URL: 'https://nyheter.example.no',
};

function importWire(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import-wire.ts', ...args], {
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}
const fixture = (name: string) => join(FIXTURES, name);
const articleFiles = () =>
  existsSync(articles)
    ? listFiles(articles)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
/** Every text file of the build and the search index (decompressed); the twins are left out. */
function outputContaining(outDir: string, needle: string): string[] {
  return listFiles(outDir).filter((file) => {
    if (file.startsWith('pagefind/')) {
      let bytes = readFileSync(join(outDir, file));
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      return bytes.includes(needle);
    }
    return (
      /\.(html|xml|json|txt|nginx)$/.test(file) &&
      !file.startsWith('_gone') &&
      readFileSync(join(outDir, file), 'utf8').includes(needle)
    );
  });
}

beforeAll(() => {
  rmSync(content, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  cpSync(fixture('wire-categories.yaml'), join(content, 'wire-categories.yaml'));
});

describe('a story in three versions', () => {
  it('is one article at one address, updated, then gone (410 on nginx)', async () => {
    const first = importWire(fixture('ntb-v1.json'));
    expect(first.status, first.out).toBe(0);
    expect(first.out).toContain(`created`);
    expect(first.out).toContain(`(${STORY})`);
    const built = await buildSiteAsync('wire', env);
    expect(built.status, built.output).toBe(0);
    let html = readPage(built.outDir, STORY);
    expect(html).toMatch(/<h1[^>]*>Våpenhvile i Nagorno-Karabakh trer i kraft<\/h1>/);
    // The picture beside the wire file is the lead photo, with its caption and credit.
    expect(html).toContain('alt="Sergej Lavrov ved et bord"');
    expect(html).toContain('Foto: Ola Nordmann / NTB');

    const second = importWire(fixture('ntb-v2.json'));
    expect(second.out).toContain('updated');
    // The same version again changes nothing; an older one is refused and writes nothing.
    expect(importWire(fixture('ntb-v2.json')).out).toContain('unchanged');
    const before = readFileSync(
      join(articles, '2020/10/vapenhvile-i-nagorno-karabakh-trer-i-kraft.md'),
      'utf8',
    );
    const older = importWire(fixture('ntb-v1.json'));
    expect(older.status).toBe(1);
    expect(older.out).toContain(
      'Version 1 of urn:ntb:20201010:karabakh-vapenhvile is older than the one already imported (2',
    );
    expect(
      readFileSync(join(articles, '2020/10/vapenhvile-i-nagorno-karabakh-trer-i-kraft.md'), 'utf8'),
    ).toBe(before);
    expect(articleFiles()).toEqual(['2020/10/vapenhvile-i-nagorno-karabakh-trer-i-kraft.md']);

    const rebuilt = await buildSiteAsync('wire', env, { rebuild: true });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    html = readPage(rebuilt.outDir, STORY);
    expect(html).toMatch(
      /<h1[^>]*>Våpenhvile i Nagorno-Karabakh trer i kraft – brutt etter få minutter<\/h1>/,
    );
    expect(html).toMatch(/Oppdatert <time datetime="2020-10-10T13:15:00\+02:00">/);

    const kill = importWire(fixture('ntb-v3-kill.json'));
    expect(kill.out).toContain('killed');
    // The file is kept, marked.
    const killed = readFileSync(
      join(articles, '2020/10/vapenhvile-i-nagorno-karabakh-trer-i-kraft.md'),
      'utf8',
    );
    expect(killed).toMatch(
      /^---\nkilled:\n {2}at: 2020-10-10T15:00:00\+02:00\n {2}reason: "Saken trekkes: feil om fangeutvekslingen\."\n/,
    );
    const gone = await buildSiteAsync('wire', env, { rebuild: true });
    expect(gone.status, gone.output).toBe(0);
    expect(gone.output).toContain('[wire] Killed: ');
    expect(existsSync(join(gone.outDir, STORY, 'index.html'))).toBe(false);
    // Nowhere: pages, lists, feeds, sitemaps, the search index, the compression dictionary.
    expect(outputContaining(gone.outDir, 'vapenhvile-i-nagorno-karabakh')).toEqual([]);
    expect(outputContaining(gone.outDir, 'Våpenhvile i Nagorno-Karabakh')).toEqual([]);
    expect(readFileSync(join(gone.outDir, '_gone.nginx'), 'utf8')).toBe(
      `"${STORY}" 1;\n"${STORY.replace(/\/$/, '')}" 1;\n`,
    );
    const server = await serveWithNginx(gone.outDir, '/');
    try {
      const response = await fetch(`${server.url}${STORY.slice(1)}`);
      expect(response.status).toBe(410);
      expect(await response.text()).toContain('</html>');
      expect((await fetch(server.url)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 300_000);
});

describe('other stories', () => {
  let outDir: string;
  beforeAll(async () => {
    const result = importWire(
      fixture('newsml-nitf.xml'),
      fixture('withheld.json'),
      fixture('ninjs3-embargo.json'),
      fixture('ninjs1-script.json'),
    );
    expect(result.status, result.out).toBe(0);
    const built = await buildSiteAsync('wire-others', { ...env, BUILD_NOW: '2020-10-12T07:30:00+02:00' });
    expect(built.status, built.output).toBe(0);
    outDir = built.outDir;
  }, 300_000);

  it('NewsML-G2 with NITF: subheadings, links, the media reference as the lead photo', () => {
    const html = readPage(outDir, '/2020/10/12/ny-bro-over-otra-apner-for-jul/');
    expect(html).toMatch(/<h2[^>]*>Bedre for syklister<\/h2>/);
    expect(html).toContain('<a href="https://www.vegvesen.no/">Statens vegvesen</a>');
    expect(html).toContain('alt="Den nye brua over Otra"');
    expect(html).toContain('KRISTIANSAND');
  });

  it('a withheld and an embargoed story appear nowhere', () => {
    expect(outputContaining(outDir, 'holdes tilbake')).toEqual([]);
    expect(outputContaining(outDir, 'Statsbudsjettet')).toEqual([]);
  });

  it('no script or handler from a wire body reaches a page', () => {
    const html = readPage(outDir, '/2020/10/09/farlig-innhold-fra-en-feed/');
    expect(html).not.toMatch(/steal\(|javascript:|onclick|<iframe/);
    expect(html).toContain('<a href="https://www.ntb.no/">ekte lenke</a>');
  });

  it('broken files, a missing headline and an unknown category are refused with the reason, and write nothing', () => {
    const before = articleFiles();
    for (const [name, reason] of [
      ['broken.json', 'The file is broken JSON'],
      ['broken.xml', 'The XML is broken at line'],
      ['no-headline.json', 'The story has no headline'],
      ['unknown-category.json', 'No category fits the story\'s subjects ("Hagestell")'],
    ] as const) {
      const result = importWire(fixture(name));
      expect(result.status, name).toBe(1);
      expect(result.out).toContain(`Error: ${fixture(name)}: `);
      expect(result.out).toContain(reason);
      expect(result.out).toContain('Nothing was written for it.');
    }
    expect(articleFiles()).toEqual(before);
  });
});

describe('a watched inbox', () => {
  const inbox = join(OUTPUT_ROOT, 'wire-inbox');
  const watchContent = join(OUTPUT_ROOT, 'content-wire-watch');
  let watcher: ChildProcess | undefined;
  let log = '';
  const start = () => {
    log = '';
    watcher = spawn(process.execPath, ['scripts/import-wire.ts', '--watch', inbox], {
      env: { ...process.env, CONTENT_DIR: watchContent },
    });
    watcher.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    watcher.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  };
  const stop = async () => {
    if (!watcher) return;
    const exited = new Promise((resolve) => watcher?.once('exit', resolve));
    watcher.kill('SIGTERM');
    await exited;
    watcher = undefined;
  };
  const waitFor = async (test: () => boolean, what: string, ms = 30_000) => {
    const until = Date.now() + ms;
    while (!test()) {
      if (Date.now() > until) throw new Error(`Timed out waiting for ${what}. Watcher log:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

  beforeAll(() => {
    for (const dir of [inbox, watchContent]) rmSync(dir, { recursive: true, force: true });
    mkdirSync(inbox, { recursive: true });
    mkdirSync(join(watchContent, 'articles'), { recursive: true });
    cpSync(fixture('wire-categories.yaml'), join(watchContent, 'wire-categories.yaml'));
    // A file left in the inbox before the watcher starts is imported too.
    cpSync(fixture('ninjs1-script.json'), join(inbox, 'a-waiting.json'));
  });
  afterAll(stop);

  it('imports each file once, moves it to done/ or failed/ with the reason, and a slow write only when complete', async () => {
    start();
    await waitFor(() => list(join(inbox, 'done')).includes('a-waiting.json'), 'the waiting file');
    // A story and its picture land together: the picture is its lead photo, and stays.
    cpSync(fixture('lavrov.jpg'), join(inbox, 'lavrov.jpg'));
    cpSync(fixture('ntb-v1.json'), join(inbox, 'b-v1.json'));
    cpSync(fixture('lavrov.jpg'), join(inbox, '.lavrov.tmp'));
    // Written slowly in three parts: never read half-written.
    const v2 = readFileSync(fixture('ntb-v2.json'), 'utf8');
    const third = Math.ceil(v2.length / 3);
    await waitFor(() => list(join(inbox, 'done')).includes('b-v1.json'), 'b-v1.json');
    for (let part = 0; part < 3; part++) {
      writeFileSync(join(inbox, 'c-v2.json'), v2.slice(0, (part + 1) * third));
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    cpSync(fixture('unknown-category.json'), join(inbox, 'd-bad.json'));
    await waitFor(() => list(join(inbox, 'done')).includes('c-v2.json'), 'c-v2.json');
    await waitFor(() => list(join(inbox, 'failed')).includes('d-bad.json'), 'd-bad.json');
    expect(readFileSync(join(inbox, 'failed', 'd-bad.json.error.txt'), 'utf8')).toContain('No category fits');
    expect(log).not.toMatch(/c-v2\.json: failed/);
    expect(log).toContain('c-v2.json: updated');
    // A dotfile (a file being written under a temporary name) is never read; the picture stays
    // for a later version of its story.
    expect(list(inbox)).toEqual(['.lavrov.tmp', 'done', 'failed', 'lavrov.jpg']);
    expect(log).not.toContain('lavrov.jpg: failed');
    await stop();

    // After a restart: the same version again is left as it is; nothing is imported twice.
    start();
    cpSync(fixture('ntb-v2.json'), join(inbox, 'e-v2-again.json'));
    await waitFor(() => list(join(inbox, 'done')).includes('e-v2-again.json'), 'e-v2-again.json');
    expect(log).toContain('e-v2-again.json: unchanged');
    await stop();
    const files = listFiles(join(watchContent, 'articles'))
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(files).toEqual([
      '2020/10/farlig-innhold-fra-en-feed.md',
      '2020/10/vapenhvile-i-nagorno-karabakh-trer-i-kraft.md',
    ]);
    const story = readFileSync(join(watchContent, 'articles', files[1] as string), 'utf8');
    expect(story).toContain('version: 2');
    expect(story).toContain('alt: "Sergej Lavrov ved et bord"');
  }, 120_000);
});
