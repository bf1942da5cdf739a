/** A month as calendar weeks (Monday first, as in Norway), marking the days that have news. */

export interface CalendarDay {
  /** Day of month, 1–31. */
  day: number;
  /** Site path of the day page, when the day has news. */
  path: string | undefined;
  count: number;
}

/** null is a blank cell before the 1st or after the last day. */
export type CalendarWeek = (CalendarDay | null)[];

export function monthCalendar(
  year: number,
  month: number,
  news: ReadonlyMap<number, { path: string; count: number }>,
): CalendarWeek[] {
  // Pure calendar arithmetic in UTC: no time zone can move a weekday here.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (CalendarDay | null)[] = Array.from({ length: firstWeekday }, () => null);
  for (let day = 1; day <= daysInMonth; day++) {
    const entry = news.get(day);
    cells.push({ day, path: entry?.path, count: entry?.count ?? 0 });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: CalendarWeek[] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Norwegian weekday names, Monday first: short for the table head, full for screen readers. */
export const WEEKDAYS = [
  ['ma', 'mandag'],
  ['ti', 'tirsdag'],
  ['on', 'onsdag'],
  ['to', 'torsdag'],
  ['fr', 'fredag'],
  ['lø', 'lørdag'],
  ['sø', 'søndag'],
] as const;
