// Body images through the real article pipeline: placeholders for the page, the list the
// loader imports, and a clear error for an image that cannot be used.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleMarkdown } from '../../src/lib/markdown/pipeline';

const content = mkdtempSync(join(tmpdir(), 'brodtekst-'));
const file = join(content, 'articles', 'sak', 'index.md');
let render: (body: string) => Promise<{ code: string; metadata: { frontmatter: Record<string, unknown> } }>;

beforeAll(async () => {
  mkdirSync(join(content, 'articles', 'sak', 'bilder'), { recursive: true });
  for (const name of ['kart.png', 'bilder/foto.jpg', 'mitt bilde.jpg']) {
    writeFileSync(join(content, 'articles', 'sak', name), 'bytes are checked by the loader, not here');
  }
  const renderer = await articleMarkdown('/', content).createRenderer({
    image: {},
    syntaxHighlight: false,
    gfm: true,
    smartypants: false,
  });
  render = (body) => renderer.render(body, { frontmatter: {}, fileURL: pathToFileURL(file) });
});

const failure = async (body: string) => {
  try {
    await render(body);
  } catch (error) {
    const { reason, line } = error as { reason?: string; line?: number };
    return { reason, line };
  }
  throw new Error('rendered without an error');
};

describe('rehype-article-images', () => {
  it('turns an image alone in a paragraph into a numbered figure placeholder, title and all', async () => {
    const { code, metadata } = await render(
      'Innledning.\n\n![Kart over fronten](./kart.png "Fronten lørdag. Grafikk: NTB")\n\nMer tekst.',
    );
    expect(code).toBe('<p>Innledning.</p>\n<figure data-article-image="0"></figure>\n<p>Mer tekst.</p>');
    expect(metadata.frontmatter.bodyImages).toEqual([
      { path: './kart.png', alt: 'Kart over fronten', title: 'Fronten lørdag. Grafikk: NTB', block: true },
    ]);
  });

  it('splits a paragraph around its image and keeps images in links and lists inline', async () => {
    const { code, metadata } = await render(
      [
        'Før ![Foto](bilder/foto.jpg) etter.',
        '',
        '[![Kart](kart.png)](https://www.ntb.no/)',
        '',
        '- ![Mitt bilde](<mitt bilde.jpg>)',
      ].join('\n'),
    );
    expect(code).toBe(
      [
        '<p>Før </p><figure data-article-image="0"></figure><p> etter.</p>',
        '<p><a href="https://www.ntb.no/"><picture data-article-image="1"></picture></a></p>',
        '<ul>\n<li><picture data-article-image="2"></picture></li>\n</ul>',
      ].join('\n'),
    );
    const images = metadata.frontmatter.bodyImages as { path: string; block: boolean }[];
    expect(images.map((i) => [i.path, i.block])).toEqual([
      ['bilder/foto.jpg', true],
      ['kart.png', false],
      ['mitt bilde.jpg', false],
    ]);
  });

  it('takes images written as raw HTML too, and drops a <source> that could load from anywhere', async () => {
    const { code, metadata } = await render(
      '<picture><source srcset="https://sporing.example/x.avif"><img src="./kart.png" alt="Kart"></picture>',
    );
    expect(code).not.toContain('sporing.example');
    expect(metadata.frontmatter.bodyImages).toEqual([
      { path: './kart.png', alt: 'Kart', title: undefined, block: true },
    ]);
  });

  it('fails on a remote image, naming it and the line', async () => {
    expect(await failure('Tekst.\n\n![Et bilde](https://example.com/bilde.jpg)')).toEqual({
      reason: expect.stringMatching(/^The image https:\/\/example\.com\/bilde\.jpg is a remote URL/),
      line: 3,
    });
  });

  it('fails on a missing file, an SVG and a path out of the content folder', async () => {
    expect((await failure('![Borte](./borte.jpg)')).reason).toContain(
      `looked for ${join(content, 'articles', 'sak', 'borte.jpg')}`,
    );
    expect((await failure('![Tegning](./tegning.svg)')).reason).toMatch(/SVG, which can carry script/);
    expect((await failure('![Ute](../../../hemmelig.jpg)')).reason).toMatch(/outside the content folder/);
  });

  it('fails on an image whose address the sanitiser removed', async () => {
    expect((await failure('![Innebygd](data:image/png;base64,AAAA)')).reason).toMatch(/An image has no file/);
  });
});
