/**
 * The backstop for errors that carry their own 4xx status without being Nest
 * exceptions (a body-parser error from a parser a component installs itself,
 * the router's URIError): that status, with a sentence for it. The
 * platform's own request checks (src/server/request-input/) turn the errors
 * they know into HttpExceptions with precise messages first.
 */
export interface ClientErrorMessage {
  status: number;
  message: string;
}

const BY_STATUS: Record<number, string> = {
  400: 'The address or the data sent could not be read. Check the link, or send the form again from its page on this site.',
  405: 'This address does not accept that kind of request. Go back and use the page’s own links and buttons.',
  413: 'What you sent is larger than this site accepts. Shorten the text and send it again.',
  415: 'This site accepts forms as application/x-www-form-urlencoded or JSON, in UTF-8. Send the form from its page on this site.',
};

/** The status and a readable message for an error with its own 4xx status; undefined for anything else. */
export function clientErrorMessage(error: unknown): ClientErrorMessage | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const {
    status: ownStatus,
    statusCode,
    expose,
    type,
  } = error as { status?: unknown; statusCode?: unknown; expose?: unknown; type?: unknown };
  // Only errors meant for the client (http-errors' `expose`, body-parser's `type`):
  // an HTTP client's error also carries a status, the upstream service's.
  // The router's URIError for an undecodable path is the client's too.
  if (expose !== true && typeof type !== 'string' && !(error instanceof URIError)) return undefined;
  const status = typeof ownStatus === 'number' ? ownStatus : statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status >= 500) return undefined;
  return { status, message: BY_STATUS[status] ?? BY_STATUS[400] };
}
