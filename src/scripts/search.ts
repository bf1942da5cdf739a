/**
 * Search with Pagefind's JavaScript API and our own small UI: Norwegian text (bokmål and nynorsk),
 * category, year, type and language filters, results with the date, a snippet and the article's photo (its `image` meta: the list
 * thumbnail, 3:2). The query lives in the URL (?q=…&emne=…&aar=…),
 * so results can be linked and the back button works. Loaded on the search page only.
 */
import { entryHit } from '../lib/content/live';
import { MAX_SEARCH_RESULTS, SEARCH_FILTERS, SEARCH_PARAMS } from '../lib/distribution/search-contract';
import { SEARCH_IMAGE_WIDTH } from '../lib/images/layout';
import { snippetEnds } from '../lib/distribution/snippet';
import { t } from '../lib/strings';
import { ARTICLE_TYPES, isOpinion, typeLabel, type ArticleType } from '../lib/content/article-types';
import { langName, parseLang } from '../lib/lang';

/** The label of a labelled kind (its `type` meta, written by ArticleLayout), as in the site's lists. */
function typeBadge(type: string | undefined): HTMLSpanElement | undefined {
  const known = ARTICLE_TYPES.find((k) => k === type) as ArticleType | undefined;
  const label = known && typeLabel(known);
  if (!known || !label) return undefined;
  const span = document.createElement('span');
  span.className = isOpinion(known) ? 'type-label opinion' : 'type-label';
  span.textContent = label;
  return span;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's whole indexed text. */
  content: string;
  meta: Record<string, string>;
  /** Sections of the page under headings with ids (a live story's entries among them). */
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface PagefindApi {
  options(options: { baseUrl?: string }): Promise<void>;
  mergeIndex(indexPath: string, options?: { baseUrl?: string }): Promise<void>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

function countText(count: number): string {
  if (count === 0) return t('search.none');
  if (count === 1) return t('search.one');
  return count > MAX_SEARCH_RESULTS
    ? t('search.manyShown', { count, shown: MAX_SEARCH_RESULTS })
    : t('search.many', { count });
}

/** Pagefind's excerpts contain only <mark> around hits; everything else is text. */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const nodes: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent ?? ''));
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    }
  }
  return nodes;
}

/** The thumbnail is decorative, as in the site's lists: the headline says what the story is. */
function thumbnail(src: string): HTMLImageElement {
  const img = document.createElement('img');
  img.src = src;
  img.alt = '';
  // The 3:2 list thumbnail's size (src/lib/images/layout.ts): the page keeps its place for it.
  img.width = SEARCH_IMAGE_WIDTH;
  img.height = Math.round((SEARCH_IMAGE_WIDTH * 2) / 3);
  img.loading = 'lazy';
  img.decoding = 'async';
  img.className = 'thumb';
  return img;
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const h2 = document.createElement('h2');
  const a = document.createElement('a');
  // A hit in a live story's entry leads to that entry, with its snippet and time.
  const entry = entryHit(data.sub_results);
  a.href = entry?.url ?? data.url;
  a.textContent = data.meta.title ?? data.url;
  const badge = typeBadge(data.meta.type);
  h2.append(...(badge ? [badge, ' '] : []), a);
  const excerpt = document.createElement('p');
  const nodes = excerptNodes(entry?.excerpt ?? data.excerpt);
  const { cutStart, cutEnd } = snippetEnds(nodes.map((n) => n.textContent).join(''), data.content);
  excerpt.append(...(cutStart ? ['… '] : []), ...nodes, ...(cutEnd ? [' …'] : []));
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = data.meta.dato ?? '';
  if (entry) meta.append(' · ', entry.title);
  // A story in the other written standard says so, and is marked for screen readers and hyphenation.
  const lang = parseLang(data.meta.lang);
  if (lang && lang !== document.documentElement.lang) {
    const hint = document.createElement('span');
    hint.className = 'lang-hint';
    hint.textContent = langName(lang);
    meta.append(' · ', hint);
    a.lang = lang;
    excerpt.lang = lang;
  }
  li.append(h2, meta, excerpt);
  if (data.meta.image) {
    li.classList.add('has-thumb');
    li.append(thumbnail(data.meta.image));
  }
  return li;
}

const FILTERS = ['category', 'year', 'type', 'language'] as const;

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form.search');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!form || !status || !list) return;
  const input = form.querySelector<HTMLInputElement>(`#${SEARCH_PARAMS.query}`);
  // The filters the page offers (the type filter only when the site has more than one kind).
  const selects = FILTERS.flatMap((key) => {
    const select = form.querySelector<HTMLSelectElement>(`#${SEARCH_PARAMS[key]}`);
    return select ? [{ key, select }] : [];
  });
  if (!input) return;
  const bundle = form.dataset.bundle ?? '/pagefind/';
  const shardList = form.dataset.shards ?? `${bundle}indexes.json`;

  // One Pagefind index per year or month (src/lib/distribution/search-shards.ts), listed newest first in
  // `shardList`: the newest is loaded, the others merged into it (all at once: each merge
  // fetches its own small entry file), so one search covers all.
  let pagefind: Promise<PagefindApi | undefined> | undefined;
  const load = () => {
    pagefind ??= (async () => {
      const folder = new URL(bundle, location.href).pathname;
      const baseUrl = folder.replace(/pagefind\/$/, '');
      const response = await fetch(shardList);
      if (!response.ok) throw new Error(`${shardList}: HTTP ${response.status}`);
      const [newest, ...older] = (await response.json()) as string[];
      if (newest === undefined) return undefined; // no articles yet
      const module = (await import(/* @vite-ignore */ `${folder}${newest}pagefind.js`)) as PagefindApi;
      await module.options({ baseUrl });
      await Promise.all(older.map((shard) => module.mergeIndex(`${folder}${shard}`, { baseUrl })));
      return module;
    })();
    return pagefind;
  };

  let latest = 0;
  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const filters: Record<string, string> = {};
    for (const { key, select } of selects) if (select.value) filters[SEARCH_FILTERS[key]] = select.value;
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = t('search.prompt');
      return;
    }
    status.textContent = t('search.searching');
    try {
      const api = await load();
      const response = api ? await api.search(query, { filters }) : { results: [] };
      const data = await Promise.all(response.results.slice(0, MAX_SEARCH_RESULTS).map((r) => r.data()));
      if (ticket !== latest) return; // a newer search has started
      list.replaceChildren(...data.map(resultItem));
      status.textContent = countText(response.results.length);
    } catch (error) {
      if (ticket !== latest) return;
      // For the developer: the dev server has no search index (`npm run build` makes one).
      console.warn('Search failed; is there a search index (npm run build)?', error);
      // No results of an earlier search under the message: they would not answer this query.
      list.replaceChildren();
      status.textContent = t('search.unavailable');
    }
  };

  const params = new URLSearchParams(location.search);
  input.value = params.get(SEARCH_PARAMS.query) ?? '';
  for (const { key, select } of selects) select.value = params.get(SEARCH_PARAMS[key]) ?? '';

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (input.value.trim()) next.set(SEARCH_PARAMS.query, input.value.trim());
    for (const { key, select } of selects) if (select.value) next.set(SEARCH_PARAMS[key], select.value);
    history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);
    void run();
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(), 200);
  });
  for (const { select } of selects) select.addEventListener('change', () => void run());

  status.textContent = t('search.prompt');
  if (input.value) void run();
}
