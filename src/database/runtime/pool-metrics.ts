import type { Pool } from 'pg';
import type { MetricsRegistry } from '../../platform/observability/metrics/metrics-registry';

/**
 * The runtime pool's gauges, read from the pool on each scrape (nothing is
 * done between scrapes): `db_pool_connections{state}`,
 * `db_pool_waiting_clients`, `db_pool_max_connections`. Saturation is
 * in_use reaching max while waiting grows.
 */
export function watchPoolMetrics(metrics: MetricsRegistry, pool: Pool): void {
  if (!metrics.enabled) return;
  metrics.gauge('db_pool_connections', {
    help: 'Connections of the runtime database pool, by state: in_use (lent to a query or transaction) or idle',
    labelNames: ['state'] as const,
    collect() {
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  metrics.gauge('db_pool_waiting_clients', {
    help: 'Queries and transactions waiting for a connection of the runtime database pool',
    collect() {
      this.set(pool.waitingCount);
    },
  });
  metrics.gauge('db_pool_max_connections', {
    help: 'The most connections the runtime database pool opens (DATABASE_POOL_SIZE)',
    collect() {
      this.set(pool.options.max);
    },
  });
}
