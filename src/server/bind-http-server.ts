import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Initialises the app and binds its HTTP server to `host:port`; rejects with
 * the listen error (EADDRINUSE, EACCES, EADDRNOTAVAIL). Not `app.listen()`:
 * that logs the raw error itself ("ERROR [NestApplication] Error: listen
 * EADDRINUSE …") before rejecting, ahead of the one clear line main.ts prints.
 * What listen() does on success is done here too (HttpAdapterHost's
 * `listening`, flushing buffered logs); only `app.getUrl()` stays unavailable.
 */
export async function bindHttpServer(app: INestApplication, port: number, host: string): Promise<void> {
  await app.init();
  const server = app.getHttpServer() as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  app.get(HttpAdapterHost).listening = true;
  app.flushLogs();
}
