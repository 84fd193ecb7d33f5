import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { pageLocals } from '../../../platform/http/page-locals';
import type { ComponentRouteTable } from '../../components/component-route-table';
import { requestFacts } from '../request-facts';
import { APP_LOGGER } from './logging.tokens';
import { nestjsPinoParams } from './nest-logger';

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
 * 5xx (the error filter logs the failure itself, with its stack, at error), so
 * LOG_LEVEL=warn keeps the failed requests and drops the rest. The line and
 * every Nest Logger line made while serving the request carry its `reqId`:
 * the X-Request-Id it is answered with (src/server/request-id.ts runs first).
 * Installed right after the request id, so a request refused by a body check
 * or served as a static file is logged too. An app without the LoggingModule
 * logs no requests.
 */
export function logRequests(app: INestApplication, table: ComponentRouteTable): RequestHandler {
  const logger = appLoggerOf(app);
  if (!logger || logger.level === 'silent') return (_request: Request, _response: Response, next: NextFunction) => next();
  const line = (request: Request, response: Response, durationMs: number): RequestLine => {
    const { component, route } = requestFacts(request, table);
    return { method: request.method, route, status: response.statusCode, durationMs, component };
  };
  const http = pinoHttp<Request, Response>({
    logger,
    genReqId: (_request, response) => pageLocals(response).requestId ?? 'none',
    // Later lines bind only `reqId`; the request and response objects are never logged whole.
    quietReqLogger: true,
    quietResLogger: true,
    // Should someone log `req` or `res` anyway: the method and status, nothing a URL or header could leak.
    serializers: {
      req: (request: Request) => ({ method: request.method }),
      res: (response: Response) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'warn' : 'info'),
    customSuccessMessage: () => REQUEST_COMPLETED,
    customErrorMessage: () => REQUEST_COMPLETED,
    customSuccessObject: (request, response, { responseTime }: { responseTime: number }) => line(request, response, responseTime),
    customErrorObject: (request, response, _error, { responseTime }: { responseTime: number }) => line(request, response, responseTime),
  });
  // Nest Logger lines get the request's `reqId` from the first middleware on, not only once Nest routes it
  // (nestjs-pino binds it there): a refusal by the CSRF or body checks is logged with it too.
  const context = new PinoLogger(nestjsPinoParams(logger));
  return (request: Request, response: Response, next: NextFunction) =>
    http(request, response, () => context.runInContext(next, { bindings: { reqId: request.id } }));
}

function appLoggerOf(app: INestApplication): Logger | undefined {
  try {
    return app.get<Logger>(APP_LOGGER, { strict: false });
  } catch {
    return undefined;
  }
}
