// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must hook `require` before Nest, express and pg load.
import './server/observability/tracing/trace-app';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, components } from './app.module';
import { APP_CLUSTER_ROOT } from './database/embedded/app-cluster-root';
import { EmbeddedDatabase } from './database/embedded/embedded-cluster';
import { provisionEmbeddedDatabase } from './database/provisioning/provision-embedded-database';
import { startFailureReason } from './database/provisioning/start-failure-reason';
import { noticeUnmigratedSchema } from './database/provisioning/unmigrated-schema-notice';
import { validateDatabaseSettings } from './database/runtime/database-config';
import { recordEmbeddedDatabase } from './database/runtime/database-origin';
import { componentSeeds } from './generated/component-seeds';
import { ConfigurationError } from './platform/errors/configuration.error';
import { readJobsConfig } from './platform/jobs/jobs-config';
import { readMailSettings } from './platform/mail/mail-settings';
import { readMetricsSettings } from './platform/observability/metrics/metrics-settings';
import { checkVendorPatches } from './platform/vendor-patches/vendor-patch-check';
import { bindHttpServer } from './server/bind-http-server';
import { configureApp } from './server/configure-app';
import { readShutdownTimeout } from './server/lifecycle/graceful-shutdown';
import { stopOnSignals } from './server/lifecycle/stop-on-signals';
import { listenAddress } from './server/listen-address';
import { httpBodyLimits } from './server/request-input/http-body-limits';
import { describeStartupFailure } from './server/startup-failure';
import { stopTracing } from './server/observability/tracing/start-tracing';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const logger = new Logger('Bootstrap');
  // The runtime's patches of Prisma internals (src/platform/vendor-patches/)
  // fit only the versions they were written for: say so before anything starts.
  checkVendorPatches('runtime');
  // Validate settings before anything is started that would need stopping.
  const { host, port } = listenAddress(process.env);
  validateDatabaseSettings(process.env);
  readJobsConfig(process.env);
  httpBodyLimits(process.env);
  readMailSettings(process.env);
  readMetricsSettings(process.env);
  const shutdownTimeoutMs = readShutdownTimeout(process.env);

  let app: NestExpressApplication | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let provisioning: Promise<EmbeddedDatabase | undefined> = Promise.resolve(undefined);
  // The schema comparison runs after the server listens (see below); a stop
  // waits for it, so its Prisma CLI never loses the database halfway.
  let schemaNotice: Promise<void> = Promise.resolve();
  // Installed before provisioning, so Ctrl-C during a first start (initdb,
  // migrations) still stops the database. The app closes first, then the
  // database it was using; a signal during a first start lets provisioning
  // finish, then stops what it started rather than leave a server behind.
  const stopping = stopOnSignals(
    process,
    {
      app: () => app,
      stopDatabase: async () => {
        await schemaNotice;
        await (embedded ?? (await provisioning.catch(() => undefined)))?.stop();
      },
      stopDatabaseNow: () => embedded?.stopSync(),
    },
    {
      timeoutMs: shutdownTimeoutMs,
      log: (line) => logger.log(line),
      warn: (line) => logger.warn(line),
      error: (line) => console.error(line),
      // The spans still buffered are exported first (bounded: TRACING_SHUTDOWN_BOUND_MS).
      exit: (code) => void stopTracing().then(() => process.exit(code)),
    },
  );

  // No DATABASE_URL: the zero-configuration default, a private PostgreSQL.
  if (!process.env.DATABASE_URL) {
    const started = provisionEmbeddedDatabase((line) => logger.log(line), {
      warn: (line) => logger.warn(line),
      seeds: () => componentSeeds,
      compareSchema: false,
    });
    provisioning = started;
    embedded = await started.catch((error) => {
      // A migration drift (or another setting) is already one clear line.
      if (error instanceof ConfigurationError) throw error;
      throw new ConfigurationError(
        `cannot start the embedded PostgreSQL: ${startFailureReason(error)}; see docs/troubleshooting.md, or set DATABASE_URL to use your own PostgreSQL`,
      );
    });
    process.env.DATABASE_URL = embedded.runtimeUrl;
    recordEmbeddedDatabase(APP_CLUSTER_ROOT);
  }

  try {
    // A component that needs an undeclared component's provider: one line naming both and the fix.
    const created = await NestFactory.create<NestExpressApplication>(AppModule, { abortOnError: false }).catch((error: unknown) => {
      throw components.explainBootFailure(error);
    });
    app = configureApp(created);
    await bindHttpServer(app, port, host);
  } catch (error) {
    // A signal during startup: its stop closes the app and the database and exits; no failure to report.
    if (stopping()) return;
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    const line = describeStartupFailure(error, { host, port, embedded: embedded !== undefined });
    throw line ? new ConfigurationError(line) : error;
  }
  logger.log(`listening on http://${host}:${port}`);
  // Only a warning hangs on it, so it does not hold up the first request. A
  // stop waits for it; Ctrl-C in the terminal also ends its Prisma CLI, and
  // that failure is not worth a line.
  if (embedded) schemaNotice = noticeUnmigratedSchema(embedded.ownerUrl, (line) => stopping() || logger.warn(line));
}

main().catch((error) => {
  // One clear line for the operator; the stack only for unexpected failures.
  console.error(error instanceof ConfigurationError ? `error: ${error.message}` : error);
  process.exit(1);
});
