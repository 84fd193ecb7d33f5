import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { QueryCountMiddleware } from './query-count.middleware';

/** Gives every module the process's single `PrismaService`. */
@Global()
@Module({
  providers: [PrismaService],
  exports: [PrismaService],
})
export class DatabaseModule implements NestModule {
  constructor(private readonly prisma: PrismaService) {}

  configure(consumer: MiddlewareConsumer): void {
    // Outside production only (DATABASE_QUERY_WARN_COUNT): production pays nothing per request.
    if (this.prisma.queries.countsRequests) consumer.apply(QueryCountMiddleware).forRoutes('*');
  }
}
