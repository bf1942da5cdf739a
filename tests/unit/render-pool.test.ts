// The worker pool must render exactly what Astro's in-thread renderer renders, and report
// plugin errors with the same reason and line, since the loader turns those into the build's
// error message.
import { afterAll, describe, expect, it } from 'vitest';
import { articleMarkdown } from '../../src/lib/markdown/pipeline';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRenderPool,
  MAX_CRASHES,
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
    ['exits', 'EXIT', /exited with code: 0/],
    ['throws an uncaught error', 'THROW', /boom in the worker/],
  ] as const) {
    it(`fails that render naming the file when the worker ${how}, and goes on with a new worker`, async () => {
      const crashPool = createRenderPool(crashing, setup, 1);
      try {
        expect((await crashPool.render(job('Hei'))).html).toBe('<p>Hei</p>');
        const failed = crashPool.render(job(body, 'articles/krasj.md'));
        // Queued behind the crash on the only worker: rendered by its replacement.
        const after = crashPool.render(job('Etterpå'));
        await expect(failed).rejects.toBeInstanceOf(RenderWorkerCrash);
        await expect(failed).rejects.toThrow(/crashed while rendering articles\/krasj\.md/);
        await expect(failed).rejects.toMatchObject({
          cause: { message: expect.stringMatching(cause) as unknown },
        });
        expect((await after).html).toBe('<p>Etterpå</p>');
      } finally {
        await crashPool.close();
      }
    });
  }

  it(`stops after ${MAX_CRASHES} crashes: later renders are refused at once`, async () => {
    const crashPool = createRenderPool(crashing, setup, 1);
    try {
      expect((await crashPool.render(job('Hei'))).html).toBe('<p>Hei</p>');
      for (let i = 1; i <= MAX_CRASHES; i++) {
        await expect(crashPool.render(job('EXIT', `articles/krasj-${i}.md`))).rejects.toThrow(
          `crashed while rendering articles/krasj-${i}.md`,
        );
      }
      // The loader renders these on its own thread.
      await expect(crashPool.render(job('Etterpå'))).rejects.toBeInstanceOf(RenderPoolStopped);
    } finally {
      await crashPool.close();
    }
  });

  it('stops when its workers do not load, instead of waiting for one forever', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'render-pool-')), 'load-fails');
    const failingPool = createRenderPool(crashing, { ...setup, loadFailMarker: marker } as RenderSetup, 1);
    try {
      expect((await failingPool.render(job('Hei'))).html).toBe('<p>Hei</p>');
      // This worker exits, and from now on no worker loads.
      await expect(failingPool.render(job('LOADFAIL'))).rejects.toBeInstanceOf(RenderWorkerCrash);
      // Waiting for a worker that never loads: refused (for the loader to render it), not kept.
      await expect(failingPool.render(job('Venter'))).rejects.toThrow(/stopped: this worker does not load/);
      await expect(failingPool.render(job('Senere'))).rejects.toBeInstanceOf(RenderPoolStopped);
    } finally {
      await failingPool.close();
    }
  });

  it('stops a worker that does not answer in time', async () => {
    const slowPool = createRenderPool(crashing, setup, 1, 300);
    try {
      await expect(slowPool.render(job('HANG', 'articles/treg.md'))).rejects.toThrow(
        /crashed while rendering articles\/treg\.md: no answer after 0\.3 s/,
      );
    } finally {
      await slowPool.close();
    }
  });

  it('rejects renders still waiting when the pool is closed', async () => {
    const closedPool = createRenderPool(crashing, setup, 1);
    const waiting = expect(closedPool.render(job('HANG'))).rejects.toBeInstanceOf(RenderPoolStopped);
    await closedPool.close();
    await waiting;
  });
});
