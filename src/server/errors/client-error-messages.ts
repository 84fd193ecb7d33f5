/**
 * Errors that carry their own 4xx status without being Nest exceptions:
 * body-parser's (`http-errors` with a `type`), and the router's when a path
 * does not decode. Their texts ("request entity too large") are written for
 * developers; these are for the person who sent the form.
 */
interface StatusError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  limit?: unknown;
  charset?: unknown;
}

export interface ClientErrorMessage {
  status: number;
  message: string;
}

const kilobytes = (bytes: unknown) =>
  typeof bytes === 'number' && Number.isFinite(bytes) ? `${Math.floor(bytes / 1024).toLocaleString('en-US')} KB` : 'the limit';

const MESSAGES: Record<string, (error: StatusError) => string> = {
  'entity.too.large': (error) =>
    `What you sent is larger than this site accepts (${kilobytes(error.limit)}). Shorten the text and send it again.`,
  'parameters.too.many': () => 'The form had more fields than this site accepts. Send the form from its page on this site.',
  'charset.unsupported': (error) =>
    `The form was sent in a character set this site does not read${typeof error.charset === 'string' ? ` (${error.charset.slice(0, 40)})` : ''}. Send it as UTF-8, as the site's own pages do.`,
  'encoding.unsupported': () => 'The form was sent compressed in a way this site does not read. Send it uncompressed.',
  'entity.parse.failed': () => 'The data sent could not be read. Send the form again from its page on this site.',
  'entity.verify.failed': () => 'The form contained text that is not valid UTF-8. Send it again from its page on this site.',
  'request.size.invalid': () => 'The request ended before all of its data arrived. Send it again.',
  'request.aborted': () => 'The request ended before all of its data arrived. Send it again.',
};

const BY_STATUS: Record<number, string> = {
  400: 'The address or the data sent could not be read. Check the link, or send the form again from its page on this site.',
  405: 'This address does not accept that kind of request. Go back and use the page’s own links and buttons.',
  413: 'What you sent is larger than this site accepts. Shorten the text and send it again.',
  415: 'This site accepts forms as application/x-www-form-urlencoded in UTF-8. Send the form from its page on this site.',
};

/** The status and a readable message for an error with its own 4xx status; undefined for anything else. */
export function clientErrorMessage(error: unknown): ClientErrorMessage | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as StatusError;
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status >= 500) return undefined;
  const byType = typeof candidate.type === 'string' ? MESSAGES[candidate.type] : undefined;
  const message = byType?.(candidate) ?? BY_STATUS[status] ?? BY_STATUS[400];
  return { status, message };
}
