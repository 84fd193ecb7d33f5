/** At most `limit` characters (whole code points), with an ellipsis when cut. */
export function truncate(text: string, limit = 200): string {
  // A string of at most `limit` UTF-16 units has at most `limit` code points:
  // the common short text returns without splitting it into an array.
  if (text.length <= limit) return text;
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit).join('').trimEnd()}…`;
}
