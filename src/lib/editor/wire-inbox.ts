/**
 * A watched wire inbox (`npm run import -- --watch DIR`): every file that lands in DIR (and any
 * left there at start) is imported once it is complete, then moved to DIR/done/, or to
 * DIR/failed/ with the reason beside it (`<name>.error.txt`). A file counts as complete when its
 * size and modification time have held still for SETTLE_MS (a wire system that writes in parts
 * pauses less than that, or writes a dotfile and renames it: dotfiles are never read). A restart
 * imports nothing twice: done files are moved away, and a story whose version is already stored
 * is left as it is (wire-import.ts). Picture files stay where they are, for the stories that
 * name them (and their later versions).
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
  watch,
  writeFileSync,
  type FSWatcher,
} from 'node:fs';
import { extname, join } from 'node:path';
import { importWireFile, type WireImportContext, type WireImportResult } from './wire-import.ts';

/** How long a file must hold still before it is read. */
export const SETTLE_MS = 2_000;
/**
 * Pictures that come with the stories: read by the story that names them (its lead photo), never
 * imported or moved themselves, so a later version of the story finds its picture too.
 */
const PICTURE = /\.(jpe?g|png|webp|avif|gif|tiff?|heic)$/i;

/** How often the inbox is looked at besides the file system's events (which can be missed). */
const POLL_MS = 500;

export interface InboxEvent {
  file: string;
  result?: WireImportResult;
  error?: string;
}

/** A free name in `dir` for `name` (a second "a.json" becomes "a-2.json"). */
function freeName(dir: string, name: string): string {
  if (!existsSync(join(dir, name))) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; ; n++) if (!existsSync(join(dir, `${stem}-${n}${ext}`))) return `${stem}-${n}${ext}`;
}

export interface Inbox {
  /** Stops watching; resolves when the file being imported (if any) is done. */
  stop(): Promise<void>;
}

export function watchInbox(
  dir: string,
  context: () => WireImportContext,
  onEvent: (event: InboxEvent) => void,
  onBatch?: (events: InboxEvent[]) => Promise<void> | void,
): Inbox {
  const done = join(dir, 'done');
  const failed = join(dir, 'failed');
  mkdirSync(done, { recursive: true });
  mkdirSync(failed, { recursive: true });
  /** Files seen, with their size and time when last looked at, and since when they held still. */
  const seen = new Map<string, { size: number; mtimeMs: number; since: number }>();
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const scan = async () => {
    const now = Date.now();
    const ready: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith('.') || PICTURE.test(entry.name)) continue;
      const path = join(dir, entry.name);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        continue; // moved away meanwhile
      }
      const last = seen.get(entry.name);
      if (!last || last.size !== stat.size || last.mtimeMs !== stat.mtimeMs) {
        seen.set(entry.name, { size: stat.size, mtimeMs: stat.mtimeMs, since: now });
        continue;
      }
      if (now - last.since >= SETTLE_MS && now - stat.mtimeMs >= SETTLE_MS) ready.push(entry.name);
    }
    if (ready.length === 0) return;
    const events: InboxEvent[] = [];
    const ctx = context();
    for (const name of ready.sort()) {
      const path = join(dir, name);
      let event: InboxEvent;
      try {
        event = { file: name, result: importWireFile(path, ctx) };
        renameSync(path, join(done, freeName(done, name)));
      } catch (error) {
        event = { file: name, error: error instanceof Error ? error.message : String(error) };
        const target = freeName(failed, name);
        renameSync(path, join(failed, target));
        writeFileSync(join(failed, `${target}.error.txt`), `${event.error}\n`);
      }
      seen.delete(name);
      events.push(event);
      onEvent(event);
    }
    if (onBatch && events.some((e) => e.result && e.result.outcome !== 'unchanged')) await onBatch(events);
  };

  // One scan at a time, in order.
  const schedule = () => {
    if (stopped) return;
    running = running.then(scan).catch((error: unknown) => {
      onEvent({ file: dir, error: error instanceof Error ? error.message : String(error) });
    });
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, () => schedule());
  } catch {
    // Polling alone then.
  }
  const timer = setInterval(schedule, POLL_MS);
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      watcher?.close();
      await running;
    },
  };
}
