import { MetricsRegistry } from '../../../../platform/observability/metrics/metrics-registry';
import { MetricsServer } from '../../../../platform/observability/metrics/metrics-server';
import { startTestServer, type TestServer } from '../../../../testing/start-test-server';

// METRICS_PORT unset (the default, also in tests): no endpoint, no process
// metrics, no request or SQL hook.

/** Listening TCP servers of this process. */
const listeningServers = () => process.getActiveResourcesInfo().filter((type) => type === 'TCPServerWrap').length;

describe('the app with METRICS_PORT unset', () => {
  let server: TestServer;
  let listeningBefore: number;

  beforeAll(async () => {
    listeningBefore = listeningServers();
    server = await startTestServer();
  });

  afterAll(() => server?.close());

  it('opens no port but its own and records nothing', async () => {
    expect((await fetch(`${server.baseUrl}/demo/posts`)).status).toBe(200);

    const metrics = server.app.get(MetricsRegistry);
    expect(metrics.enabled).toBe(false);
    expect(server.app.get(MetricsServer).address).toBeUndefined();
    expect(listeningServers()).toBe(listeningBefore + 1);
    const names = metrics.registry.getMetricsAsArray().map((metric) => metric.name);
    expect(names.filter((name) => /^(http_server_|db_|process_|nodejs_)/.test(name))).toEqual([]);
  });
});
