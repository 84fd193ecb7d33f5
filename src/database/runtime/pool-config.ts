import { Pool, PoolClient, PoolConfig } from 'pg';
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
  const pool = new Pool(poolConfigOf(config));
  pool.on('connect', (client: PoolClient) => client.on('error', onLost));
  // The pool repeats an idle client's error, which the line above has logged;
  // it must still be listened to, or it would be unhandled.
  pool.on('error', () => undefined);
  return pool;
}
