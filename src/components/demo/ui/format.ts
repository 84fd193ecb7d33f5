/** At most `limit` characters (whole code points), with an ellipsis when cut. */
export function truncate(text: string, limit = 200): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit).join('').trimEnd()}…`;
}
