import { HttpException, HttpStatus } from '@nestjs/common';
import { describeSize, HttpBodyLimits } from './http-body-limits';

/**
 * What the platform answers when a request cannot be read, before any
 * controller runs. Each message says what is wrong and how to send it right;
 * docs/troubleshooting.md lists them.
 */
export const REQUEST_INPUT_MESSAGES = {
  malformedUrl:
    'The address contains a malformed %-escape (a % not followed by two hexadecimal digits, or escaped bytes that are not UTF-8); correct the link, or start again from the home page.',
  unsupportedMediaType:
    'This site accepts a request body only as a form (application/x-www-form-urlencoded) or as JSON (application/json); send the form from the site’s own page.',
  unsupportedCharset:
    'This site reads request bodies in UTF-8 only, and this one declares another character set; send it as UTF-8, as the site’s own forms do.',
  unsupportedEncoding: 'This site does not accept a request body compressed this way (Content-Encoding); send it uncompressed.',
  notUtf8: 'The request body is not valid UTF-8 text; send the form from the site’s own page, or encode the body as UTF-8.',
  malformedFormEscape:
    'The form contains a malformed %-escape (a % not followed by two hexadecimal digits, or escaped bytes that are not UTF-8); send it from the site’s own page, which encodes it correctly.',
  invalidJson: 'The request body is not valid JSON; check its syntax and send it again.',
  unreadableBody:
    'The request body could not be read completely (the connection was interrupted, or the body was shorter than its Content-Length); send it again.',
  tooLarge: (limits: HttpBodyLimits) =>
    `The request is larger than the ${describeSize(limits.bytes)} this site accepts; shorten the text and send it again.`,
  tooManyFields: (limits: HttpBodyLimits) =>
    `The form has more than ${limits.formFields.toLocaleString('en-US')} fields, more than this site accepts; send the form from the site’s own page.`,
} as const;

/** A body the checks of well-formed-body.ts refuse; `type` in body-parser's manner. */
export class BodyRejection extends Error {
  constructor(
    readonly type: 'body.charset.not.utf8' | 'body.not.utf8' | 'body.malformed.escape',
    readonly status: number,
  ) {
    super(type);
  }
}

/** body-parser's (and raw-body's) error types, and ours, as the user's message and status. */
function messageFor(type: string, limits: HttpBodyLimits): [HttpStatus, string] | undefined {
  switch (type) {
    case 'entity.too.large':
      return [HttpStatus.PAYLOAD_TOO_LARGE, REQUEST_INPUT_MESSAGES.tooLarge(limits)];
    case 'parameters.too.many':
      return [HttpStatus.PAYLOAD_TOO_LARGE, REQUEST_INPUT_MESSAGES.tooManyFields(limits)];
    case 'charset.unsupported':
    case 'body.charset.not.utf8':
      return [HttpStatus.UNSUPPORTED_MEDIA_TYPE, REQUEST_INPUT_MESSAGES.unsupportedCharset];
    case 'encoding.unsupported':
      return [HttpStatus.UNSUPPORTED_MEDIA_TYPE, REQUEST_INPUT_MESSAGES.unsupportedEncoding];
    case 'body.not.utf8':
      return [HttpStatus.BAD_REQUEST, REQUEST_INPUT_MESSAGES.notUtf8];
    case 'body.malformed.escape':
      return [HttpStatus.BAD_REQUEST, REQUEST_INPUT_MESSAGES.malformedFormEscape];
    // Only the JSON parser throws it: forms are parsed flat (extended: false), which never fails.
    case 'entity.parse.failed':
      return [HttpStatus.BAD_REQUEST, REQUEST_INPUT_MESSAGES.invalidJson];
    default:
      return undefined;
  }
}

/**
 * An error of body parsing as an HttpException with a message for people;
 * anything else unchanged. body-parser's own messages ("request entity too
 * large") name neither the limit nor the fix.
 */
export function toRequestInputException(error: unknown, limits: HttpBodyLimits): unknown {
  if (!(error instanceof Error) || error instanceof HttpException) return error;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof type !== 'string') return error;
  const known = messageFor(type, limits);
  if (known) return new HttpException(known[1], known[0], { cause: error });
  // Other client errors of reading a body: aborted, shorter than Content-Length, …
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpException(REQUEST_INPUT_MESSAGES.unreadableBody, status, { cause: error });
  }
  return error;
}
