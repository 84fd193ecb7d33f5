import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';
import type { DB } from '../../generated/kysely/database';
import type { QueryMonitor } from './query-monitor';

/**
 * The process's one Kysely instance, over the runtime pool (so the pool
 * size, statement timeout, search_path and PgBouncer mode are Prisma's).
 * Table names are qualified with the configured schema, as Prisma's are, so
 * they resolve without a search_path (through PgBouncer none is sent). Its
 * statements reach the query monitor like Prisma's: slow-query log, per-
 * request counts and `db_query_duration_seconds`.
 */
export function createKysely(pool: Pool, schema: string, queries?: QueryMonitor): Kysely<DB> {
  const log = queries?.needsQueryEvents ? (event: LogEvent) => queries.observe(queryEventOf(event)) : undefined;
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) }).withSchema(schema);
}

/** Kysely's log event in the shape of Prisma's `query` event, which the monitor reads (never the parameters). */
function queryEventOf(event: LogEvent) {
  return { timestamp: new Date(), query: event.query.sql, params: '', duration: event.queryDurationMillis, target: 'kysely' };
}
