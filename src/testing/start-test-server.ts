import { join } from 'node:path';
import { LoggerService, ModuleMetadata } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from '../app.module';
import { PrismaService } from '../database/runtime/prisma.service';
import { configureApp } from '../server/configure-app';
import { closeGracefully } from '../server/lifecycle/graceful-shutdown';

export interface TestServer {
  app: NestExpressApplication;
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  prisma: PrismaService;
  /** Stops as production does on SIGTERM (closeGracefully): requests in progress finish first. */
  close(): Promise<void>;
}

/**
 * The whole app, configured as in production (headers, CSRF, error pages),
 * listening on a free loopback port and using this Jest worker's schema.
 * Pass a `logger` to see what the app logs (default: nothing), a
 * `staticDir` to serve under `/static/` instead of the build's `dist/static`.
 */
export async function startTestServer(
  extra: ModuleMetadata = {},
  { logger, staticDir }: { logger?: LoggerService; staticDir?: string } = {},
): Promise<TestServer> {
  const moduleRef = await Test.createTestingModule({ ...extra, imports: [AppModule, ...(extra.imports ?? [])] }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ logger: logger ?? false }), staticDir);
  serveSourceAssets(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    prisma: app.get(PrismaService),
    close: async () => void (await closeGracefully(app, 5000)),
  };
}

const ASSET_FILE = /^\/src\/[\w./-]+\.(css|png|svg|jpe?g|gif|webp)$/;

/**
 * Under Jest an imported asset's URL is `/static/__source__/<path in the
 * repository>` (src/testing/jest/asset-url.transform.js): serve exactly those
 * files, so a test browser renders pages with their real stylesheets. Only
 * asset files under src/, nothing else of the working tree.
 */
function serveSourceAssets(app: NestExpressApplication): void {
  const root = join(__dirname, '..', '..');
  app.use('/static/__source__', (request: Request, response: Response, next: NextFunction) => {
    if (ASSET_FILE.test(request.path) && !request.path.includes('..')) next();
    else response.status(404).end();
  });
  app.useStaticAssets(root, { prefix: '/static/__source__/', index: false, fallthrough: false });
}
