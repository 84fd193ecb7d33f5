import { join } from 'node:path';
import { LoggerService, ModuleMetadata, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule, components, PLATFORM_MODULES } from '../app.module';
import { PrismaService } from '../database/runtime/prisma.service';
import { componentRegistry } from '../generated/component-registry';
import type { ComponentComposition } from '../server/components/component-composition';
import { routesServedBy } from '../server/components/served-routes';
import { configureApp } from '../server/configure-app';
import { closeGracefully } from '../server/lifecycle/graceful-shutdown';
import { compileComposedTestingModule, type TestJobs } from './create-component-testing-module';

export interface TestServer {
  app: NestExpressApplication;
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  prisma: PrismaService;
  /** Stops as production does on SIGTERM (closeGracefully): requests in progress finish first. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * Where the app's Nest Logger lines go (default: nowhere; the app's own pino
   * logger stays silent either way), or `app`: the app's own logger, as in
   * production (JSON lines with NODE_ENV=production, LOG_LEVEL, a line per
   * request) for an app in a child process (src/testing/process/).
   */
  logger?: LoggerService | 'app';
  /** Served under `/static/` instead of the build's `dist/static`. */
  staticDir?: string;
  /**
   * `manual` (default): no job runner; the test runs deliveries, jobs and
   * schedules with eventScenario(app). `running`: the real runner.
   */
  jobs?: TestJobs;
}

/**
 * The whole app, configured as in production (headers, CSRF, error pages),
 * listening on a free loopback port and using this Jest worker's schema.
 * Pass a `logger` to see what the app logs (default: nothing), a
 * `staticDir` to serve under `/static/` instead of the build's `dist/static`.
 */
export async function startTestServer(extra: ModuleMetadata = {}, options: TestServerOptions = {}): Promise<TestServer> {
  return startServer({ ...extra, imports: [AppModule, ...(extra.imports ?? [])] }, options);
}

/**
 * One component, the components its `dependsOn` names (and theirs), and the
 * platform; nothing else. Configured and served as startTestServer's whole
 * app. A component that needs an undeclared component's provider fails to
 * start here, naming both and the fix; a path of a component not started
 * answers 404 saying which component serves it.
 * `imports` adds test-only modules (e.g. a fixture controller).
 */
export async function startComponentTestServer(
  id: string,
  {
    imports = [],
    composition = components,
    ...options
  }: TestServerOptions & {
    imports?: ModuleMetadata['imports'];
    /** The components to choose from: this app's (default), or fixture components in the platform's own tests. */
    composition?: ComponentComposition;
  } = {},
): Promise<TestServer> {
  const started = composition.closureOf([id]);
  return startServer(
    { imports: [...PLATFORM_MODULES, ...composition.modulesFor([id]), ...imports] },
    options,
    (app) => explainPathsOfOtherComponents(app, id, started),
    composition,
  );
}

async function startServer(
  metadata: ModuleMetadata,
  { logger, staticDir, jobs }: TestServerOptions,
  beforeRoutes?: (app: NestExpressApplication) => void,
  composition: ComponentComposition = components,
): Promise<TestServer> {
  const appLogs = logger === 'app';
  const moduleRef = await compileComposedTestingModule(metadata, composition, jobs, appLogs ? 'app' : 'silent');
  const created = moduleRef.createNestApplication<NestExpressApplication>(appLogs ? { bufferLogs: true } : { logger: logger ?? false });
  if (appLogs) created.useLogger(created.get(PinoNestLogger));
  const app = configureApp(created, staticDir);
  serveSourceAssets(app);
  beforeRoutes?.(app);
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    // A startup check refused (the app's bootstrap hooks run in listen): close what did start, or its
    // connections keep the Jest worker alive after the failed test.
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    prisma: app.get(PrismaService),
    close: async () => void (await closeGracefully(app, 5000)),
  };
}

/** `/demo/posts/:id/delete` -> a pattern matching the paths Nest would route there. */
const routePattern = (path: string) => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}/?$`);

/**
 * In a component test, a request for a path another component serves (the
 * layout's link home, say) answers 404 with the reason, instead of the
 * generic page: that component was not started.
 */
function explainPathsOfOtherComponents(app: NestExpressApplication, id: string, started: readonly string[]): void {
  const others = componentRegistry.components
    .filter((meta) => !started.includes(meta.id))
    .flatMap((meta) => meta.routes.map((route) => ({ owner: meta.id, pattern: routePattern(route.path) })));
  // What the test itself serves (a stand-in page, a fixture controller) is answered as usual.
  const served = [...app.get(ModulesContainer).values()]
    .flatMap((moduleRef) => [...moduleRef.controllers.values()])
    .flatMap((wrapper) => routesServedBy(wrapper.metatype as Type))
    .map((route) => routePattern(route.path));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const other = others.find((route) => route.pattern.test(request.path));
    if (!other || served.some((pattern) => pattern.test(request.path))) return next();
    response
      .status(404)
      .type('text/plain')
      .send(
        `${request.path} is served by component ${other.owner}, which this test did not start: startComponentTestServer('${id}') starts ${started.join(', ')} and the platform; add '${other.owner}' to dependsOn in src/components/${id}/component.meta.ts if ${id} needs it\n`,
      );
  });
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
