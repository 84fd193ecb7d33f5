import type { NextFunction, Request, Response } from 'express';
import { pageLocals } from '../../platform/http/page-locals';
import { inComponentScope } from '../../platform/observability/component-scope';
import type { ComponentRouteTable } from '../components/component-route-table';
import { requestFacts } from './request-facts';

/**
 * Runs the rest of each request in its component's scope
 * (src/platform/observability/component-scope.ts), resolved from the matched
 * route when first asked: SQL metrics and log lines of the request name the
 * component that served it. The scope carries the request's id too, for
 * the `reqId` of its log lines (app-logger.ts): one store per request serves
 * metrics, logs and the middleware scopes alike.
 */
export function observeRequests(table: ComponentRouteTable) {
  return (request: Request, response: Response, next: NextFunction): void => {
    inComponentScope({ resolve: () => requestFacts(request, table).component, requestId: pageLocals(response).requestId }, next);
  };
}
