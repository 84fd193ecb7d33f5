import { MetricsRegistry } from '../../../../platform/observability/metrics/metrics-registry';
import { MetricsServer } from '../../../../platform/observability/metrics/metrics-server';
import { PRODUCTION_SETTINGS } from '../../../../testing/environment/production-settings';
import { withEnvironment } from '../../../../testing/environment/with-environment';
import { startTestServer, type TestServer } from '../../../../testing/start-test-server';

// METRICS_PORT unset (the default, also in tests): no endpoint, no metric,
// no request or SQL hook. In production, where the query settings add no
// hook of their own either, Prisma is built without query events.

describe('the app with METRICS_PORT unset', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await withEnvironment(PRODUCTION_SETTINGS, () => startTestServer());
  });

  afterAll(() => server?.close());

  it('serves requests, listens for no scrape, creates no metric and builds Prisma without query events', async () => {
    expect((await fetch(`${server.baseUrl}/accounts/sign-in`)).status).toBe(200);

    const metrics = server.app.get(MetricsRegistry);
    expect(metrics.enabled).toBe(false);
    expect(server.app.get(MetricsServer).address).toBeUndefined();
    expect(metrics.registry.getMetricsAsArray().map((metric) => metric.name)).toEqual([]);
    expect(server.prisma.queries.needsQueryEvents).toBe(false);
  });
});
