// The metrics of the demo's pages (the platform's own endpoint specs, which run without the demo:
// src/server/test/observability/metrics/metrics-endpoint.spec.ts).
import { randomUUID } from 'node:crypto';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, signUp } from '../../../testing/http/sign-up';
import type { MetricsScrape } from '../../../testing/metrics/metrics-scrape';
import { scrapeMetrics } from '../../../testing/metrics/scrape-metrics';
import { startMetricsTestServer } from '../../../testing/metrics/start-metrics-test-server';
import type { TestServer } from '../../../testing/start-test-server';

// The whole app with METRICS_PORT=0, scraped over real HTTP as Prometheus
// would; the exposition is parsed with parse-prometheus-text-format.

const REQUESTS = 'http_server_request_duration_seconds';
const QUERIES = 'db_query_duration_seconds';

describe('the metrics of the demo pages', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startMetricsTestServer();
  });

  afterAll(() => server?.close());

  it('records request durations by serving component, route pattern, method and status class', async () => {
    const browser = new CookieClient(server.baseUrl);
    expect((await browser.get('/demo/posts')).status).toBe(200);
    const refused = await signIn(browser, { email: `nobody-${randomUUID()}@example.test`, password: 'not the password' });
    expect(refused.status).toBe(400);

    const scrape = await scrapeMetrics(server.app);

    expect(scrape.typeOf(REQUESTS)).toBe('HISTOGRAM');
    expect(scrape.histogramSeries(REQUESTS)).toEqual(
      expect.arrayContaining([
        { component: 'demo', route: '/demo/posts', method: 'GET', status_class: '2xx' },
        { component: 'accounts', route: '/accounts/sign-in', method: 'GET', status_class: '2xx' },
        { component: 'accounts', route: '/accounts/sign-in', method: 'POST', status_class: '4xx' },
      ]),
    );
    const buckets = scrape.find(`${REQUESTS}_bucket`, { component: 'demo', route: '/demo/posts', method: 'GET' });
    expect(buckets.map((bucket) => bucket.labels.le)).toEqual([
      '0.005',
      '0.01',
      '0.025',
      '0.05',
      '0.1',
      '0.25',
      '0.5',
      '1',
      '2.5',
      '5',
      '10',
      '+Inf',
    ]);
  });

  it('labels a signed-in request by the route that served it and an unknown path as unrouted, never by a middleware pattern', async () => {
    const browser = new CookieClient(server.baseUrl);
    await signUp(browser);
    const servedBefore = await scrapeMetrics(server.app);
    const countOf = (scrape: MetricsScrape) =>
      scrape.find(`${REQUESTS}_count`, { component: 'demo', route: '/demo/posts', method: 'GET', status_class: '2xx' })[0]?.value ?? 0;

    expect((await browser.get('/demo/posts')).status).toBe(200);
    expect((await browser.get(`/nowhere-${randomUUID()}`)).status).toBe(404);

    const scrape = await scrapeMetrics(server.app);
    expect(countOf(scrape)).toBe(countOf(servedBefore) + 1);
    expect(scrape.histogramSeries(REQUESTS)).toContainEqual({
      component: 'platform',
      route: 'unrouted',
      method: 'GET',
      status_class: '4xx',
    });
    expect(scrape.histogramSeries(REQUESTS).map((series) => series.route)).not.toContain('/{*path}');
  });

  it('records SQL durations by the component that ran the statement, its Prisma model and its verb', async () => {
    expect((await fetch(`${server.baseUrl}/demo/posts`)).status).toBe(200);

    const scrape = await scrapeMetrics(server.app);

    expect(scrape.typeOf(QUERIES)).toBe('HISTOGRAM');
    expect(scrape.histogramSeries(QUERIES)).toContainEqual({ component: 'demo', model: 'DemoPost', action: 'select' });
    const [count] = scrape.find(`${QUERIES}_count`, { component: 'demo', model: 'DemoPost', action: 'select' });
    expect(count.value).toBeGreaterThan(0);
  });

  it("counts a signed-in request's session lookup under accounts (its middleware) and the page's SQL under the route's component", async () => {
    const browser = new CookieClient(server.baseUrl);
    await signUp(browser);
    const before = await scrapeMetrics(server.app);
    const countOf = (scrape: MetricsScrape, labels: Record<string, string>) =>
      scrape.find(`${QUERIES}_count`, labels).reduce((sum, sample) => sum + sample.value, 0);

    expect((await browser.get('/demo/posts')).status).toBe(200);

    const after = await scrapeMetrics(server.app);
    const lookup = { component: 'accounts', model: 'AccountsSession', action: 'select' };
    const list = { component: 'demo', model: 'DemoPost', action: 'select' };
    expect(countOf(after, lookup)).toBeGreaterThan(countOf(before, lookup));
    expect(countOf(after, list)).toBeGreaterThan(countOf(before, list));
    // Neither the lookup under platform, nor the page's list under accounts (the middleware hands on outside its scope).
    const platformAccounts = after
      .histogramSeries(QUERIES, { component: 'platform' })
      .filter((series) => series.model.startsWith('Accounts'));
    expect(platformAccounts).toEqual([]);
    expect(after.histogramSeries(QUERIES, { component: 'accounts', model: 'DemoPost' })).toEqual([]);
  });

  it('keeps the number of request and SQL series flat while ids, unknown paths and query strings vary', async () => {
    const round = async (ids: number[]) => {
      for (const id of ids) {
        await fetch(`${server.baseUrl}/demo/posts/${id}`);
        await fetch(`${server.baseUrl}/demo/posts/${id}/delete`, { redirect: 'manual' });
        await fetch(`${server.baseUrl}/nowhere-${randomUUID()}`);
        await fetch(`${server.baseUrl}/demo/posts?page=${id}&q=${randomUUID()}`);
        await fetch(`${server.baseUrl}/static/missing-${randomUUID()}.css`);
      }
      const scrape = await scrapeMetrics(server.app);
      return scrape.samples.filter((sample) => sample.name.startsWith('http_server_') || sample.name.startsWith('db_')).length;
    };

    const afterFirst = await round([1, 2, 3, 4, 5, 6, 7, 8]);
    const afterSecond = await round([101, 202, 303, 404, 505, 606, 707, 808]);

    expect(afterSecond).toBe(afterFirst);
  });
});
