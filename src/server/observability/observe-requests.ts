import type { NextFunction, Request, Response } from 'express';
import { inComponentScope } from '../../platform/observability/component-scope';
import type { ComponentRouteTable } from '../components/component-route-table';
import { requestFacts } from './request-facts';

/**
 * Runs the rest of each request in its component's scope
 * (src/platform/observability/component-scope.ts), resolved from the matched
 * route when first asked: SQL metrics and log lines of the request name the
 * component that served it.
 */
export function observeRequests(table: ComponentRouteTable) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    inComponentScope({ resolve: () => requestFacts(request, table).component }, next);
  };
}
