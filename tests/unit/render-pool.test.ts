// The worker pool must render exactly what Astro's in-thread renderer renders, and report
// plugin errors with the same reason and line, since the loader turns those into the build's
// error message.
import { afterAll, describe, expect, it } from 'vitest';
import { articleMarkdown } from '../../src/lib/markdown/pipeline';
import {
  createRenderPool,
  RenderPoolStopped,
  RenderWorkerCrash,
  type RenderSetup,
} from '../../src/lib/markdown/render-pool';

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

describe('a render pool whose worker crashes', () => {
  const crashing = new URL('../fixtures/workers/crashing-render-worker.ts', import.meta.url);
  const job = (body: string, filePath = 'articles/a.md') => ({ body, data: {}, filePath });

  for (const [how, body, cause] of [
    ['exits', 'EXIT', /exited \(exit code 0\)/],
    ['throws an uncaught error', 'THROW', /boom in the worker/],
  ] as const) {
    it(`fails the render naming the file when the worker ${how}, and stops taking renders`, async () => {
      const crashPool = createRenderPool(crashing, setup, 1);
      try {
        expect((await crashPool.render(job('Hei'))).html).toBe('<p>Hei</p>');
        const failed = crashPool.render(job(body, 'articles/krasj.md'));
        await expect(failed).rejects.toBeInstanceOf(RenderWorkerCrash);
        await expect(failed).rejects.toThrow(/crashed while rendering articles\/krasj\.md/);
        await expect(failed).rejects.toMatchObject({
          cause: { message: expect.stringMatching(cause) as unknown },
        });
        // Later renders are refused at once (the loader renders them on its own thread).
        await expect(crashPool.render(job('Etterpå'))).rejects.toBeInstanceOf(RenderPoolStopped);
      } finally {
        await crashPool.close();
      }
    });
  }

  it('stops a worker that does not answer in time', async () => {
    const slowPool = createRenderPool(crashing, setup, 1, 300);
    try {
      await expect(slowPool.render(job('HANG', 'articles/treg.md'))).rejects.toThrow(
        /crashed while rendering articles\/treg\.md: no answer after 0\.3 s/,
      );
      await expect(slowPool.render(job('Etterpå'))).rejects.toBeInstanceOf(RenderPoolStopped);
    } finally {
      await slowPool.close();
    }
  });

  it('rejects renders still waiting when the pool is closed', async () => {
    const closedPool = createRenderPool(crashing, setup, 1);
    const waiting = closedPool.render(job('HANG'));
    await closedPool.close();
    await expect(waiting).rejects.toBeInstanceOf(RenderPoolStopped);
  });
});
