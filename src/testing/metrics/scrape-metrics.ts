import type { INestApplication } from '@nestjs/common';
import { MetricsServer } from '../../platform/observability/metrics/metrics-server';
import { TestSetupError } from '../errors/test-setup.error';
import { MetricsScrape } from './metrics-scrape';

/** `http://127.0.0.1:<port>/metrics` of an app started with METRICS_PORT (0 in tests: the port it chose). */
export function metricsUrlOf(app: INestApplication): string {
  const address = app.get(MetricsServer).address;
  if (!address) {
    throw new TestSetupError(
      'this app serves no metrics: start it with METRICS_PORT set, e.g. startMetricsTestServer() (src/testing/metrics/start-metrics-test-server.ts)',
    );
  }
  return `http://${address.host}:${address.port}/metrics`;
}

/** GETs the app's metrics endpoint; fails with the status and body unless it answers 200, else parses the exposition. */
export async function scrapeMetrics(app: INestApplication): Promise<MetricsScrape> {
  const response = await fetch(metricsUrlOf(app));
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${metricsUrlOf(app)} answered ${response.status}: ${text}`);
  return new MetricsScrape(text);
}
