import { describe, expect, it } from 'vitest';
import { monthCalendar } from '../../src/lib/archive/calendar';

describe('monthCalendar', () => {
  it('starts weeks on Monday and marks days with news', () => {
    const weeks = monthCalendar(2020, 10, new Map([[10, { path: '/2020/10/10/', count: 2 }]]));
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.slice(0, 4)).toEqual([null, null, null, { day: 1, path: undefined, count: 0 }]);
    expect(weeks[1]?.[5]).toEqual({ day: 10, path: '/2020/10/10/', count: 2 }); // Saturday 10 October
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('handles leap years and months starting on Monday', () => {
    const feb = monthCalendar(2021, 2, new Map()); // 1 Feb 2021 is a Monday, 28 days: exactly 4 weeks
    expect(feb).toHaveLength(4);
    expect(feb[0]?.[0]).toEqual({ day: 1, path: undefined, count: 0 });
    expect(monthCalendar(2020, 2, new Map()).flat().filter(Boolean)).toHaveLength(29);
  });
});
