import { Global, Logger, MiddlewareConsumer, Module, NestModule, Optional } from '@nestjs/common';
import { JOBS_DATABASE } from '../../platform/jobs/jobs-database';
import { MetricsRegistry } from '../../platform/observability/metrics/metrics-registry';
import { watchPoolMetrics } from './pool-metrics';
import { PrismaService } from './prisma.service';
import { QueryCountMiddleware } from './query-count.middleware';
import { QueryMetrics } from './query-metrics';
import { QueryMonitor } from './query-monitor';
import { readQueryVisibilitySettings } from './query-visibility-settings';

/** Gives every module the process's single `PrismaService`. */
@Global()
@Module({
  providers: [
    {
      provide: QueryMonitor,
      // MetricsModule is absent from database-only test modules: no metrics there.
      useFactory: (metrics?: MetricsRegistry) =>
        new QueryMonitor(readQueryVisibilitySettings(process.env), new Logger('Database'), QueryMetrics.of(metrics)),
      inject: [{ token: MetricsRegistry, optional: true }],
    },
    PrismaService,
    { provide: JOBS_DATABASE, useExisting: PrismaService },
  ],
  exports: [PrismaService, JOBS_DATABASE],
})
export class DatabaseModule implements NestModule {
  constructor(
    private readonly queries: QueryMonitor,
    prisma: PrismaService,
    @Optional() metrics?: MetricsRegistry,
  ) {
    if (metrics) watchPoolMetrics(metrics, prisma.pool);
  }

  configure(consumer: MiddlewareConsumer): void {
    // Outside production only (DATABASE_QUERY_WARN_COUNT): production pays nothing per request.
    if (this.queries.countsRequests) consumer.apply(QueryCountMiddleware).forRoutes('*');
  }
}
