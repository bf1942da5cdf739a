// The deploy recipes, checked by the tools their hosts stand for: the GitHub Actions workflow by
// action-validator (GitHub's workflow schema), netlify.toml by Netlify's own config resolver. And
// what makes them fast: the last build's dist/ and build cache are restored before each build.
import { resolveConfig } from '@netlify/config';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as yaml from 'js-yaml';

const WORKFLOW = '.github/workflows/deploy.yml';

function validateWorkflow(file: string) {
  const result = spawnSync(resolve('node_modules/.bin/action-validator'), [file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function netlifyConfig(dir: string) {
  const { config } = await resolveConfig({
    config: join(dir, 'netlify.toml'),
    repositoryRoot: dir,
    cwd: dir,
    offline: true,
    mode: 'buildbot',
    context: 'production',
  });
  return config;
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

describe('the GitHub Pages workflow', () => {
  const workflow = yaml.load(readFileSync(WORKFLOW, 'utf8')) as {
    on: { schedule: { cron: string }[] };
    jobs: { build: { env: Record<string, string>; steps: Step[] }; deploy: { steps: Step[] } };
  };
  const steps = workflow.jobs.build.steps;
  const at = (match: (s: Step) => boolean) => steps.findIndex(match);

  it('is a valid workflow, by GitHub’s schema', () => {
    expect(validateWorkflow(WORKFLOW)).toEqual({ status: 0, output: '' });
  });

  it('restores the last dist/ and build cache after npm ci and before the build', () => {
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
    const paths = cache?.with?.path?.trim().split('\n') ?? [];
    expect(paths).toEqual([workflow.jobs.build.env.OUT_DIR, workflow.jobs.build.env.CACHE_DIR]);
    expect(cache?.with?.['restore-keys']).toBe('site-');
    expect(at((s) => s.run?.startsWith('npm ci') === true)).toBeLessThan(at((s) => s === cache));
    expect(at((s) => s === cache)).toBeLessThan(at((s) => s.run === 'npm run build'));
  });

  it('builds on Node from .nvmrc, rebuilds for embargoes, and publishes dist/', () => {
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version-file']).toBe('.nvmrc');
    expect(workflow.on.schedule[0]?.cron).toBe('*/15 * * * *');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('dist');
    expect(workflow.jobs.deploy.steps[0]?.uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('would be refused with a mistake in it (the validator can fail)', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'workflow-')), 'deploy.yml');
    writeFileSync(
      broken,
      readFileSync(WORKFLOW, 'utf8').replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest'),
    );
    expect(validateWorkflow(broken).status).not.toBe(0);
  });
});

describe('netlify.toml', () => {
  it('is valid for Netlify, and keeps dist/ and the build cache between builds', async () => {
    const config = await netlifyConfig(process.cwd());
    expect(config.build.command).toBe('npm run build');
    expect(config.build.publish).toBe(resolve('dist'));
    expect(config.build.environment).toMatchObject({ NODE_VERSION: '24', CACHE_DIR: '.build-cache' });
    expect(config.plugins).toEqual([
      expect.objectContaining({
        package: 'netlify-plugin-cache',
        inputs: { paths: ['dist', '.build-cache'] },
      }),
    ]);
  });

  it('would be refused with a mistake in it (the resolver can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netlify-'));
    writeFileSync(
      join(dir, 'netlify.toml'),
      readFileSync('netlify.toml', 'utf8').replace('publish = "dist"', 'publish = 5'),
    );
    await expect(netlifyConfig(dir)).rejects.toThrow(/build\.publish must be a string/);
  });
});
