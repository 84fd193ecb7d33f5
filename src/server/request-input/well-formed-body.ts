import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '../../platform/errors/domain.error';
import { REQUEST_INPUT_MESSAGES } from './request-input-errors';

/**
 * body-parser's `verify` hooks: they see the raw bytes before parsing. What
 * they throw (a DomainError, for the error filter) reaches the error
 * middleware of install-request-input-checks.ts as the same object.
 *
 * Checked on the bytes, not on the decoded text, because decoding hides the
 * damage: body-parser decodes invalid UTF-8 to U+FFFD, a character a person
 * may legitimately paste, and the form parser (qs) keeps a malformed escape
 * such as `%E0%A4%A` as its literal text. Either way a broken request would
 * be stored as something nobody typed.
 */
export function verifyFormBody(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string | null): void {
  requireUtf8(body, encoding);
  try {
    // Valid as a whole exactly when every field is: `&` and `=` are never escapes.
    decodeURIComponent(body.toString('utf8'));
  } catch {
    throw new DomainError('MALFORMED_REQUEST', REQUEST_INPUT_MESSAGES.malformedFormEscape);
  }
}

export function verifyJsonBody(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string | null): void {
  requireUtf8(body, encoding);
}

/** UTF-8 only: browsers send this site's forms in its pages' encoding, and ISO-8859-1 would turn any bytes into some text. */
function requireUtf8(body: Buffer, encoding: string | null): void {
  if (encoding !== 'utf-8') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', REQUEST_INPUT_MESSAGES.unsupportedCharset);
  if (!isUtf8(body)) throw new DomainError('MALFORMED_REQUEST', REQUEST_INPUT_MESSAGES.notUtf8);
}
