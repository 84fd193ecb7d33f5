/** A date as a page shows it: machine-readable for `<time dateTime>`, and in words for the reader. */
export interface DisplayDate {
  /** ISO 8601, e.g. "2025-10-21T10:00:00.000Z". */
  iso: string;
  /** e.g. "October 21, 2025". */
  text: string;
}

// One formatter for the process: building an Intl.DateTimeFormat costs about
// a hundred times more than using one, and `toLocaleDateString` builds one per call.
const LONG_DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** The same text on every server, whatever its time zone (UTC). */
export function displayDate(date: Date): DisplayDate {
  return { iso: date.toISOString(), text: LONG_DATE.format(date) };
}
