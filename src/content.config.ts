import { defineCollection } from 'astro:content';
import { getCategories } from './lib/content/categories.ts';
import { ARTICLES_DIR, CONTENT_DIR } from './lib/content/dir.ts';
import { articleLoader } from './lib/content/loader.ts';
import { articleSchema, STORE_FORMAT, validationSchema } from './lib/content/schema.ts';

const categories = getCategories();
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

export const collections = { articles };
