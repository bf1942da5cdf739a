/**
 * A deterministic corpus of realistic Norwegian news articles for benchmarks and scale tests:
 * article i depends only on (seed, i). Categories are weighted like a wire service's output,
 * dates spread over 2021–2024 (Oslo offsets), 500–900 words with 2–3 subheadings, quote
 * paragraphs, tags, and some updates, ledes and datelines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleFileText } from '../../src/lib/editor/article-file.ts';
import { slugify } from '../../src/lib/slug.ts';
import { makePhoto } from './photos.ts';
import { prng } from './random.ts';

const CATEGORIES: [string, number][] = [
  ['innenriks', 26],
  ['utenriks', 22],
  ['politikk', 14],
  ['okonomi', 12],
  ['sport', 12],
  ['kultur', 6],
  ['teknologi', 4],
  ['helse', 4],
];
const PLACES = [
  'Oslo',
  'Bergen',
  'Trondheim',
  'Stavanger',
  'Tromsø',
  'Bodø',
  'Ålesund',
  'Kristiansand',
  'Drammen',
  'Hamar',
  'Moskva',
  'Brussel',
  'Washington',
  'Stockholm',
  'København',
  'Kyiv',
  'Beijing',
  'Berlin',
];
const SUBJECTS = [
  'regjeringen',
  'Stortinget',
  'kommunen',
  'fylket',
  'Norges Bank',
  'statsministeren',
  'ordføreren',
  'forskerne',
  'politiet',
  'NAV',
  'sykehuset',
  'selskapet',
  'forbundet',
  'landslaget',
  'treneren',
  'festivalen',
  'teatret',
  'Folkehelseinstituttet',
  'Statnett',
  'Avinor',
  'Equinor',
  'FN',
  'EU',
  'Nato',
];
const VERBS = [
  'foreslår',
  'vurderer',
  'avviser',
  'støtter',
  'kritiserer',
  'lover',
  'varsler',
  'krever',
  'bekrefter',
  'utsetter',
  'trapper opp',
  'reduserer',
  'godkjenner',
  'stanser',
  'åpner for',
];
const OBJECTS = [
  'budsjettet',
  'avtalen',
  'planene',
  'strømprisen',
  'renten',
  'skattekuttet',
  'utbyggingen',
  'reformen',
  'forbudet',
  'kontrakten',
  'tiltakene',
  'sammenslåingen',
  'streiken',
  'vaksineringen',
  'overgangen',
  'satsingen',
  'ordningen',
  'prosjektet',
];
const ADVERBIALS = [
  'i år',
  'neste uke',
  'etter valget',
  'før sommeren',
  'i statsbudsjettet',
  'på tirsdag',
  'til tross for protestene',
  'i en uttalelse',
  'etter lange forhandlinger',
  'ifølge NTB',
  'i kveld',
  'på pressekonferansen',
];
const NAMES = [
  'Kari Nordmann',
  'Ola Hansen',
  'Ingrid Berg',
  'Anders Johansen',
  'Marte Olsen',
  'Jonas Larsen',
  'Sofie Andersen',
  'Erik Pedersen',
  'Nora Nilsen',
  'Henrik Kristiansen',
];
const ROLES = [
  'sjeføkonom',
  'talsperson',
  'forsker',
  'leder',
  'ordfører',
  'statssekretær',
  'professor',
  'kommunikasjonssjef',
];
const TAGS = [
  'strøm',
  'rente',
  'valg',
  'skole',
  'sykehus',
  'klima',
  'fotball',
  'ski',
  'krig',
  'EU',
  'Nato',
  'kultur',
  'film',
  'musikk',
  'teknologi',
  'KI',
  'bolig',
  'skatt',
  'samferdsel',
  'fiske',
  'olje',
  'forsvar',
  'helse',
  'innvandring',
];
const HEADS = [
  'Uenighet om',
  'Krever svar på',
  'Nye tall for',
  'Bakgrunn for',
  'Reaksjoner på',
  'Veien videre for',
  'Kritikk av',
  'Ja til',
  'Nei til',
];

export interface CorpusOptions {
  count: number;
  dir: string;
  seed?: number;
  /** First index to write (to add one article to an existing corpus). */
  start?: number;
  /** Give every `every`-th article (index 0, every, 2·every, …) a lead photo beside it. */
  photos?: { every: number; width: number; height: number } | undefined;
}

/** Distinct pictures the corpus photos are drawn from; each file still has bytes of its own. */
const PHOTO_SCENES = 8;

/**
 * A JPEG with a comment segment (COM) before its image data: the same picture, but bytes of its
 * own, as every real photo has. Cheap, where drawing and encoding a new photo per article is not.
 */
export function withJpegComment(jpeg: Buffer, comment: string): Buffer {
  let at = 2; // after SOI
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  const text = Buffer.from(comment, 'utf8');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(2 + text.length, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, at), segment, jpeg.subarray(at)]);
}

const START = Date.UTC(2021, 0, 1);
const SPAN = Date.UTC(2025, 0, 1) - START;

function article(i: number, seed: number) {
  const r = prng(seed * 1_000_003 + i);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const weighted = () => {
    let x = r() * 100;
    for (const [slug, weight] of CATEGORIES) if ((x -= weight) < 0) return slug;
    return 'innenriks';
  };
  const sentence = () => {
    const words = [pick(SUBJECTS), pick(VERBS), pick(OBJECTS), pick(ADVERBIALS)];
    if (r() < 0.5) words.push(`i ${pick(PLACES)}`);
    if (r() < 0.3) words.push(`for ${Math.floor(r() * 900 + 10)} millioner kroner`);
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(r() * 3) }, sentence).join(' ');
  const quote = () =>
    `– ${sentence().replace(/\.$/, '')}, sier ${pick(NAMES)}, ${pick(ROLES)} i ${pick(SUBJECTS)}.`;

  const category = weighted();
  const date = new Date(START + Math.floor((r() * SPAN) / 60_000) * 60_000);
  const title = `${pick(SUBJECTS).replace(/^./, (c) => c.toUpperCase())} ${pick(VERBS)} ${pick(OBJECTS)} i ${pick(PLACES)} (${i})`;
  const words = 500 + Math.floor(r() * 400);
  const heads = 2 + Math.floor(r() * 2);
  const blocks: string[] = [];
  let count = 0;
  let headsDone = 0;
  while (count < words) {
    if (headsDone < heads && blocks.length > 2 && r() < 0.2) {
      blocks.push(`## ${pick(HEADS)} ${pick(OBJECTS)}`);
      headsDone++;
      continue;
    }
    const block = r() < 0.2 ? quote() : paragraph();
    blocks.push(block);
    count += block.split(/\s+/).length;
  }
  const tags = Array.from(new Set(Array.from({ length: Math.floor(r() * 4) }, () => pick(TAGS))));
  return {
    fields: {
      title,
      date,
      category,
      byline: r() < 0.85 ? 'NTB' : pick(NAMES),
      dateline: r() < 0.3 ? pick(PLACES).toUpperCase() : undefined,
      lede: r() < 0.5 ? sentence() : undefined,
      tags,
    },
    updated: r() < 0.1 ? new Date(date.getTime() + Math.floor(r() * 6 * 3_600_000)) : undefined,
    body: blocks.join('\n\n'),
  };
}

/**
 * Writes articles [start, start + count) to <dir>/articles/<yyyy>/<slug>.md, with photos
 * beside them (<slug>.jpg) when asked.
 */
export async function writeCorpus({ count, dir, seed = 1, start = 0, photos }: CorpusOptions): Promise<void> {
  const scenes = new Map<number, Buffer>();
  for (let i = start; i < start + count; i++) {
    const { fields, updated, body } = article(i, seed);
    const slug = slugify(fields.title);
    const folder = join(dir, 'articles', String(fields.date.getUTCFullYear()));
    mkdirSync(folder, { recursive: true });
    let image;
    if (photos && i % photos.every === 0) {
      const scene = (i / photos.every) % PHOTO_SCENES;
      let photo = scenes.get(scene);
      if (!photo) {
        photo = await makePhoto({ width: photos.width, height: photos.height, seed: seed * 100 + scene });
        scenes.set(scene, photo);
      }
      writeFileSync(join(folder, `${slug}.jpg`), withJpegComment(photo, `corpus ${seed} article ${i}`));
      image = { src: `./${slug}.jpg`, alt: `Illustrasjonsfoto til sak ${i}`, credit: 'Foto: NTB' };
    }
    writeFileSync(join(folder, `${slug}.md`), articleFileText({ ...fields, updated, image }, body));
  }
}
