import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { authorLoader } from './lib/content/author-loader.ts';
import { getPublication } from './lib/content/publication.ts';
import { getCategories } from './lib/content/categories.ts';
import { ARTICLES_DIR, CONTENT_DIR } from './lib/content/dir.ts';
import { articleLoader } from './lib/content/loader.ts';
import { articleSchema, liveEntrySchema, STORE_FORMAT, validationSchema } from './lib/content/schema.ts';
import { liveEntryLoader } from './lib/content/live-loader.ts';

const categories = getCategories();
// Read now, so a broken site.yaml fails the build before any article is loaded.
getPublication();
const slugs = categories.map((c) => c.slug) as [string, ...string[]];

const articles = defineCollection({
  loader: articleLoader({
    dir: ARTICLES_DIR,
    contentDir: CONTENT_DIR,
    schema: validationSchema(slugs),
    schemaFingerprint: `${STORE_FORMAT}:${slugs.join(',')}`,
  }),
  // Image paths become imports (width, height, format) through Astro's image() helper.
  schema: ({ image }) => articleSchema(slugs, image),
});

// Author profiles (content/authors.yaml): checked by the loader; photos become imports here.
const authors = defineCollection({
  loader: authorLoader(),
  schema: ({ image }) =>
    z.object({
      name: z.string(),
      slug: z.string(),
      role: z.string().optional(),
      bio: z.string().optional(),
      email: z.string().optional(),
      photo: z.object({ src: image(), alt: z.string() }).optional(),
      photoFacts: z
        .object({
          width: z.number(),
          height: z.number(),
          format: z.enum(['jpeg', 'png', 'webp', 'avif']),
          digest: z.string(),
        })
        .optional(),
    }),
});

// Live stories' entries (oppdateringer/*.md beside a live story's index.md; src/lib/content/live.ts).
const liveEntries = defineCollection({
  loader: liveEntryLoader({ dir: ARTICLES_DIR, contentDir: CONTENT_DIR }),
  schema: ({ image }) => liveEntrySchema(image),
});

export const collections = { articles, authors, liveEntries };
