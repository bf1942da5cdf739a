import { describe, expect, it } from 'vitest';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { formatISO } from 'date-fns/formatISO';
import {
  formatDateTime,
  formatDay,
  formatMonth,
  formatTime,
  isoOslo,
  osloDay,
  parseDateTime,
} from '../../src/lib/dates';

function parsed(raw: string): Date {
  const result = parseDateTime(raw);
  if (!result.ok) throw new Error(result.message);
  return result.date;
}

describe('parseDateTime', () => {
  it('honours an explicit offset', () => {
    expect(parsed('2020-10-10T10:40:00+02:00').toISOString()).toBe('2020-10-10T08:40:00.000Z');
    expect(parsed('2020-10-10T10:40:00+0200').toISOString()).toBe('2020-10-10T08:40:00.000Z');
    expect(parsed('2020-10-09T22:15:00Z').toISOString()).toBe('2020-10-09T22:15:00.000Z');
    expect(parsed('2020-10-10T03:00:00-05:00').toISOString()).toBe('2020-10-10T08:00:00.000Z');
  });

  it('reads a time without offset as Oslo time, not UTC and not the machine zone', () => {
    // process TZ is America/New_York in this project
    expect(parsed('2020-10-12T23:30:00').toISOString()).toBe('2020-10-12T21:30:00.000Z');
    expect(parsed('2020-01-15T08:00').toISOString()).toBe('2020-01-15T07:00:00.000Z');
    expect(parsed('2020-10-12 23:30').toISOString()).toBe('2020-10-12T21:30:00.000Z');
  });

  it('uses the right Oslo offset on both sides of a DST change', () => {
    // Summer time ends 2020-10-25 03:00 CEST → 02:00 CET.
    expect(parsed('2020-10-24T12:00:00').toISOString()).toBe('2020-10-24T10:00:00.000Z');
    expect(parsed('2020-10-26T12:00:00').toISOString()).toBe('2020-10-26T11:00:00.000Z');
    // Summer time starts 2021-03-28 02:00 CET → 03:00 CEST.
    expect(parsed('2021-03-28T01:30:00').toISOString()).toBe('2021-03-28T00:30:00.000Z');
    expect(parsed('2021-03-28T03:30:00').toISOString()).toBe('2021-03-28T01:30:00.000Z');
  });

  it('refuses years outside 1800–2999 instead of shifting 0001–0099 to 1901–1999', () => {
    for (const raw of [
      '0050-06-01T12:00:00+02:00',
      '0099-01-01T00:00',
      '1799-12-31T23:59Z',
      '3000-01-01T00:00',
    ]) {
      const result = parseDateTime(raw);
      expect(result, raw).toMatchObject({ ok: false, problem: 'out-of-range' });
      expect(!result.ok && result.message, raw).toMatch(
        /has the year \d{4}, outside 1800–2999\. Check the year/,
      );
    }
    expect(parsed('1800-01-01T00:00:00Z').toISOString()).toBe('1800-01-01T00:00:00.000Z');
    expect(parsed('2999-12-31T12:00:00Z').toISOString()).toBe('2999-12-31T12:00:00.000Z');
    // Oslo time without an offset, at the first year: local mean time then, as date-fns/tz knows.
    expect(parsed('1867-06-01T12:00').getUTCFullYear()).toBe(1867);
  });

  it('refuses a date without a time', () => {
    const result = parseDateTime('2020-10-10');
    expect(result).toMatchObject({ ok: false, problem: 'no-time' });
    expect(!result.ok && result.message).toContain('no time of day');
  });

  it('refuses impossible dates instead of rolling them over', () => {
    for (const raw of [
      '2020-10-32T10:00:00',
      '2020-02-30T10:00:00+01:00',
      '2020-13-01T10:00',
      '2020-10-10T24:00',
      '2019-02-29T12:00',
    ]) {
      expect(parseDateTime(raw), raw).toMatchObject({ ok: false, problem: 'not-a-date' });
    }
    expect(parseDateTime('2020-02-29T12:00').ok).toBe(true);
    expect(parseDateTime('2020-10-32')).toMatchObject({ ok: false, problem: 'not-a-date' });
  });

  it('refuses other formats', () => {
    for (const raw of ['10.10.2020 10:40', 'i går', '2020-10-10T10', '2020/10/10 10:40']) {
      expect(parseDateTime(raw), raw).toMatchObject({ ok: false, problem: 'format' });
    }
  });
});

describe('Oslo calendar days', () => {
  it('puts 00:30 Oslo time on that Oslo day', () => {
    expect(osloDay(parsed('2020-10-11T00:30:00+02:00'))).toEqual({ year: '2020', month: '10', day: '11' });
  });

  it('puts 22:15 UTC on the next Oslo day', () => {
    expect(osloDay(parsed('2020-10-09T22:15:00Z'))).toEqual({ year: '2020', month: '10', day: '10' });
  });

  it('puts a late offset-less time on its own day', () => {
    expect(osloDay(parsed('2020-10-12T23:30:00'))).toEqual({ year: '2020', month: '10', day: '12' });
  });

  it('handles the new year in Oslo', () => {
    expect(osloDay(parsed('2020-12-31T23:30:00Z'))).toEqual({ year: '2021', month: '01', day: '01' });
  });

  /** The day as the zone rules give it, through date-fns (what osloDay computes faster). */
  const byRules = (date: Date) => {
    const [year, month, day] = format(date, 'yyyy-MM-dd', { in: tz('Europe/Oslo') }).split('-');
    return { year, month, day };
  };

  it('agrees with the zone rules around the changes to and from summer time, minute by minute', () => {
    // 2020-03-29 01:00 UTC (02:00 becomes 03:00) and 2020-10-25 01:00 UTC (03:00 becomes 02:00);
    // midnight in Oslo is 22:00 or 23:00 UTC the day before.
    for (const start of ['2020-03-28T20:00:00Z', '2020-10-24T20:00:00Z', '2021-03-27T20:00:00Z']) {
      for (let minute = 0; minute < 8 * 60; minute++) {
        const date = new Date(Date.parse(start) + minute * 60_000);
        expect(osloDay(date), date.toISOString()).toEqual(byRules(date));
      }
    }
  });

  it('agrees with the zone rules from 1800 to 2999, and across the end of local mean time in 1893', () => {
    // Local mean time (+00:53:28) ended at 1893-04-01 00:00 local, 23:06:32 UTC the day before:
    // not on a whole hour. Second by second around it.
    for (let second = -3600; second < 3600; second++) {
      const date = new Date(Date.parse('1893-03-31T23:06:32Z') + second * 1000);
      expect(osloDay(date), date.toISOString()).toEqual(byRules(date));
    }
    const first = Date.parse('1800-01-01T00:00:00Z');
    const span = Date.parse('2999-12-31T23:59:00Z') - first;
    for (let i = 0; i < 20_000; i++) {
      // A fixed spread of moments (a multiplicative walk), the same on every run.
      const date = new Date(first + Math.floor((((i * 2654435761) % 2 ** 32) / 2 ** 32) * span));
      expect(osloDay(date), date.toISOString()).toEqual(byRules(date));
    }
  });
});

describe('isoOslo', () => {
  /** What it computes faster: date-fns' ISO 8601 in the zone. */
  const byRules = (date: Date) => formatISO(date, { in: tz('Europe/Oslo') });

  it('writes the Oslo offset of the moment, summer and winter', () => {
    expect(isoOslo(parsed('2020-10-10T10:40:00+02:00'))).toBe('2020-10-10T10:40:00+02:00');
    expect(isoOslo(parsed('2020-12-24T23:59:59.900Z'))).toBe('2020-12-25T00:59:59+01:00');
  });

  it('agrees with date-fns minute by minute across summer time, and from 1800 to 2999', () => {
    for (const start of ['2020-03-28T20:00:00Z', '2020-10-24T20:00:00Z']) {
      for (let minute = 0; minute < 8 * 60; minute++) {
        const date = new Date(Date.parse(start) + minute * 60_000 + 59_999);
        expect(isoOslo(date)).toBe(byRules(date));
      }
    }
    for (let second = -3600; second < 3600; second += 7) {
      const date = new Date(Date.parse('1893-03-31T23:06:32Z') + second * 1000);
      expect(isoOslo(date)).toBe(byRules(date));
    }
    const first = Date.parse('1800-01-01T00:00:00Z');
    const span = Date.parse('2999-12-31T23:59:00Z') - first;
    for (let i = 0; i < 20_000; i++) {
      const date = new Date(first + Math.floor((((i * 2654435761) % 2 ** 32) / 2 ** 32) * span));
      expect(isoOslo(date)).toBe(byRules(date));
    }
  });
});

describe('formatting', () => {
  it('formats in Norwegian bokmål and Oslo time', () => {
    const d = parsed('2020-10-10T10:40:00+02:00');
    expect(formatDateTime(d)).toBe('lørdag 10. oktober 2020 kl. 10.40');
    expect(formatTime(d)).toBe('kl. 10.40');
    expect(isoOslo(d)).toBe('2020-10-10T10:40:00+02:00');
  });

  it('shows winter time after the DST change', () => {
    const d = parsed('2020-10-25T01:30:00Z');
    expect(formatTime(d)).toBe('kl. 02.30');
    expect(isoOslo(d)).toBe('2020-10-25T02:30:00+01:00');
  });

  it('names days and months', () => {
    expect(formatDay({ year: '2020', month: '10', day: '10' })).toBe('lørdag 10. oktober 2020');
    expect(formatMonth('2020', '10')).toBe('oktober 2020');
  });
});
