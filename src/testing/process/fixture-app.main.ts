// The entry of one app instance in a child process (started by
// FixtureAppInstance, fixture-app-instance.ts): the whole app plus the fixture
// component, as startTestServer builds it, with the job runner running, on a
// free loopback port. Configured only through its environment, as an operator
// configures the app: DATABASE_URL, DATABASE_SCHEMA, JOBS_*. It stops on
// SIGTERM the way production's main.ts does (stopOnSignals), so a test can
// signal it as a process manager would, or kill it.
// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must hook `require` before Nest, express and pg load.
import '../../server/observability/tracing/trace-process';
import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { ComposedComponentsModule } from '../../platform/jobs/composed-components';
import { stopTracing } from '../../server/observability/tracing/start-tracing';
import { readShutdownTimeout } from '../../server/lifecycle/graceful-shutdown';
import { stopOnSignals } from '../../server/lifecycle/stop-on-signals';
import { FixtureComponentModule } from '../fixture-component/fixture-component.module';
import { FIXTURE_META } from '../fixture-component/fixture-events';
import { READY_LINE } from './fixture-app-ready-line';
import { startTestServer, type TestServer } from '../start-test-server';

async function main(): Promise<void> {
  const logger = new ConsoleLogger({ logLevels: ['log', 'warn', 'error', 'debug'], timestamp: true });
  const started: { server?: TestServer } = {};
  stopOnSignals(
    process,
    { app: () => started.server?.app, stopDatabase: () => Promise.resolve(), stopDatabaseNow: () => undefined },
    {
      timeoutMs: readShutdownTimeout(process.env),
      log: (line) => logger.log(line, 'Bootstrap'),
      warn: (line) => logger.warn(line, 'Bootstrap'),
      error: (line) => logger.error(line, undefined, 'Bootstrap'),
      exit: (code) => void stopTracing().then(() => process.exit(code)),
    },
  );
  // JOBS_CONCURRENCY=0 is an instance that runs no jobs (it still publishes), as in production.
  const jobs = process.env.JOBS_CONCURRENCY === '0' ? 'manual' : 'running';
  // Composed as startFixtureServer composes it (its meta's events and schedules), so its listeners and handlers are registered.
  const fixture = ComposedComponentsModule.for([{ meta: FIXTURE_META, module: FixtureComponentModule }]);
  const server = await startTestServer({ imports: [FixtureComponentModule, fixture] }, { logger, jobs });
  started.server = server;
  logger.log(`${READY_LINE} ${server.baseUrl}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
