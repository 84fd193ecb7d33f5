import { Kysely, type LogEvent, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { type Pool, type PoolClient, types } from 'pg';
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
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPrismaDates(pool) }), ...(log ? { log } : {}) });
  return config.viaPgBouncer ? kysely.withSchema(config.schema) : kysely;
}

/** Kysely's log event in the shape of Prisma's `query` event, which the monitor reads (never the parameters). */
function queryEventOf(event: LogEvent) {
  return { timestamp: new Date(), query: event.query.sql, params: '', duration: event.queryDurationMillis, target: 'kysely' };
}

const TIMESTAMP = 1114;
const DATE = 1082;
const utc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const PRISMA_DATE_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === TIMESTAMP || oid === DATE ? utc : (types.getTypeParser(oid, format) as unknown)) as typeof types.getTypeParser,
};
const utcParameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * The pool as Kysely sees it, reading and writing dates as Prisma does.
 * Prisma's DateTime is `timestamp(3)` without a time zone, holding UTC;
 * node-postgres would read such a value, and write a `Date`, in the
 * process's local time zone, so wherever TZ is not UTC the two paths would
 * disagree by the offset. Here a `Date` parameter goes as its ISO text
 * (PostgreSQL ignores the `Z` for a timestamp without time zone, as it should)
 * and such columns are read as UTC, per query: the pool itself, which Prisma's
 * adapter shares, is left as it is. One wrapper per pooled connection, so
 * Kysely keeps its own per-connection state.
 */
function withPrismaDates(pool: Pool): PostgresPool {
  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  const wrap = (client: PoolClient): PostgresPoolClient => ({
    query: ((sql: string, parameters: readonly unknown[]) =>
      client.query({
        text: sql,
        values: parameters.map(utcParameter),
        types: PRISMA_DATE_TYPES,
      })) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    // Prisma's adapter ends the pool when the client disconnects.
    end: () => Promise.resolve(),
  };
}
