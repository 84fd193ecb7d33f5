import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { pageLocals } from '../platform/http/page-locals';

/**
 * A proxy's id is kept so one request can be followed through both logs;
 * anything else (too long, odd characters that could forge log lines) is
 * replaced by one of our own.
 */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** 9 random bytes per id: 12 base64url characters. */
const ID_BYTES = 9;
/** Ids drawn per call to the system's random source (one call per 512 requests, not one per request). */
const BATCH = 512;
let pool = Buffer.alloc(0);
let used = 0;

/** A fresh random id, from a batch of random bytes drawn ahead: as unpredictable, without a system call per request. */
export function newRequestId(): string {
  if (used + ID_BYTES > pool.length) {
    pool = randomBytes(ID_BYTES * BATCH);
    used = 0;
  }
  const id = pool.toString('base64url', used, used + ID_BYTES);
  used += ID_BYTES;
  return id;
}

/**
 * Gives every request an id, answers it in `X-Request-Id`, and leaves it in
 * `res.locals` for the error filter, which logs it and shows it on the page,
 * so a user's report ("reference 4kTq…") finds the log line.
 */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get('x-request-id');
  const id = incoming && ACCEPTED_ID.test(incoming) ? incoming : newRequestId();
  pageLocals(res).requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
}
