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
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  env?: Record<string, string>;
  strategy?: { matrix: Record<string, string> };
  outputs?: Record<string, string>;
  steps: Step[];
}

describe('the GitHub Pages workflow', () => {
  const workflow = yaml.load(readFileSync(WORKFLOW, 'utf8')) as {
    on: { schedule: { cron: string }[] };
    jobs: { plan: Job; part: Job; merge: Job; deploy: Job };
  };
  const { plan, part, merge, deploy } = workflow.jobs;
  const index = (job: Job, match: (s: Step) => boolean) => job.steps.findIndex(match);
  const cacheOf = (job: Job) => job.steps.find((s) => s.uses?.startsWith('actions/cache@'));

  it('is a valid workflow, by GitHub’s schema', () => {
    expect(validateWorkflow(WORKFLOW)).toEqual({ status: 0, output: '' });
  });

  it('plans one "now" and the list of parts (the plan step, run here as on a runner)', () => {
    const step = plan.steps.find((s) => s.id === 'plan') as Step;
    const run = (count: string) => {
      const output = join(mkdtempSync(join(tmpdir(), 'plan-')), 'output');
      writeFileSync(output, '');
      const result = spawnSync('bash', ['-e', '-c', step.run ?? ''], {
        env: { ...process.env, COUNT: count, GITHUB_OUTPUT: output },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      return Object.fromEntries(
        readFileSync(output, 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(/=(.*)/s).slice(0, 2)),
      ) as Record<string, string>;
    };
    const four = run('4');
    expect(JSON.parse(four.parts ?? '')).toEqual([1, 2, 3, 4]);
    expect(four.count).toBe('4');
    expect(four.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(JSON.parse(run('1').parts ?? '')).toEqual([1]);
    // One part unless the repository says otherwise.
    expect(step.env?.COUNT).toBe("${{ vars.BUILD_PARTS || '1' }}");
    expect(Object.keys(plan.outputs ?? {}).sort()).toEqual(['count', 'now', 'parts']);
  });

  it('builds each part in a matrix job, with the plan’s part count and "now"', () => {
    expect(part.needs).toBe('plan');
    expect(part.strategy?.matrix.part).toBe('${{ fromJSON(needs.plan.outputs.parts) }}');
    expect(part.env).toMatchObject({
      BUILD_PART: '${{ matrix.part }}/${{ needs.plan.outputs.count }}',
      BUILD_NOW: '${{ needs.plan.outputs.now }}',
    });
    // Its last output and cache restored after npm ci and before the build, per part.
    const cache = cacheOf(part);
    expect(cache?.with?.path?.trim().split('\n')).toEqual([part.env?.OUT_DIR, part.env?.CACHE_DIR]);
    expect(cache?.with?.['restore-keys']).toBe('part-${{ matrix.part }}-of-${{ needs.plan.outputs.count }}-');
    expect(index(part, (s) => s.run?.startsWith('npm ci') === true)).toBeLessThan(
      index(part, (s) => s === cache),
    );
    expect(index(part, (s) => s === cache)).toBeLessThan(index(part, (s) => s.run === 'npm run build'));
    const upload = part.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: 'part-${{ matrix.part }}', path: part.env?.OUT_DIR });
  });

  it('merges every part’s artifact into dist/ and publishes it', () => {
    expect(merge.needs).toBe('part');
    const download = merge.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toEqual({ pattern: 'part-*', path: 'parts' });
    const cache = cacheOf(merge);
    expect(cache?.with?.path?.trim().split('\n')).toEqual([merge.env?.OUT_DIR, merge.env?.CACHE_DIR]);
    expect(index(merge, (s) => s === cache)).toBeLessThan(
      index(merge, (s) => s.run === 'npm run merge -- parts/*'),
    );
    expect(index(merge, (s) => s === download)).toBeLessThan(
      index(merge, (s) => s.run === 'npm run merge -- parts/*'),
    );
    expect(merge.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe(
      'dist',
    );
    expect(deploy.needs).toBe('merge');
    expect(deploy.steps[0]?.uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('builds on Node from .nvmrc and rebuilds for embargoes', () => {
    for (const job of [part, merge]) {
      const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(node?.with?.['node-version-file']).toBe('.nvmrc');
    }
    expect(workflow.on.schedule[0]?.cron).toBe('*/15 * * * *');
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
