import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../../platform/errors/domain.error';
import type { HttpBodyLimits } from './http-body-limits';
import { REQUEST_INPUT_MESSAGES, toRequestInputError } from './request-input-errors';
import { verifyFormBody, verifyJsonBody } from './well-formed-body';

/** The body types the parsers below read; any other body is refused rather than left unread. */
const BODY_TYPES = ['application/x-www-form-urlencoded', 'application/json'];

/**
 * What every request must be before a controller sees it: an address whose
 * %-escapes decode, a body of a type and charset the app reads, within the
 * limits, and well-formed. Anything else is a DomainError (a 4xx with a
 * message, which the error filter renders as a page or JSON) and reaches no handler.
 *
 * Installing the parsers here replaces Nest's defaults: Nest adds its own
 * `jsonParser` and `urlencodedParser` at `init()` only when no middleware of
 * that name is registered yet, so production and tests get exactly these.
 */
export function installRequestInputChecks(app: NestExpressApplication, limits: HttpBodyLimits): void {
  app.use(requireWellFormedUrl);
  app.use(requireReadableBodyType);
  // Flat forms (extended: false): `title[a]=x` is a field named "title[a]", not an object,
  // so a form field is a string, or an array when repeated, never a nested structure.
  app.useBodyParser('urlencoded', { extended: false, limit: limits.bytes, parameterLimit: limits.formFields, verify: verifyFormBody });
  app.useBodyParser('json', { limit: limits.bytes, verify: verifyJsonBody });
  app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => next(toRequestInputError(error, limits)));
}

/**
 * Express decodes only route parameters, and then fails with a bare URIError;
 * the query string parser keeps malformed escapes as text. Checked once here,
 * every address is either decodable or a 400 that says so.
 */
function requireWellFormedUrl(req: Request, _res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.originalUrl);
  } catch {
    next(new DomainError('MALFORMED_REQUEST', REQUEST_INPUT_MESSAGES.malformedUrl));
    return;
  }
  next();
}

/**
 * A body no parser reads (text/plain, XML, multipart, no Content-Type) would
 * reach the handlers as "no body" and fail later in a misleading way (the
 * CSRF check says the form expired). An empty body needs no type.
 */
function requireReadableBodyType(req: Request, _res: Response, next: NextFunction): void {
  const empty = req.headers['transfer-encoding'] === undefined && (req.headers['content-length'] ?? '0') === '0';
  if (!empty && !req.is(BODY_TYPES)) {
    next(new DomainError('UNSUPPORTED_MEDIA_TYPE', REQUEST_INPUT_MESSAGES.unsupportedMediaType));
    return;
  }
  next();
}
