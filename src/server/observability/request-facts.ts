import type { Request } from 'express';
import { PLATFORM_COMPONENT } from '../../platform/observability/component-scope';
import type { ComponentRouteTable } from '../components/component-route-table';

/** What logs, metrics and spans say about a request: bounded values, never the path's own ids or its query. */
export interface RequestFacts {
  /** The component whose route matched, or `platform`. */
  component: string;
  /** The route pattern (`/demo/posts/:id`), `/static/*`, or `unrouted` (no route matched, or refused before routing). */
  route: string;
}

export const UNROUTED = 'unrouted';
export const STATIC_ROUTE = '/static/*';

const FACTS = Symbol('requestFacts');
type WithFacts = Request & { [FACTS]?: RequestFacts };

/**
 * The request's facts, read from the route Express matched (`req.route`
 * stays set after the handler). Kept on the request once a route matched,
 * so the log line, the metric and the span agree at no extra cost.
 *
 * Only a handler's route counts: Nest binds a controller method for one
 * HTTP method, but a middleware bound with `forRoutes('{*path}')` (the
 * accounts' session lookup) for all of them, and Express sets `req.route`
 * for that one too, before routing, and leaves it set when no handler
 * matches. Taken as the request's route, a signed-in request would be
 * labelled (and cached) `/{*path}` of the platform.
 */
export function requestFacts(request: Request, table: ComponentRouteTable): RequestFacts {
  const known = (request as WithFacts)[FACTS];
  if (known) return known;
  const route = request.route as { path?: unknown; methods?: Record<string, boolean> } | undefined;
  const pattern = route?.path;
  if (typeof pattern === 'string' && Object.keys(route?.methods ?? {}).length === 1) {
    const facts = { component: table.componentOf(pattern), route: pattern };
    (request as WithFacts)[FACTS] = facts;
    return facts;
  }
  const path = request.originalUrl ?? request.url ?? '';
  return { component: PLATFORM_COMPONENT, route: path.startsWith('/static/') ? STATIC_ROUTE : UNROUTED };
}
