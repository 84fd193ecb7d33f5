import { DomainError, DomainErrorCode } from '../../platform/errors/domain.error';
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

/** body-parser's (and raw-body's) error types as the user's code and message. */
function answerFor(type: string, limits: HttpBodyLimits): [DomainErrorCode, string] | undefined {
  switch (type) {
    case 'entity.too.large':
      return ['TOO_LARGE', REQUEST_INPUT_MESSAGES.tooLarge(limits)];
    case 'parameters.too.many':
      return ['TOO_LARGE', REQUEST_INPUT_MESSAGES.tooManyFields(limits)];
    case 'charset.unsupported':
      return ['UNSUPPORTED_MEDIA_TYPE', REQUEST_INPUT_MESSAGES.unsupportedCharset];
    case 'encoding.unsupported':
      return ['UNSUPPORTED_MEDIA_TYPE', REQUEST_INPUT_MESSAGES.unsupportedEncoding];
    // Only the JSON parser throws it: forms are parsed flat (extended: false), which never fails.
    case 'entity.parse.failed':
      return ['MALFORMED_REQUEST', REQUEST_INPUT_MESSAGES.invalidJson];
    default:
      return undefined;
  }
}

/**
 * An error of body parsing as a DomainError with a message for people;
 * anything else unchanged. body-parser's own messages ("request entity too
 * large") name neither the limit nor the fix. The checks of
 * well-formed-body.ts throw DomainErrors themselves, which body-parser passes
 * on (it only adds its `type` and `status` to them), so they arrive here as
 * they were thrown.
 */
export function toRequestInputError(error: unknown, limits: HttpBodyLimits): unknown {
  if (!(error instanceof Error) || error instanceof DomainError) return error;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof type !== 'string') return error;
  const known = answerFor(type, limits);
  if (known) return new DomainError(known[0], known[1], { cause: error });
  // Other client errors of reading a body: aborted, shorter than Content-Length (raw-body answers 400 for both).
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new DomainError('MALFORMED_REQUEST', REQUEST_INPUT_MESSAGES.unreadableBody, { cause: error });
  }
  return error;
}
