/** What the pgbouncer scenario runs: PgBouncer in front of the load cluster, N app instances behind it. */
export interface PgbouncerPlan {
  listenPort: number;
  server: { port: number; database: string };
  /** How clients (the app instances) authenticate to PgBouncer; PgBouncer reuses it towards PostgreSQL. */
  authType: 'scram-sha-256' | 'md5';
  authFile: string;
  instances: number;
  /** DATABASE_POOL_SIZE of each app instance: its client connections to PgBouncer. */
  appPoolSize: number;
  /** PgBouncer's `default_pool_size`: server connections per database and user. */
  serverPool: number;
  /** The server's `max_connections` and `superuser_reserved_connections`. */
  maxConnections: number;
  reservedConnections: number;
}

/**
 * The sizing rule from docs/operations.md: every connection the app
 * instances may open fits in PgBouncer's server pool (no instance waits on
 * PgBouncer for a connection its own pool already handed out), and the
 * server pool fits in what PostgreSQL allows non-superusers.
 * @returns what is wrong and how to fix it, or null
 */
export function poolSizingProblem(plan: PgbouncerPlan): string | null {
  const clients = plan.instances * plan.appPoolSize;
  const usable = plan.maxConnections - plan.reservedConnections;
  if (clients > plan.serverPool) {
    return `DATABASE_POOL_SIZE × instances = ${plan.appPoolSize} × ${plan.instances} = ${clients} exceeds PgBouncer's default_pool_size ${plan.serverPool}; lower DATABASE_POOL_SIZE or raise default_pool_size`;
  }
  if (plan.serverPool > usable) {
    return `PgBouncer's default_pool_size ${plan.serverPool} exceeds what PostgreSQL allows (max_connections ${plan.maxConnections} − superuser_reserved_connections ${plan.reservedConnections} = ${usable}); lower default_pool_size or raise max_connections`;
  }
  return null;
}

/** One `auth_file` line: user name and secret (a SCRAM verifier or md5 hash, never the password), quotes doubled. */
export function authFileLine(user: string, secret: string): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return `${quote(user)} ${quote(secret)}\n`;
}

/** `pgbouncer.ini` for the plan, with the sizing written out where an operator would look for it. */
export function pgbouncerIni(plan: PgbouncerPlan): string {
  const clients = plan.instances * plan.appPoolSize;
  return `;; Written by npm run load (bench/load/pgbouncer-config.ts) for its pgbouncer scenario; rewritten on every run.

[databases]
${plan.server.database} = host=127.0.0.1 port=${plan.server.port} dbname=${plan.server.database}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${plan.listenPort}
;; TCP only: no Unix socket in /tmp, which may belong to someone else.
unix_socket_dir =

;; The auth file holds the role's ${plan.authType === 'scram-sha-256' ? 'SCRAM verifier' : 'md5 hash'} copied from pg_authid, not its password.
;; With a SCRAM verifier PgBouncer logs in to PostgreSQL with the keys the client proved during its own
;; SCRAM login, so it never needs the password.
auth_type = ${plan.authType}
auth_file = ${plan.authFile}

;; Transaction pooling: a server connection belongs to a client for one transaction only, so the
;; app must keep no session state (no SET, no session-level prepared statements, no startup options).
pool_mode = transaction

;; Pool sizing, checked by the script before it starts anything:
;;   DATABASE_POOL_SIZE × instances  ≤  default_pool_size  ≤  max_connections − superuser_reserved_connections
;;   ${String(plan.appPoolSize).padEnd(18)} × ${String(plan.instances).padEnd(9)} = ${String(clients).padEnd(3)} ≤  ${String(plan.serverPool).padEnd(17)}  ≤  ${plan.maxConnections} − ${plan.reservedConnections}
;; max_db_connections makes the server-side limit hard, whatever pools other users would add.
default_pool_size = ${plan.serverPool}
max_db_connections = ${plan.serverPool}
;; Client connections PgBouncer accepts: the instances' pools, with room for the health checks and psql.
max_client_conn = ${Math.max(100, clients * 2)}

;; Quieter log: the load opens and closes no client connections after the start.
log_connections = 0
log_disconnections = 0
`;
}
