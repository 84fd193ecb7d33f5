import type { PoolConfig } from 'pg';
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
    // Notices a dead peer (a server gone without closing the socket) on idle connections.
    keepAlive: true,
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
