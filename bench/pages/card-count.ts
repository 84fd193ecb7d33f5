/**
 * How every server under test opens a post card: the app's `Card` and the
 * references' markup alike. Counting it in each answer proves the page
 * really listed its posts; an error page or an empty list has none.
 */
export const CARD_MARKER = '<article class="card"';

export function countCards(body: string): number {
  let count = 0;
  for (let at = body.indexOf(CARD_MARKER); at !== -1; at = body.indexOf(CARD_MARKER, at + CARD_MARKER.length)) count++;
  return count;
}
