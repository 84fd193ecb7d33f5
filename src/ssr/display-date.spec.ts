import { displayDate } from './display-date';

/** What displayDate gave before it cached a day's text: the formatter on every call. */
const uncachedText = (date: Date) =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);

// The test run's time zone is fourteen hours ahead of UTC (jest.config.js).
describe('displayDate', () => {
  it('gives the ISO timestamp and the date in words', () => {
    expect(displayDate(new Date('2025-10-21T10:00:00.000Z'))).toEqual({ iso: '2025-10-21T10:00:00.000Z', text: 'October 21, 2025' });
  });

  it('names the UTC day whatever the server’s time zone, so a post written just before midnight UTC shows that day everywhere', () => {
    const lateOnNewYearsEve = new Date('2025-12-31T23:59:59.000Z');

    expect(lateOnNewYearsEve.toLocaleDateString('en-US', { month: 'long', day: 'numeric' })).toBe('January 1');
    expect(displayDate(lateOnNewYearsEve).text).toBe('December 31, 2025');
    expect(displayDate(new Date('2026-01-01T00:00:00.000Z')).text).toBe('January 1, 2026');
  });

  it('gives every date the text the formatter gives it, across midnights, leap days, time-zone edges and dates before 1970', () => {
    const dates = [
      '2025-12-31T23:59:59.999Z',
      '2026-01-01T00:00:00.000Z',
      '2025-12-31T00:00:00.000Z',
      '2025-12-31T09:59:59.999Z', // the local (UTC+14) day turns here, the UTC day does not
      '2025-12-31T10:00:00.000Z',
      '2024-02-28T23:59:59.999Z',
      '2024-02-29T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2024-03-01T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1969-12-31T00:00:00.000Z',
      '1969-12-30T23:59:59.999Z',
      '1900-02-28T12:00:00.000Z',
      '2099-12-31T23:59:59.999Z',
    ].map((iso) => new Date(iso));

    // Twice over, in both orders: the second pass reads what the first one cached.
    for (const date of [...dates, ...[...dates].reverse()]) {
      expect(displayDate(date)).toEqual({ iso: date.toISOString(), text: uncachedText(date) });
    }
  });

  it('stays right for more days than it keeps, each hour of each day', () => {
    const start = Date.UTC(2020, 0, 1);
    for (let hour = 0; hour < 24 * 800; hour += 7) {
      const date = new Date(start + hour * 3600 * 1000 + 1234);
      expect(displayDate(date).text).toBe(uncachedText(date));
    }
  });

  it('refuses an invalid date as before, with a RangeError', () => {
    expect(() => displayDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
