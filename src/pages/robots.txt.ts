import { robotsTxt } from '../lib/distribution/sitemaps';

export const GET = () =>
  new Response(robotsTxt(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
