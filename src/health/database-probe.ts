import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { readDatabaseConfig } from '../database/runtime/database-config';
import { poolConfigOf } from '../database/runtime/pool-config';

/** How long readiness waits for the database: well below a load balancer's probe timeout. */
export const PROBE_TIMEOUT_MS = 1000;

/**
 * The readiness probe's own connection, beside the app's pool: when every
 * pooled connection is busy, a probe queued behind them would report a
 * healthy but busy instance as down, and a load balancer would take it out
 * of service just when it is needed. Same settings (URL, PgBouncer mode,
 * role); one connection, a 1 s connect and statement budget.
 */
@Injectable()
export class DatabaseProbe implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor() {
    const config = readDatabaseConfig();
    this.pool = new Pool({ ...poolConfigOf({ ...config, poolSize: 1, connectTimeoutMs: PROBE_TIMEOUT_MS }), idleTimeoutMillis: 30_000 });
    // A connection the server closed: the probe's next query reconnects; nothing to log twice.
    this.pool.on('error', () => undefined);
  }

  /** Rows of `sql`, or a rejection after at most about PROBE_TIMEOUT_MS. */
  async query<Row extends object>(sql: string): Promise<Row[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([this.pool.query<Row>(sql), timeout]);
      return result.rows;
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
