import { defineCollection } from 'astro:content';
import { getCategories } from './lib/categories.ts';
import { ARTICLES_DIR, CONTENT_DIR } from './lib/content-dir.ts';
import { articleLoader } from './lib/loader.ts';
import { articleSchema } from './lib/schema.ts';

const categories = getCategories();
const slugs = categories.map((c) => c.slug) as [string, ...string[]];
const schema = articleSchema(slugs);

const articles = defineCollection({
  loader: articleLoader({
    dir: ARTICLES_DIR,
    contentDir: CONTENT_DIR,
    schema,
    schemaFingerprint: slugs.join(','),
  }),
  schema,
});

export const collections = { articles };
