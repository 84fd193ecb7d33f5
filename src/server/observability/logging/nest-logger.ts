import type { LoggerService } from '@nestjs/common';
import { Logger as PinoNestLogger, type Params, PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * nestjs-pino's parameters over the app's own logger. `useExisting`: the
 * request line comes from our pino-http middleware (log-requests.ts), installed
 * in configureApp before everything that can refuse a request, not from the
 * one nestjs-pino would mount after them; nestjs-pino only binds each request's
 * child logger (with its `reqId`) for the Nest Logger lines made while serving it.
 *
 * nestjs-pino keeps one root logger per process (the first one it is given):
 * one app per process, as main.ts runs it.
 */
export function nestjsPinoParams(logger: Logger): Params {
  return { pinoHttp: { logger }, useExisting: true };
}

/** A Nest LoggerService writing through `logger`: for the lines main.ts logs before the app exists. */
export function nestLoggerOver(logger: Logger): LoggerService {
  const params = nestjsPinoParams(logger);
  return new PinoNestLogger(new PinoLogger(params), params);
}
