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

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** Days whose text is kept; a page shows a few dozen, so this holds every day a busy list shows and stays a few KiB. */
const CACHED_DAYS = 512;
/** UTC day number (days since 1970-01-01, negative before) → its text. */
const textOfDay = new Map<number, string>();

/**
 * The text depends only on the UTC day (the formatter has no time fields and
 * no time zone but UTC), so it is formatted once per day rather than once per
 * card: `Intl.DateTimeFormat#format` was 4.5 % of the list page's CPU. The
 * cache is emptied when full, which keeps it bounded whatever dates arrive.
 */
function dayText(date: Date): string {
  const day = Math.floor(date.getTime() / MS_PER_DAY);
  let text = textOfDay.get(day);
  if (text === undefined) {
    text = LONG_DATE.format(date);
    if (textOfDay.size >= CACHED_DAYS) textOfDay.clear();
    textOfDay.set(day, text);
  }
  return text;
}

/** The same text on every server, whatever its time zone (UTC). */
export function displayDate(date: Date): DisplayDate {
  // toISOString first: an invalid date throws its RangeError before it could reach the cache (NaN is never a key).
  return { iso: date.toISOString(), text: dayText(date) };
}
