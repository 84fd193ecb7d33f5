import { ModuleMetadata } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppModule } from '../app.module';
import { PrismaService } from '../database/runtime/prisma.service';
import { configureApp } from '../server/configure-app';

export interface TestServer {
  app: NestExpressApplication;
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  prisma: PrismaService;
  close(): Promise<void>;
}

/**
 * The whole app, configured as in production (headers, CSRF, error pages),
 * listening on a free loopback port and using this Jest worker's schema.
 */
export async function startTestServer(extra: ModuleMetadata = {}): Promise<TestServer> {
  const moduleRef = await Test.createTestingModule({ ...extra, imports: [AppModule, ...(extra.imports ?? [])] }).compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ logger: false }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, prisma: app.get(PrismaService), close: () => app.close() };
}
