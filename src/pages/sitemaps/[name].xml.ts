// One sitemap per Oslo month and one for the undated pages (src/lib/distribution/sitemaps.ts).
// Keyed by its URLs: a rebuild leaves an unchanged month's sitemap as it was.
import type { APIContext } from 'astro';
import { pageKeys } from '../../lib/build/cache-key';
import { ownPaths } from '../../lib/build/parts';
import { getSitemapParts } from '../../lib/content/collection';
import { urlsetXml, type SitemapUrl } from '../../lib/distribution/sitemaps';

export async function getStaticPaths() {
  const key = pageKeys(null);
  return ownPaths(
    [...(await getSitemapParts())].map(([name, urls]) => ({
      params: { name },
      props: { urls },
      cacheKey: key(urls),
    })),
  );
}

export const GET = ({ props }: APIContext<{ urls: SitemapUrl[] }>) =>
  new Response(urlsetXml(props.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
