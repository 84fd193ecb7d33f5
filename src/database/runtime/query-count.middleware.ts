import { Injectable, NestMiddleware } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryMonitor, RequestQueryTally } from './query-monitor';

/**
 * Counts the SQL statements of each request and warns when there are too many
 * (see `QueryMonitor`). A Nest middleware, so it runs after the body parser and
 * before guards, interceptors, the handler and the error filter, whose
 * statements all count.
 */
@Injectable()
export class QueryCountMiddleware implements NestMiddleware {
  constructor(private readonly queries: QueryMonitor) {}

  use(request: Request, response: Response, next: () => void): void {
    const tally: RequestQueryTally = { queries: 0 };
    // The path only: a query string may carry personal data.
    const label = `${request.method} ${request.originalUrl.split('?')[0]}`;
    response.once('close', () => this.queries.reportRequest(label, tally));
    this.queries.countInto(tally, next);
  }
}
