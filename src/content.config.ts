import { defineCollection } from 'astro:content';
import { getCategories } from './lib/categories';
import { ARTICLES_DIR, CONTENT_DIR } from './lib/content-dir';
import { articleLoader } from './lib/loader';
import { articleSchema } from './lib/schema';

const categories = getCategories();
const slugs = categories.map((c) => c.slug) as [string, ...string[]];

const articles = defineCollection({
  loader: articleLoader({
    dir: ARTICLES_DIR,
    contentDir: CONTENT_DIR,
    schemaFingerprint: slugs.join(','),
  }),
  schema: articleSchema(slugs),
});

export const collections = { articles };
