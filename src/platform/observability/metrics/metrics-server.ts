import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigurationError } from '../../errors/configuration.error';
import { MetricsRegistry } from './metrics-registry';

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'the port is in use; stop the other process or set METRICS_PORT to a free port',
  EACCES: 'this user may not use that port; set METRICS_PORT to 1024 or above',
  EADDRNOTAVAIL: 'this machine has no such address; set METRICS_HOST to one of its addresses, e.g. 127.0.0.1',
};

/**
 * The metrics endpoint: `GET /metrics` on a server of its own at
 * METRICS_HOST:METRICS_PORT (not the app's port, so the public side never
 * shows it), started on bootstrap (the exposition holds the process metrics). With METRICS_PORT
 * unset nothing listens and nothing is collected.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | undefined;

  constructor(private readonly metrics: MetricsRegistry) {}

  /** Where the endpoint listens once bootstrapped (the port chosen for METRICS_PORT=0); undefined when metrics are off. */
  get address(): { host: string; port: number } | undefined {
    const bound = this.server?.address() as AddressInfo | null | undefined;
    return bound ? { host: bound.address, port: bound.port } : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.metrics.settings;
    if (!this.metrics.enabled || port === undefined) return;
    const server = createServer((request, response) => void this.answer(request, response).catch(() => response.destroy()));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        const reason = (error.code && LISTEN_ERRORS[error.code]) ?? error.message;
        reject(new ConfigurationError(`cannot serve metrics on ${host}:${port} (METRICS_HOST, METRICS_PORT): ${reason}`));
      });
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const bound = this.address!;
    this.logger.log(`metrics on http://${bound.host.includes(':') ? `[${bound.host}]` : bound.host}:${bound.port}/metrics`);
  }

  /**
   * Closed before the app's connections are (their onApplicationShutdown):
   * a scrape during the stop would otherwise read the job queue on a
   * closing connection and log a spurious "cannot read the job queue".
   */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // A scraper's keep-alive connection would hold close() open until it times out.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: the metrics are at GET /metrics\n');
      return;
    }
    let body: string;
    try {
      body = await this.metrics.exposition();
    } catch (error) {
      // One metric's collect failing (a gauge reading the database, say) must not take the process down.
      const reason = error instanceof Error ? error.message : String(error);
      const line = `collecting metrics failed: ${reason.split('\n')[0]}`;
      this.logger.warn(line);
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`${line}\n`);
      return;
    }
    response.writeHead(200, { 'content-type': this.metrics.registry.contentType });
    response.end(body);
  }
}
