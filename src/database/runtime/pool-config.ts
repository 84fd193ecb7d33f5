import { Pool, PoolClient, PoolConfig, types } from 'pg';
import type { DatabaseConfig } from './database-config';

/**
 * node-postgres pool settings for the runtime client. The timeouts travel as
 * startup parameters, so PostgreSQL enforces them for every statement of the
 * session; PgBouncer refuses startup parameters, so through it none are
 * sent and the role's own settings apply (docs/operations.md shows the SQL).
 */
export function poolConfigOf(config: DatabaseConfig): PoolConfig {
  const pool: PoolConfig = {
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: config.connectTimeoutMs,
    // Notices a dead peer (a server gone without closing the socket) on idle
    // connections within about a minute rather than the system's two hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  if (config.viaPgBouncer) return pool;
  return {
    ...pool,
    statement_timeout: config.statementTimeoutMs,
    idle_in_transaction_session_timeout: config.idleInTransactionTimeoutMs,
    // Unqualified names in raw SQL resolve in the configured schema first;
    // extensions installed in `public` stay reachable.
    options: `-c search_path=${config.schema},public`,
  };
}

const TIMESTAMP = 1114;
const DATE = 1082;
const utc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);

/**
 * How the fast path (Kysely, component-sql.ts) reads dates: as Prisma does.
 * Prisma's DateTime is `timestamp(3)` without a time zone, written in UTC;
 * node-postgres would read it in the process's local time zone, so the
 * same row would differ between the two paths wherever TZ is not UTC.
 * Prisma's adapter passes its own parsers with every query, so this changes
 * nothing for Prisma.
 */
const PRISMA_DATES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === TIMESTAMP || oid === DATE ? utc : (types.getTypeParser(oid, format) as unknown)) as typeof types.getTypeParser,
};

/**
 * The runtime's pool, with an `error` listener on every connection it
 * opens. node-postgres emits `error` on a client whose connection breaks
 * (PostgreSQL stopping sends 57P01 to every session); adapter-pg 6.19
 * listens only while a client sits idle in the pool or holds a
 * transaction, so a break at any other moment was an unhandled `error`
 * event that killed the process (seen under load during a restart). The
 * broken client is dropped when it is released; the next query connects
 * anew.
 */
export function createRuntimePool(config: DatabaseConfig, onLost: (error: Error) => void): Pool {
  const pool = new Pool({ ...poolConfigOf(config), types: PRISMA_DATES });
  pool.on('connect', (client: PoolClient) => client.on('error', onLost));
  // The pool repeats an idle client's error, which the line above has logged;
  // it must still be listened to, or it would be unhandled.
  pool.on('error', () => undefined);
  return pool;
}
