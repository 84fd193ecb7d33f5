import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { MetricsRegistry } from '../../../../platform/observability/metrics/metrics-registry';
import { MetricsServer } from '../../../../platform/observability/metrics/metrics-server';
import { CookieClient } from '../../../../testing/http/cookie-client';
import { CapturedLogger } from '../../../../testing/logging/captured-logger';
import { signIn } from '../../../../testing/http/sign-up';
import { metricsUrlOf, scrapeMetrics } from '../../../../testing/metrics/scrape-metrics';
import { startMetricsTestServer } from '../../../../testing/metrics/start-metrics-test-server';
import type { TestServer } from '../../../../testing/start-test-server';

// The whole app with METRICS_PORT=0, scraped over real HTTP as Prometheus
// would; the exposition is parsed with parse-prometheus-text-format.

const REQUESTS = 'http_server_request_duration_seconds';

describe('the metrics endpoint', () => {
  let server: TestServer;
  const logger = new CapturedLogger();

  beforeAll(async () => {
    server = await startMetricsTestServer({}, { logger });
  });

  afterAll(() => server?.close());

  it('serves a valid Prometheus exposition holding the process metrics', async () => {
    const response = await fetch(metricsUrlOf(server.app));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const scrape = await scrapeMetrics(server.app);
    expect(scrape.typeOf('process_cpu_user_seconds_total')).toBe('COUNTER');
    expect(scrape.typeOf('process_resident_memory_bytes')).toBe('GAUGE');
    expect(scrape.typeOf('nodejs_eventloop_lag_seconds')).toBe('GAUGE');
    // What `promtool check metrics` refuses (it runs in .ci/check-metrics.sh, not here).
    const misnamed = scrape.families.filter((family) => family.type !== 'COUNTER' && family.name.endsWith('_total'));
    expect(misnamed.map((family) => family.name)).toEqual([]);
  });

  it('answers 404 to any other path or method', async () => {
    const base = metricsUrlOf(server.app).replace(/\/metrics$/, '');

    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics/extra`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('listens on 127.0.0.1 when METRICS_HOST is not set, and logs that address once', () => {
    const address = server.app.get(MetricsServer).address;

    expect(address?.host).toBe('127.0.0.1');
    expect(logger.lines.filter((line) => line.text.includes('/metrics'))).toEqual([
      { level: 'log', text: `metrics on http://127.0.0.1:${address?.port}/metrics Metrics` },
    ]);
  });

  it('reports the database pool: connections in use and idle, waiting clients and its size', async () => {
    const scrape = await scrapeMetrics(server.app);

    expect(scrape.find('db_pool_connections').map((sample) => sample.labels.state)).toEqual(['in_use', 'idle']);
    expect(scrape.find('db_pool_connections', { state: 'idle' })[0].value).toBeGreaterThan(0);
    expect(scrape.find('db_pool_waiting_clients')).toEqual([{ name: 'db_pool_waiting_clients', labels: {}, value: 0 }]);
    expect(scrape.find('db_pool_max_connections')[0].value).toBe(server.prisma.config.poolSize);
  });

  it('records request durations by the serving component, route pattern, method and status class', async () => {
    const browser = new CookieClient(server.baseUrl);
    expect((await browser.get('/accounts/sign-in')).status).toBe(200);
    const refused = await signIn(browser, { email: `nobody-${randomUUID()}@example.test`, password: 'not the password' });
    expect(refused.status).toBe(400);

    const scrape = await scrapeMetrics(server.app);
    const series = scrape.histogramSeries(REQUESTS);
    expect(series).toContainEqual({ component: 'accounts', route: '/accounts/sign-in', method: 'GET', status_class: '2xx' });
    expect(series).toContainEqual({ component: 'accounts', route: '/accounts/sign-in', method: 'POST', status_class: '4xx' });
  });

  it('keeps the number of request series flat while unknown paths, static files and query strings vary', async () => {
    const round = async () => {
      for (let i = 0; i < 8; i++) {
        await fetch(`${server.baseUrl}/nowhere-${randomUUID()}`);
        await fetch(`${server.baseUrl}/accounts/sign-in?next=%2F${randomUUID()}`);
        await fetch(`${server.baseUrl}/static/missing-${randomUUID()}.css`);
      }
      const scrape = await scrapeMetrics(server.app);
      return scrape.samples.filter((sample) => sample.name.startsWith('http_server_')).length;
    };

    const afterFirst = await round();
    const afterSecond = await round();

    expect(afterSecond).toBe(afterFirst);
  });

  it('answers 500 with one line when a metric fails to collect, and serves again once it no longer fails', async () => {
    const metrics = server.app.get(MetricsRegistry);
    metrics.gauge('test_failing_gauge', {
      help: 'fails on purpose',
      collect() {
        throw new Error('the queue could not be read\nsecond line');
      },
    });

    const failed = await fetch(metricsUrlOf(server.app));
    metrics.registry.removeSingleMetric('test_failing_gauge');

    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('collecting metrics failed: the queue could not be read\n');
    expect(logger.lines.filter((line) => line.level === 'warn').map((line) => line.text)).toContain(
      'collecting metrics failed: the queue could not be read Metrics',
    );
    expect((await fetch(metricsUrlOf(server.app))).status).toBe(200);
  });
});

describe('the metrics endpoint on a port in use', () => {
  let occupier: Server;

  beforeAll(async () => {
    occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => occupier.close(() => resolve())));

  it('refuses to start the app, naming METRICS_PORT and the fix', async () => {
    const port = (occupier.address() as { port: number }).port;

    await expect(startMetricsTestServer({}, {}, { METRICS_PORT: String(port) })).rejects.toThrow(
      `cannot serve metrics on 127.0.0.1:${port} (METRICS_HOST, METRICS_PORT): the port is in use; stop the other process or set METRICS_PORT to a free port`,
    );
  });
});
