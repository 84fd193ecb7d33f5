/** "October 21, 2025", the same on every server whatever its time zone. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** At most `limit` characters (whole code points), with an ellipsis when cut. */
export function truncate(text: string, limit = 200): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit).join('').trimEnd()}…`;
}
