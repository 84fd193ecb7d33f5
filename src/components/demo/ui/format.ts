/** At most `limit` characters (whole code points), with an ellipsis when cut. */
export function truncate(text: string, limit = 200): string {
  // A string of at most `limit` UTF-16 units has at most `limit` code points.
  if (text.length <= limit) return text;
  // Walk only the first `limit` code points, not the whole text (a post may be long).
  let end = 0;
  for (let points = 0; points < limit && end < text.length; points++) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  return end >= text.length ? text : `${text.slice(0, end).trimEnd()}…`;
}
