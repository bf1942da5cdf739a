/**
 * Progressive enhancement of a running live story (src/components/LiveUpdates.astro): while the
 * tab is visible, check the story's JSON feed every LIVE_POLL_MS; when it lists entries the page
 * lacks, offer them in the reserved line above the entries. Showing them is the reader's choice:
 * the page is fetched again and its list of entries replaces this one (the server's own markup,
 * photos and all), and focus moves to the newest entry. Nothing moves before the reader asks.
 */
import { unseenEntries } from '../lib/content/live';

interface JsonFeed {
  items?: { url?: string }[];
}

export function startLiveUpdates(): void {
  const slot = document.querySelector<HTMLElement>('[data-live-feed]');
  const list = slot?.closest('.live-entries')?.querySelector('ol');
  if (!slot || !list) return;
  const feed = slot.dataset.liveFeed ?? '';
  const every = Number(slot.dataset.livePoll) || 45_000;
  const shown = () =>
    new Set([...document.querySelectorAll<HTMLElement>('.live-entry h3[id]')].map((h) => h.id));
  let offered = 0;
  let busy = false;

  const offer = (count: number) => {
    if (count === offered) return;
    offered = count;
    const button = document.createElement('button');
    button.type = 'button';
    const many = slot.dataset.textMany ?? '{count}';
    button.textContent = count === 1 ? (slot.dataset.textOne ?? '1') : many.replace('{count}', String(count));
    button.addEventListener('click', () => void show());
    slot.replaceChildren(button);
  };

  const check = async () => {
    if (busy || document.visibilityState !== 'visible') return;
    busy = true;
    try {
      const response = await fetch(feed, { cache: 'no-cache' });
      if (!response.ok) return;
      const data = (await response.json()) as JsonFeed;
      const urls = (data.items ?? []).flatMap((item) => (item.url ? [item.url] : []));
      const unseen = unseenEntries(urls, shown());
      if (unseen.length > 0) offer(unseen.length);
    } catch {
      // Offline or a deploy in progress: the next check tries again.
    } finally {
      busy = false;
    }
  };

  const show = async () => {
    const before = shown();
    const response = await fetch(location.pathname, { cache: 'no-cache' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    const freshList = fresh.querySelector('.live-entries ol');
    if (!freshList) return;
    list.replaceChildren(...[...freshList.children].map((child) => document.importNode(child, true)));
    // The status line ("Sist oppdatert …") follows the entries.
    const status = document.querySelector('.live-status');
    const freshStatus = fresh.querySelector('.live-status');
    if (status && freshStatus) status.replaceWith(document.importNode(freshStatus, true));
    offered = 0;
    slot.replaceChildren();
    const first = [...list.querySelectorAll<HTMLElement>('.live-entry h3[id]')].find(
      (h) => !before.has(h.id),
    );
    first?.focus();
  };

  setInterval(() => void check(), every);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
  });
}
