import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { JOBS_DATABASE } from '../../platform/jobs/jobs-database';
import { PrismaService } from './prisma.service';
import { QueryCountMiddleware } from './query-count.middleware';
import { QueryMonitor } from './query-monitor';
import { readQueryVisibilitySettings } from './query-visibility-settings';

/** Gives every module the process's single `PrismaService`. */
@Global()
@Module({
  providers: [
    { provide: QueryMonitor, useFactory: () => new QueryMonitor(readQueryVisibilitySettings(process.env)) },
    PrismaService,
    { provide: JOBS_DATABASE, useExisting: PrismaService },
  ],
  exports: [PrismaService, JOBS_DATABASE],
})
export class DatabaseModule implements NestModule {
  constructor(private readonly queries: QueryMonitor) {}

  configure(consumer: MiddlewareConsumer): void {
    // Outside production only (DATABASE_QUERY_WARN_COUNT): production pays nothing per request.
    if (this.queries.countsRequests) consumer.apply(QueryCountMiddleware).forRoutes('*');
  }
}
