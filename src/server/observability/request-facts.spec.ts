import type { Request } from 'express';
import { ComponentRouteTable } from '../components/component-route-table';
import { requestFacts } from './request-facts';

const table = new ComponentRouteTable([]);
// Express 5 routes record the methods they are bound to: a Nest handler one, a middleware mounted as a route `_all`.
const requestAt = (url: string, routePath?: string, methods: Record<string, boolean> = { get: true }) =>
  ({ originalUrl: url, url, route: routePath ? { path: routePath, methods } : undefined }) as Request;

describe('requestFacts', () => {
  it.each(['/{*path}', '{/*splat}', '/*', '*'])(
    'counts a request whose only match is a middleware catch-all (%s) as unrouted',
    (pattern) => {
      expect(requestFacts(requestAt('/no-such-page/42', pattern), table)).toEqual({ component: 'platform', route: 'unrouted' });
    },
  );

  it('reports the pattern of a matched route, never the path', () => {
    expect(requestFacts(requestAt('/demo/posts/42/delete?x=1', '/demo/posts/:id/delete'), table).route).toBe('/demo/posts/:id/delete');
  });

  it('counts a request matched only by a route bound to every method (a middleware) as unrouted', () => {
    expect(requestFacts(requestAt('/demo/posts/42', '/demo/posts/:id', { _all: true }), table).route).toBe('unrouted');
  });

  it('counts a static file under /static/*', () => {
    expect(requestFacts(requestAt('/static/app.1234.css'), table)).toEqual({ component: 'platform', route: '/static/*' });
  });
});
