import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { DatabaseConfig, describeDatabase, readDatabaseConfig } from './database-config';
import { DatabaseUnreachableError } from './database-unreachable.error';

/**
 * The one Prisma Client of the process, over `@prisma/adapter-pg`, holding every
 * component's models. Inject it anywhere: `DatabaseModule` is global.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrismaService.name);
  readonly config: DatabaseConfig;

  constructor() {
    const config = readDatabaseConfig();
    super({
      adapter: new PrismaPg(
        {
          connectionString: config.url,
          max: config.poolSize,
          connectionTimeoutMillis: config.connectTimeoutMs,
          // Unqualified names in raw SQL resolve in the configured schema
          // first; extensions installed in `public` stay reachable.
          options: `-c search_path=${config.schema},public`,
        },
        { schema: config.schema },
      ),
    });
    this.config = config;
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.$connect();
      // With a driver adapter $connect does not open a connection; a query does,
      // so an unreachable database fails here, at startup, not on first request.
      await this.$queryRaw`SELECT 1`;
    } catch (error) {
      // Prisma puts the reason last, after "Invalid `prisma.$queryRaw()` invocation:".
      const reason = (error as Error).message.split('\n').map((line) => line.trim()).filter(Boolean).at(-1);
      throw new DatabaseUnreachableError(`cannot reach the database ${describeDatabase(this.config.url)}: ${reason}`);
    }
    const message = `connected to ${describeDatabase(this.config.url)} on schema ${this.config.schema}`;
    // Every test module connects; keep test output for the tests.
    if (process.env.JEST_WORKER_ID) this.logger.debug(message);
    else this.logger.log(message);
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
