import { IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import type { Request } from 'express';
import { COMPONENT_ATTRIBUTE } from '../../../platform/observability/tracing/work-spans';
import { ComponentRouteTable } from '../../components/component-route-table';
import { requestFacts, UNROUTED } from '../request-facts';

let routeTable = new ComponentRouteTable([]);

/**
 * The composed components' routes, known once Nest has started (configureApp
 * hands them over): tracing starts before Nest is even loaded, so the span
 * hook reads them from here. Until then every request is the platform's.
 */
export function traceRoutesOf(table: ComponentRouteTable): void {
  routeTable = table;
}

/**
 * instrumentation-http's applyCustomAttributesOnSpan, called when the
 * response ends (the route has matched by then): the server span gets the
 * component and the route pattern (requestFacts, the same values as the
 * request's log line and metric) and is named `GET /demo/posts/:id`.
 * Outgoing requests (ClientRequest) are left as they are.
 */
export function addRequestFacts(span: Span, request: unknown): void {
  if (!(request instanceof IncomingMessage)) return;
  const facts = requestFacts(request as Request, routeTable);
  span.setAttribute(COMPONENT_ATTRIBUTE, facts.component);
  span.setAttribute('http.route', facts.route);
  if (facts.route !== UNROUTED) span.updateName(`${request.method ?? 'GET'} ${facts.route}`);
}
