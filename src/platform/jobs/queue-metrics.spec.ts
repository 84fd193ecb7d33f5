import { Logger } from '@nestjs/common';
import { MetricsRegistry } from '../observability/metrics/metrics-registry';
import type { ComponentDirectory } from './composed-components';
import type { QueryRows } from './jobs-database';
import type { JobsRegistry } from './jobs-registry';
import { installQueueGauges } from './queue-metrics';

const JOBS = {
  registry: { listeners: [], jobs: [], schedules: [] } as unknown as JobsRegistry,
  directory: { components: [] } as unknown as ComponentDirectory,
};
const QUEUE_GAUGES = /^(jobs_queue_depth|jobs_queue_oldest_age_seconds|jobs_dead_letters)\{/m;

afterEach(() => jest.restoreAllMocks());

describe('the job queue gauges', () => {
  it('are left out of a scrape whose queue read does not answer within the bound, with one warning, and the rest is exposed', async () => {
    const metrics = new MetricsRegistry({ port: 0, host: '127.0.0.1' });
    metrics.gauge('db_pool_max_connections', { help: 'A gauge beside them' }).set(10);
    // A read that does not answer (a database stuck past the scrape timeout) until released.
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    let queries = 0;
    const query = (<T>() => {
      queries += 1;
      return stuck.then(() => [] as T[]);
    }) as QueryRows;
    const logger = new Logger('Jobs');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    jest.spyOn(logger, 'log').mockImplementation(() => undefined);
    // A small bound keeps the test short; the scrape is bounded by it whatever the database does.
    installQueueGauges(metrics, query, 'graphile_worker', JOBS, logger, 20);

    const first = await metrics.exposition();
    const second = await metrics.exposition();
    release();
    const third = await metrics.exposition();

    expect(first).toContain('db_pool_max_connections 10');
    expect(first).not.toMatch(QUEUE_GAUGES);
    expect(second).not.toMatch(QUEUE_GAUGES);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('cannot read the job queue graphile_worker for /metrics (no answer within 20 ms)');
    // The second scrape waited for the first one's query rather than open another connection.
    expect(queries).toBe(1);
    expect(third).toContain('jobs_queue_depth{component="platform"} 0');
  });
});
