import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Stoppable } from '../load/teardown';

/** A loopback port free right now, for a server that must be told its port up front (METRICS_PORT). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Fetches `url` (an app's /metrics) once a second, as Prometheus would,
 * reading the whole exposition each time, for as long as it runs. Counts the
 * scrapes and keeps the first failure, so a run whose metrics endpoint did
 * not answer cannot pass for a run with metrics on.
 */
export class MetricsScraper implements Stoppable {
  readonly name = 'metrics scraper';
  scrapes = 0;
  failures = 0;
  firstFailure: string | undefined;
  private readonly timer: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    readonly url: string,
    intervalMs = 1000,
  ) {
    this.timer = setInterval(() => {
      // One scrape at a time, as Prometheus scrapes a target: a slow answer delays the next one.
      this.inFlight = this.inFlight.then(() => this.scrape());
    }, intervalMs);
  }

  private async scrape(): Promise<void> {
    try {
      const response = await fetch(this.url, { signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      if (response.status !== 200 || !body.includes('# TYPE '))
        throw new Error(`answered ${response.status} with ${body.length} bytes and no metrics`);
      this.scrapes++;
    } catch (error) {
      this.failures++;
      this.firstFailure ??= `GET ${this.url}: ${(error as Error).message}`;
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }

  kill(): void {
    clearInterval(this.timer);
  }
}
