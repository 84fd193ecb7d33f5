import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';
import type { DB } from '../../generated/kysely/database';
import type { DatabaseConfig } from './database-config';
import type { QueryMonitor } from './query-monitor';

/**
 * The process's one Kysely instance, over the runtime pool (so the pool
 * size, statement timeout, search_path and PgBouncer mode are Prisma's). Its
 * statements reach the query monitor like Prisma's: slow-query log, per-
 * request counts and `db_query_duration_seconds`.
 *
 * Table names resolve in the configured schema: through the connection's
 * search_path (`<schema>,public`, pool-config.ts), or, through PgBouncer,
 * which sends none, by qualifying every name (`withSchema`). Only then:
 * the plugin rewrites every query's tree, which doubled the cost of
 * building the list's query (about 30 µs to 58 µs).
 */
export function createKysely(pool: Pool, config: Pick<DatabaseConfig, 'schema' | 'viaPgBouncer'>, queries?: QueryMonitor): Kysely<DB> {
  const log = queries?.needsQueryEvents ? (event: LogEvent) => queries.observe(queryEventOf(event)) : undefined;
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return config.viaPgBouncer ? kysely.withSchema(config.schema) : kysely;
}

/** Kysely's log event in the shape of Prisma's `query` event, which the monitor reads (never the parameters). */
function queryEventOf(event: LogEvent) {
  return { timestamp: new Date(), query: event.query.sql, params: '', duration: event.queryDurationMillis, target: 'kysely' };
}
