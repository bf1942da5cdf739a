// A Markdown render worker that dies in the middle of a build (out of memory, killed) must not
// hang the build or lose an article quietly: the build fails within seconds and the report names
// the article whose render was lost.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT_ROOT, type BuildResult } from '../helpers/build';

const content = join(OUTPUT_ROOT, 'content-render-crash');
// More articles than the loader renders on its own thread before it starts the pool (32).
const ARTICLES = 60;
const marker = join(OUTPUT_ROOT, 'render-crash-marker');

describe('a render worker killed mid-build', () => {
  let build: BuildResult;
  let seconds: number;
  beforeAll(() => {
    rmSync(marker, { force: true });
    mkdirSync(join(content, 'articles'), { recursive: true });
    for (let i = 1; i <= ARTICLES; i++) {
      writeFileSync(
        join(content, 'articles', `sak-${i}.md`),
        `---\ntitle: "Sak ${i}"\ndate: 2020-10-09T12:00:00+02:00\ncategory: utenriks\nbyline: NTB\n---\n\nTekst i sak ${i}.\n`,
      );
    }
    const started = performance.now();
    build = buildSite('render-crash', {
      BUILD_NOW: '2020-11-01T12:00:00+01:00',
      CONTENT_DIR: content,
      RENDER_WORKER: 'tests/fixtures/workers/dying-render-worker.ts',
      DYING_WORKER_MARKER: marker,
    });
    seconds = (performance.now() - started) / 1000;
  });

  it('fails the build instead of hanging', () => {
    // buildSite gives up after 180 s (status null): that would be a hang.
    expect(build.status, build.output).not.toBeNull();
    expect(build.status).not.toBe(0);
    // Not a timing benchmark: a hung pool would only end at a timeout of a minute or more.
    expect(seconds).toBeLessThan(60);
  });

  it('names the article whose render the dead worker took with it, and only that one', () => {
    expect(existsSync(marker), 'no worker died: the test proves nothing').toBe(true);
    const killed = /dying-render-worker: killed while rendering .*\/(articles\/sak-\d+\.md)/.exec(
      build.output,
    );
    expect(killed, build.output).not.toBeNull();
    const file = killed?.[1] ?? '';
    expect(build.output).toContain(
      `✗ ${file}: The Markdown renderer crashed on this article (worker exited with code: 1). Build again; if it crashes on this article again,`,
    );
    // The other articles were rendered by the worker that replaced it.
    expect(build.output).toContain('1 error in 1 article file:');
    // No page was written for a site with a lost article.
    expect(build.output).not.toMatch(/\d+ page\(s\) built/);
  });
});
