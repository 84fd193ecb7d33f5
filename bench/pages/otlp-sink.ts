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

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<OtlpSink> {
    let sink: OtlpSink | undefined;
    const server = createServer((request, response) => {
      request.on('data', (chunk: Buffer) => {
        if (sink) sink.bytes += chunk.length;
      });
      request.on('end', () => {
        if (sink && request.method === 'POST') sink.exports++;
        response.writeHead(request.method === 'POST' ? 200 : 405, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    sink = new OtlpSink(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return sink;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  kill(): void {
    this.server.closeAllConnections();
    this.server.close();
  }
}
