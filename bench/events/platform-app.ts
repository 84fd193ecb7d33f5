import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PLATFORM_MODULES } from '../../src/app.module';
import { PrismaService } from '../../src/database/runtime/prisma.service';
import { ComposedComponentsModule } from '../../src/platform/jobs/composed-components';
import { JOBS_CONFIG, type JobsConfig } from '../../src/platform/jobs/jobs-config';
import { queueSchemaFor } from '../../src/platform/jobs/queue-schema';
import { EventPublisher, type EventType } from '../../src/surface';
import { WRITE_TABLE } from './platform-figures';
import { BENCH_COMPONENT_META, BenchEventsComponentModule, type Ping } from './bench-events-component';

/**
 * The platform as an app runs it, in this process: the platform modules
 * (database, jobs and its runner with JOBS_CONCURRENCY's default) and the
 * bench's component, on the runtime role's DATABASE_URL. No HTTP server:
 * a publish is measured as the transaction a request would run.
 */
export class PlatformApp {
  private constructor(
    private readonly app: INestApplication,
    readonly prisma: PrismaService,
    readonly publisher: EventPublisher,
    /** The runner's JOBS_CONCURRENCY. */
    readonly concurrency: number,
  ) {}

  /** `concurrency`: JOBS_CONCURRENCY (default: unset, the platform's default; 0: no runner). */
  static async start(runtimeUrl: string, { concurrency }: { concurrency?: number } = {}): Promise<PlatformApp> {
    Object.assign(process.env, {
      DATABASE_URL: runtimeUrl,
      DATABASE_SCHEMA: '',
      NODE_ENV: 'production',
      CSRF_SECRET: randomBytes(48).toString('base64url'),
      // Required with NODE_ENV=production (src/platform/mail/mail-settings.ts). A dummy: this benchmark sends no
      // mail and nothing listens at this address.
      SMTP_URL: 'smtp://127.0.0.1:2525',
      APP_URL: 'http://127.0.0.1:3000',
    });
    if (concurrency === undefined) delete process.env.JOBS_CONCURRENCY;
    else process.env.JOBS_CONCURRENCY = String(concurrency);
    delete process.env.JOBS_DATABASE_URL;
    const app = await NestFactory.create(
      {
        module: class BenchEventsAppModule {},
        imports: [
          ...PLATFORM_MODULES,
          BenchEventsComponentModule,
          ComposedComponentsModule.for([{ meta: BENCH_COMPONENT_META, module: BenchEventsComponentModule }]),
        ],
      },
      { logger: ['error', 'warn'] },
    );
    app.enableShutdownHooks();
    await app.init();
    return new PlatformApp(app, app.get(PrismaService), app.get(EventPublisher), app.get<JobsConfig>(JOBS_CONFIG).concurrency);
  }

  /** One event in a transaction of its own; resolves once committed. */
  async publish(type: EventType<Ping>, seq: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.publisher.publish(tx, type, { seq });
    });
  }

  /** The same write, alone, with one more statement (`SELECT 1`) or with one publish of an event type in its transaction. */
  async write(seq: number, extra?: EventType<Ping> | 'statement'): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO ${WRITE_TABLE} (seq) VALUES ($1)`, seq);
      if (extra === 'statement') await tx.$executeRawUnsafe('SELECT 1');
      else if (extra) await this.publisher.publish(tx, extra, { seq });
    });
  }

  /** Deliveries published while no runner ran, so a later runner does not spend the measurements on them. */
  async deleteQueuedJobs(): Promise<void> {
    await this.prisma.$executeRawUnsafe(`DELETE FROM ${queueSchemaFor('public')}._private_jobs`);
    await this.prisma.$executeRawUnsafe(`DELETE FROM ${queueSchemaFor('public')}.event_outbox`);
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
