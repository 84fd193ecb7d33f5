import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { EmbeddedDatabase } from './database/embedded/embedded-cluster';
import { provisionEmbeddedDatabase } from './database/embedded/provision-embedded-database';
import { describeDatabase, validateDatabaseSettings } from './database/runtime/database-config';
import { ConfigurationError } from './server/configuration-error';
import { configureApp } from './server/configure-app';
import { listenAddress } from './server/listen-address';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const logger = new Logger('Bootstrap');
  // Validate settings before anything is started that would need stopping.
  const { host, port } = listenAddress(process.env);
  validateDatabaseSettings(process.env);

  // No DATABASE_URL: the zero-configuration default, a private PostgreSQL.
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await provisionEmbeddedDatabase((line) => logger.log(line)).catch((error) => {
      throw new StartupError(`cannot start the embedded PostgreSQL: ${firstLine(error)}; see docs/troubleshooting.md, or set DATABASE_URL to use your own PostgreSQL`);
    });
    process.env.DATABASE_URL = embedded.runtimeUrl;
  }

  let app: NestExpressApplication | undefined;
  try {
    app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule, { abortOnError: false }));
    await app.listen(port, host);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw new StartupError(startupFailure(error, host, port));
  }
  logger.log(`listening on http://${host}:${port}`);

  // Close the app first, then the database it was using.
  const shutdown = async (signal: string) => {
    logger.log(`${signal} received, shutting down`);
    await app!.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

class StartupError extends ConfigurationError {}

function startupFailure(error: unknown, host: string, port: number): string {
  if (error instanceof ConfigurationError) return error.message;
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return `cannot listen on ${host}:${port}: the port is in use; stop the other process or set PORT to a free port`;
  }
  return `cannot reach the database ${describeDatabase(process.env.DATABASE_URL!)}: ${lastLine(error)}; check that PostgreSQL is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded PostgreSQL`;
}

function messageLines(error: unknown): string[] {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

const firstLine = (error: unknown) => messageLines(error)[0] ?? 'unknown error';
// Prisma puts the reason last, after "Invalid `prisma.$queryRaw()` invocation:".
const lastLine = (error: unknown) => messageLines(error).at(-1) ?? 'unknown error';

main().catch((error) => {
  // One clear line for the operator; the stack only for unexpected failures.
  console.error(error instanceof ConfigurationError ? `error: ${error.message}` : error);
  process.exit(1);
});
