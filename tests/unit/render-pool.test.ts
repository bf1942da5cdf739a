// The worker pool must render exactly what Astro's in-thread renderer renders, and report
// plugin errors with the same reason and line, since the loader turns those into the build's
// error message.
import { afterAll, describe, expect, it } from 'vitest';
import { articleMarkdown } from '../../src/lib/markdown/pipeline';
import { createRenderPool, type RenderSetup } from '../../src/lib/markdown/render-pool';

const setup: RenderSetup = {
  base: '/nyheter/',
  options: { image: {}, syntaxHighlight: false, gfm: true, smartypants: false },
};
const pool = createRenderPool(new URL('../../src/lib/markdown/render-worker.ts', import.meta.url), setup, 2);
afterAll(() => pool.close());

const body = [
  'Armenia og Aserbajdsjan skulle innføre "humanitær våpenhvile" -- men kampene fortsatte...',
  '',
  '## Stepanakert under beskytning',
  '',
  'Se [forrige sak](/2020/10/09/sak/) og <script>alert(1)</script><b>dette</b>.',
].join('\n');

describe('the Markdown render pool', () => {
  it('renders the same HTML and metadata as the in-thread renderer', async () => {
    const inThread = await articleMarkdown(setup.base).createRenderer(setup.options);
    const expected = await inThread.render(body, { frontmatter: { title: 'Sak' } });
    const rendered = await pool.render({ body, data: { title: 'Sak' }, filePath: undefined });
    expect(rendered.html).toBe(expected.code);
    expect(rendered.html).toContain('«humanitær våpenhvile»');
    expect(rendered.html).toContain('href="/nyheter/2020/10/09/sak/"');
    expect(rendered.html).not.toContain('<script');
    expect(rendered.metadata.headings).toEqual(expected.metadata.headings);
    expect(rendered.metadata.frontmatter).toEqual(expected.metadata.frontmatter);
  });

  it('renders many bodies in parallel, each to its own result', async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => `Avsnitt nummer ${i}.`);
    const results = await Promise.all(
      bodies.map((b) => pool.render({ body: b, data: {}, filePath: undefined })),
    );
    results.forEach((r, i) => expect(r.html).toBe(`<p>Avsnitt nummer ${i}.</p>`));
  });

  it('rejects with the plugin’s reason and line', async () => {
    const bad = 'Første avsnitt.\n\n![](/bilder/kart.jpg)\n';
    await expect(pool.render({ body: bad, data: {}, filePath: undefined })).rejects.toMatchObject({
      reason: expect.stringContaining('has no alt text') as unknown,
      line: 3,
    });
  });
});
