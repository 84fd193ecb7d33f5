import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { MetricsRegistry } from '../../platform/observability/metrics/metrics-registry';
import type { ComponentRouteTable } from '../components/component-route-table';
import { requestFacts } from './request-facts';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Any other method (Node accepts some thirty) counts as `other`, so the label stays small. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * `http_server_request_duration_seconds{component, route, method,
 * status_class}`: one observation per answered request, when its response
 * has been handed to the connection (`finish`). Null when metrics are off:
 * then no hook is installed at all.
 *
 * A request whose client went away before the answer was complete (`close`
 * without `finish`) is not recorded: no status reached anyone, and a label
 * outside 1xx-5xx would be a class no dashboard expects. The request log
 * still has its line.
 */
export function httpMetrics(metrics: MetricsRegistry, table: ComponentRouteTable): RequestHandler | null {
  if (!metrics.enabled) return null;
  const durations = metrics.histogram('http_server_request_duration_seconds', {
    help: 'Time from receiving a request to handing over its whole response, by serving component, route pattern, method and status class',
    labelNames: ['component', 'route', 'method', 'status_class'] as const,
    buckets: BUCKETS,
  });
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const { component, route } = requestFacts(request, table);
      durations.observe(
        {
          component,
          route,
          method: METHODS.has(request.method) ? request.method : 'other',
          status_class: `${Math.floor(response.statusCode / 100)}xx`,
        },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  };
}
