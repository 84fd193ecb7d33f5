import { displayDate } from './display-date';

describe('displayDate', () => {
  it('gives the ISO timestamp and the date in words', () => {
    expect(displayDate(new Date('2025-10-21T10:00:00.000Z'))).toEqual({ iso: '2025-10-21T10:00:00.000Z', text: 'October 21, 2025' });
  });

  it('names the UTC day, so a post written just before midnight UTC shows that day everywhere', () => {
    expect(displayDate(new Date('2025-12-31T23:59:59.000Z')).text).toBe('December 31, 2025');
    expect(displayDate(new Date('2026-01-01T00:00:00.000Z')).text).toBe('January 1, 2026');
  });
});
