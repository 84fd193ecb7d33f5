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
import { Logger } from '@nestjs/common';
import { ComposedComponentsModule } from '../../platform/jobs/composed-components';
import { stopTracing } from '../../server/observability/tracing/start-tracing';
import { readShutdownTimeout } from '../../server/lifecycle/graceful-shutdown';
import { stopOnSignals } from '../../server/lifecycle/stop-on-signals';
import { createAppLogger } from '../../server/observability/logging/app-logger';
import { readLogSettings } from '../../server/observability/logging/log-settings';
import { nestLoggerOver } from '../../server/observability/logging/nest-logger';
import { ConfigurationError } from '../../platform/errors/configuration.error';
import { FixtureComponentModule } from '../fixture-component/fixture-component.module';
import { FIXTURE_META } from '../fixture-component/fixture-events';
import { READY_LINE } from './fixture-app-ready-line';
import { startTestServer, type TestServer } from '../start-test-server';

async function main(): Promise<void> {
  // The app's own logger, as main.ts sets it up (NODE_ENV, LOG_LEVEL): every line is a pino line.
  const settings = readLogSettings(process.env);
  Logger.overrideLogger(nestLoggerOver(createAppLogger(settings)));
  const logger = new Logger('Bootstrap');
  // The line the parent waits for, written at any LOG_LEVEL (a test of LOG_LEVEL=warn must know the instance is up too).
  const readiness = createAppLogger({ ...settings, level: 'info' });
  const started: { server?: TestServer } = {};
  stopOnSignals(
    process,
    { app: () => started.server?.app, stopDatabase: () => Promise.resolve(), stopDatabaseNow: () => undefined },
    {
      timeoutMs: readShutdownTimeout(process.env),
      log: (line) => logger.log(line),
      warn: (line) => logger.warn(line),
      error: (line) => logger.error(line),
      exit: (code) => void stopTracing().then(() => process.exit(code)),
    },
  );
  // JOBS_CONCURRENCY=0 is an instance that runs no jobs (it still publishes), as in production.
  const jobs = process.env.JOBS_CONCURRENCY === '0' ? 'manual' : 'running';
  // Composed as startFixtureServer composes it (its meta's events and schedules), so its listeners and handlers are registered.
  const fixture = ComposedComponentsModule.for([{ meta: FIXTURE_META, module: FixtureComponentModule }]);
  const server = await startTestServer({ imports: [FixtureComponentModule, fixture] }, { logger: 'app', jobs });
  started.server = server;
  readiness.info({ context: 'Bootstrap' }, `${READY_LINE} ${server.baseUrl}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? `error: ${error.message}` : error);
  process.exit(1);
});
