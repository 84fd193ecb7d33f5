import { Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@prisma/client';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { DB } from '../../generated/kysely/database';
import type { ComponentClient, ComponentData, ComponentId } from './component-client';
import { ConfigurationError } from '../../platform/errors/configuration.error';
import { DatabaseUnreachableError } from '../../platform/errors/database-unreachable.error';
import { releaseConnectionsOfFailedTransactionEnds } from '../../platform/vendor-patches/prisma-adapter-failed-transaction-end.patch';
import { queryCompilerClassOf } from '../../platform/vendor-patches/prisma-query-plan-cache.patch';
import { DatabaseConfig, describeDatabase, readDatabaseConfig } from './database-config';
import { unusableSchemaMessage } from './database-origin';
import { createKysely } from './kysely.factory';
import { createRuntimePool } from './pool-config';
import { cacheCompiledPlans, DEFAULT_QUERY_PLAN_CACHE } from './query-plan-cache';
import { QueryMonitor } from './query-monitor';
import { readQueryVisibilitySettings } from './query-visibility-settings';

interface SchemaAccess {
  present: boolean;
  usable: boolean;
}

/**
 * The one Prisma Client of the process, over `@prisma/adapter-pg`, holding every
 * component's models. Inject it anywhere: `DatabaseModule` is global.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PrismaService.name);
  readonly config: DatabaseConfig;
  /** Slow-query log and per-request statement counts (DATABASE_SLOW_QUERY_MS, DATABASE_QUERY_WARN_COUNT). */
  readonly queries: QueryMonitor;
  /** The pg pool behind the adapter (the adapter ends it on $disconnect); its counts feed the pool gauges. */
  readonly pool: Pool;
  /**
   * The fast typed path (Kysely) over the same pool, every table visible;
   * components reach it cut down to theirs, as `forComponent(id).$kysely`.
   */
  readonly $kysely: Kysely<DB>;

  /**
   * @param monitor DatabaseModule's, shared with its request-count middleware;
   * built from the settings when the service is constructed by hand.
   */
  constructor(@Optional() monitor?: QueryMonitor) {
    const config = readDatabaseConfig();
    const queries = monitor ?? new QueryMonitor(readQueryVisibilitySettings(process.env));
    const queryEvents: Prisma.LogDefinition[] = [{ emit: 'event', level: 'query' }];
    const poolLogger = new Logger('Database');
    // A connection the server closed (restart, failover, pg_terminate_backend):
    // the pool drops it and the next query opens a new one.
    const pool = createRuntimePool(config, (error) =>
      poolLogger.warn(`a pooled database connection was lost: ${error.message}; the next query opens a new one`),
    );
    super({
      adapter: releaseConnectionsOfFailedTransactionEnds(new PrismaPg(pool, { schema: config.schema, disposeExternalPool: true })),
      // Waiting for a connection is bounded like any other (P2028, a 503), and a
      // transaction may run as long as one statement may, plus a margin.
      transactionOptions: { maxWait: config.connectTimeoutMs, timeout: config.statementTimeoutMs + 1000 },
      ...(queries.needsQueryEvents ? { log: queryEvents } : {}),
    });
    this.config = config;
    this.queries = queries;
    this.pool = pool;
    this.$kysely = createKysely(pool, config, queries);
    if (queries.needsQueryEvents) {
      // The class keeps the default client options (so components see the
      // same types as before); this view is the one typed for query events.
      const withQueryEvents = this as unknown as PrismaClient<Prisma.PrismaClientOptions, 'query'>;
      withQueryEvents.$on('query', (event) => queries.observe(event));
    }
  }

  /**
   * This client, typed for one component: its own models and those of the
   * components it depends on (see component-client.ts). Same object, no cost.
   */
  forComponent<Id extends ComponentId>(componentId: Id): ComponentClient<Id> {
    void componentId; // selects the type; the client is shared
    // Checked (`satisfies`): this client has every model the component sees.
    // Not checkable: Kysely<DB> is not assignable to the narrower
    // Kysely<Pick<DB, …>> (its methods take the table map both ways); the
    // object is the same.
    return this satisfies ComponentData<Id> as unknown as ComponentClient<Id>;
  }

  async onModuleInit(): Promise<void> {
    await this.cacheQueryPlans();
    let schema: SchemaAccess | undefined;
    try {
      await this.$connect();
      // With a driver adapter $connect does not open a connection; a query does,
      // so an unreachable database fails here, at startup, not on first request.
      [schema] = await this.$queryRaw<SchemaAccess[]>`
        SELECT n.oid IS NOT NULL AS present, coalesce(has_schema_privilege(n.oid, 'USAGE'), false) AS usable
        FROM (SELECT ${this.config.schema}::text AS name) wanted LEFT JOIN pg_namespace n ON n.nspname = wanted.name`;
    } catch (error) {
      // Prisma puts the reason last, after "Invalid `prisma.$queryRaw()` invocation:".
      const reason = (error as Error).message
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .at(-1);
      throw new DatabaseUnreachableError(`cannot reach the database ${describeDatabase(this.config.url)}: ${reason}`);
    }
    const database = describeDatabase(this.config.url);
    if (!schema?.present) {
      throw new ConfigurationError(
        `the database ${database} has no schema "${this.config.schema}" (DATABASE_SCHEMA); remove DATABASE_SCHEMA to use public, or create that schema as a copy of public`,
      );
    }
    if (!schema.usable) {
      throw new ConfigurationError(unusableSchemaMessage(this.config.url, this.config.schema));
    }
    this.logger.log(`connected to ${database} on schema ${this.config.schema}`);
  }

  /**
   * Puts the plan cache in front of the query compiler this client loads (the
   * generated client's own module, wherever it was resolved from). Before the
   * first query; patching the class is idempotent and process-wide.
   */
  private async cacheQueryPlans(): Promise<void> {
    if (this.config.queryPlanCacheSize === 0) return;
    cacheCompiledPlans(await queryCompilerClassOf(this), { ...DEFAULT_QUERY_PLAN_CACHE, maxEntries: this.config.queryPlanCacheSize });
  }

  /**
   * After the HTTP server has closed (Nest runs this hook after disposing of
   * it; onModuleDestroy would run first), so requests still in flight during
   * a graceful shutdown keep their connections to the end.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
