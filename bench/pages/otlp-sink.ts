import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stoppable } from '../load/teardown';

/**
 * An OTLP/HTTP receiver that reads and discards what it is sent, so the
 * traced app pays the whole export (serialising, the HTTP request, the
 * answer) but the bench spends nothing on storing spans. Answers every POST
 * with an empty JSON ExportTraceServiceResponse, as a collector that accepted
 * everything does; it counts the exports and their bytes.
 */
export class OtlpSink implements Stoppable {
  readonly name = 'OTLP receiver';
  exports = 0;
  bytes = 0;

  private readonly server: Server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (this.bytes += chunk.length));
    request.on('end', () => {
      if (request.method === 'POST') this.exports++;
      response.writeHead(request.method === 'POST' ? 200 : 405, { 'content-type': 'application/json' }).end('{}');
    });
  });

  /** The base address to set as OTEL_EXPORTER_OTLP_ENDPOINT (the exporter adds `/v1/traces`); set once listening. */
  url = '';

  private constructor() {}

  static async start(): Promise<OtlpSink> {
    const sink = new OtlpSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    sink.url = `http://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
    return sink;
  }

  stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // The exporter's keep-alive connections outlive the traced app only when it was killed.
    this.server.closeIdleConnections();
    return closed;
  }

  kill(): void {
    this.server.closeAllConnections();
    this.server.close();
  }
}
