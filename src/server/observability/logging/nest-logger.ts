import type { LoggerService } from '@nestjs/common';
import { Logger as PinoNestLogger, type Params, PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * nestjs-pino's parameters over the app's own logger, for its Nest
 * LoggerService only. `useExisting` and no routes: nestjs-pino mounts no
 * middleware. The request line comes from log-requests.ts, installed in
 * configureApp before everything that can refuse a request, and every line
 * gets the request's `reqId` from the request's scope (app-logger.ts), not
 * from a child logger bound per request.
 *
 * nestjs-pino keeps one root logger per process (the first one it is given):
 * one app per process, as main.ts runs it.
 */
export function nestjsPinoParams(logger: Logger): Params {
  return { pinoHttp: { logger }, useExisting: true, forRoutes: [] };
}

/** A Nest LoggerService writing through `logger`: for the lines main.ts logs before the app exists. */
export function nestLoggerOver(logger: Logger): LoggerService {
  const params = nestjsPinoParams(logger);
  return new PinoNestLogger(new PinoLogger(params), params);
}
