import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { pageLocals } from '../platform/http/page-locals';

/**
 * A proxy's id is kept so one request can be followed through both logs;
 * anything else (too long, odd characters that could forge log lines) is
 * replaced by one of our own.
 */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives every request an id, answers it in `X-Request-Id`, and leaves it in
 * `res.locals` for the error filter, which logs it and shows it on the page,
 * so a user's report ("reference 4kTq…") finds the log line.
 */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get('x-request-id');
  const id = incoming && ACCEPTED_ID.test(incoming) ? incoming : randomBytes(9).toString('base64url');
  pageLocals(res).requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
}
