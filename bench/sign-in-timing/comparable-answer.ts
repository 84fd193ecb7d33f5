/** A failed sign-in's answer without what differs between requests by design: the email shown back and the form's CSRF token. */
export function comparableAnswer(body: string, email: string): string {
  return body.replaceAll(email, '<email>').replace(/(name="_csrf" value=")[^"]*"/g, '$1<token>"');
}
