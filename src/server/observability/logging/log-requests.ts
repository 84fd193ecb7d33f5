import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pageLocals } from '../../../platform/http/page-locals';
import type { ComponentRouteTable } from '../../components/component-route-table';
import { requestFacts } from '../request-facts';
import { APP_LOGGER } from './logging.tokens';

/** The message of the one line each finished request logs. */
export const REQUEST_COMPLETED = 'request completed';

/** The fields of the request line: bounded values only (never the URL, its query, headers, cookies or a body). */
export interface RequestLine {
  method: string;
  route: string;
  status: number;
  durationMs: number;
  component: string;
}

/**
 * One line per finished request ("request completed"), at info, or warn for a
 * 5xx or a request whose client went away before the answer was sent (the
 * error filter logs a failure itself, with its stack, at error), so
 * LOG_LEVEL=warn keeps the failed requests and drops the rest. The line and
 * every Nest Logger line made while serving the request carry its `reqId`:
 * the X-Request-Id it is answered with (src/server/request-id.ts runs first;
 * the other lines read it from the request's scope, app-logger.ts).
 * Installed right after the request id, so a request refused by a body check
 * or served as a static file is logged too. An app without the LoggingModule
 * logs no requests.
 *
 * Not pino-http: it made a child logger for every request, and nestjs-pino a
 * second async context to hold it, whether the request logged anything or
 * not; here a request costs two listeners and, when it ends, the one line.
 */
export function logRequests(app: INestApplication, table: ComponentRouteTable): RequestHandler {
  const logger = appLoggerOf(app);
  if (!logger || logger.level === 'silent') return (_request: Request, _response: Response, next: NextFunction) => next();
  return (request: Request, response: Response, next: NextFunction) => {
    const started = Date.now();
    const logLine = () => {
      response.off('finish', logLine);
      response.off('close', logLine);
      const { component, route } = requestFacts(request, table);
      const line: RequestLine & { reqId: string } = {
        reqId: pageLocals(response).requestId ?? 'none',
        method: request.method,
        route,
        status: response.statusCode,
        durationMs: Date.now() - started,
        component,
      };
      // `close` before `finish`: the client went away before the whole answer was sent.
      const failed = response.statusCode >= 500 || !response.writableFinished;
      if (failed) logger.warn(line, REQUEST_COMPLETED);
      else logger.info(line, REQUEST_COMPLETED);
    };
    response.on('finish', logLine);
    response.on('close', logLine);
    next();
  };
}

function appLoggerOf(app: INestApplication): Logger | undefined {
  try {
    return app.get<Logger>(APP_LOGGER, { strict: false });
  } catch {
    return undefined;
  }
}
