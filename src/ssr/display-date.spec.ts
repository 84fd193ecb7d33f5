import { displayDate } from './display-date';

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
});
