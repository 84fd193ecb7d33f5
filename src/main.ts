import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { EmbeddedDatabase } from './database/embedded/embedded-cluster';
import { provisionEmbeddedDatabase } from './database/provisioning/provision-embedded-database';
import { validateDatabaseSettings } from './database/runtime/database-config';
import { componentSeeds } from './generated/component-seeds';
import { ConfigurationError } from './platform/errors/configuration.error';
import { bindHttpServer } from './server/bind-http-server';
import { configureApp } from './server/configure-app';
import { closeGracefully, readShutdownTimeout } from './server/lifecycle/graceful-shutdown';
import { listenAddress } from './server/listen-address';
import { httpBodyLimits } from './server/request-input/http-body-limits';
import { describeStartupFailure } from './server/startup-failure';

/** Beyond SHUTDOWN_TIMEOUT_MS: time for the shutdown hooks and the embedded database to stop. */
const HARD_EXIT_GRACE_MS = 10_000;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const logger = new Logger('Bootstrap');
  // Validate settings before anything is started that would need stopping.
  const { host, port } = listenAddress(process.env);
  validateDatabaseSettings(process.env);
  httpBodyLimits(process.env);
  const shutdownTimeoutMs = readShutdownTimeout(process.env);

  let app: NestExpressApplication | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let provisioning: Promise<EmbeddedDatabase | undefined> = Promise.resolve(undefined);
  // Installed before provisioning, so Ctrl-C during a first start (initdb,
  // migrations) still stops the database. The app closes first, then the
  // database it was using.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing the requests in progress (at most ${shutdownTimeoutMs} ms), then stopping`);
    // Whatever hangs (a hook, the database's stop), the process ends.
    const hardExit = setTimeout(() => {
      console.error(`error: still stopping ${shutdownTimeoutMs + HARD_EXIT_GRACE_MS} ms after ${signal}; exiting now`);
      embedded?.stopSync();
      process.exit(1);
    }, shutdownTimeoutMs + HARD_EXIT_GRACE_MS);
    hardExit.unref();
    let exitCode = 0;
    try {
      if (app) {
        const { cut } = await closeGracefully(app, shutdownTimeoutMs);
        if (cut > 0) logger.warn(`${cut} request(s) still running after SHUTDOWN_TIMEOUT_MS=${shutdownTimeoutMs} were cut off`);
      }
    } catch (error) {
      exitCode = 1;
      logger.error(`stopping the app failed: ${(error as Error).message}`);
    } finally {
      // A signal during a first start: let provisioning finish, then stop
      // what it started rather than leave a server behind.
      await (embedded ?? (await provisioning.catch(() => undefined)))?.stop();
      logger.log('stopped');
      process.exit(exitCode);
    }
  };
  // `on`, not `once`: Ctrl-C under `npm start` arrives twice (the terminal's
  // and npm's forwarded copy), and an unhandled second one would kill the
  // process halfway through stopping the database.
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));

  // No DATABASE_URL: the zero-configuration default, a private PostgreSQL.
  if (!process.env.DATABASE_URL) {
    const started = provisionEmbeddedDatabase((line) => logger.log(line), {
      warn: (line) => logger.warn(line),
      seeds: () => componentSeeds,
    });
    provisioning = started;
    embedded = await started.catch((error) => {
      // A migration drift (or another setting) is already one clear line.
      if (error instanceof ConfigurationError) throw error;
      throw new ConfigurationError(
        `cannot start the embedded PostgreSQL: ${(error as Error).message.split('\n')[0]}; see docs/troubleshooting.md, or set DATABASE_URL to use your own PostgreSQL`,
      );
    });
    process.env.DATABASE_URL = embedded.runtimeUrl;
  }

  try {
    app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, { abortOnError: false }));
    await bindHttpServer(app, port, host);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    const line = describeStartupFailure(error, { host, port, embedded: embedded !== undefined });
    throw line ? new ConfigurationError(line) : error;
  }
  logger.log(`listening on http://${host}:${port}`);
}

main().catch((error) => {
  // One clear line for the operator; the stack only for unexpected failures.
  console.error(error instanceof ConfigurationError ? `error: ${error.message}` : error);
  process.exit(1);
});
