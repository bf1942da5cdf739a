/**
 * Parts of a build (BUILD_PART=k/N): the site's pages split into N parts that are built
 * independently, side by side or on several machines, then merged (scripts/merge-parts.ts) into
 * the dist/ one build of everything writes, byte for byte.
 *
 * A page belongs to the part of its period: an article, its day and month pages, a list's month
 * pages (`/utenriks/2020/10/`) by their Oslo month, a year page by its year. Consecutive months
 * go to different parts, so every part gets a share of each busy year. Pages without a period
 * (the front page, the lists' first pages, feeds, sitemaps, indexes) are part 1's. Each part
 * still reads every article (its pages show neighbours, related stories and lists from the
 * whole archive); it renders only its own pages, and leaves the search index and compression to
 * the merge, which sees them all.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settings } from '../config.ts';
import { getBuildNow } from '../now.ts';
import { goneRecorded } from './redirects.ts';

export interface BuildPart {
  /** 1 … count. */
  index: number;
  count: number;
}

/** More parts than this is a typo, not a plan: a part has start-up costs of its own. */
export const MAX_PARTS = 64;

/** BUILD_PART as written ("2/4"); undefined when unset. A bad value is an error that says the fix. */
export function parseBuildPart(raw: string | undefined): BuildPart | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_PARTS || index < 1 || index > count) {
    throw new Error(
      `BUILD_PART="${raw}" is not a part of a build: write it as k/N, where N is the number of ` +
        `parts (1-${MAX_PARTS}) and k (1-N) the part to build, e.g. BUILD_PART=2/4.`,
    );
  }
  return { index, count };
}

const YEAR = /^\d{4}$/;
const MONTH = /^(0[1-9]|1[0-2])$/;

/** The part (1 … count) of the page at `path` (a site path: "/2020/10/10/slug/", "/utenriks/"). */
export function partOfPath(path: string, count: number): number {
  const segments = path.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const year = segments[i] as string;
    if (!YEAR.test(year)) continue;
    const month = segments[i + 1];
    // Month by month, so consecutive months (the busiest stretch of news) spread over parts.
    const period =
      month !== undefined && MONTH.test(month) ? Number(year) * 12 + Number(month) - 1 : Number(year);
    return (period % count) + 1;
  }
  return 1;
}

/** The site path a route's params stand for: the listing route's one param, or an article's. */
export function paramsPath(params: Record<string, string | number | undefined>): string {
  if (typeof params.listing === 'string') return `/${params.listing}/`;
  const { year, month, day, slug } = params;
  if (year !== undefined && month !== undefined)
    return `/${[year, month, day, slug].filter(Boolean).join('/')}/`;
  // Feeds, sitemaps and other pages named without a period: the first part's.
  return '/';
}

let current: BuildPart | undefined | null = null;

/** The part this process builds (BUILD_PART), or undefined for a build of everything. */
export function currentPart(): BuildPart | undefined {
  if (current === null) current = parseBuildPart(settings().buildPart);
  return current;
}

/**
 * The entries of a route's getStaticPaths that this part builds: all of them in a build of
 * everything. Every dynamic route passes its list through here, so each page is in one part.
 */
export function ownPaths<T extends { params: Record<string, string | number | undefined> }>(
  paths: T[],
  part: BuildPart | undefined = currentPart(),
): T[] {
  if (!part || part.count === 1) return paths;
  return paths.filter((p) => partOfPath(paramsPath(p.params), part.count) === part.index);
}

/** A part's record in its output folder, read by the merge and not published. */
export const PART_MANIFEST = '_part.json';

export interface PartManifest {
  part: BuildPart;
  /** The build's "now" (BUILD_NOW): every part must have published the same stories. */
  now: string;
  /** Killed stories' paths (redirects.ts): the merge's compression must not keep them in its dictionary. */
  gone: readonly string[];
}

/**
 * In a part build: checks that BUILD_NOW is set (parts built apart, minutes or machines away,
 * must agree on what is published), and writes the part's manifest after the pages.
 */
export function partManifest(): AstroIntegration {
  return {
    name: 'news-build-part',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build' || !currentPart()) return;
        if (settings().buildNow === undefined) {
          throw new Error(
            `BUILD_PART=${settings().buildPart} needs BUILD_NOW: the parts of one build must agree on ` +
              'what is published. Set the same BUILD_NOW (e.g. BUILD_NOW=$(date -u +%FT%TZ)) for every part.',
          );
        }
      },
      'astro:build:done': ({ dir }) => {
        const part = currentPart();
        if (!part) return;
        const manifest: PartManifest = { part, now: getBuildNow().toISOString(), gone: goneRecorded() };
        writeFileSync(fileURLToPath(new URL(PART_MANIFEST, dir)), `${JSON.stringify(manifest)}\n`);
      },
    },
  };
}
