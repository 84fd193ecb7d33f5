import { collectDefaultMetrics } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

jest.mock('prom-client', () => {
  const actual = jest.requireActual<typeof import('prom-client')>('prom-client');
  return { ...actual, collectDefaultMetrics: jest.fn(actual.collectDefaultMetrics) };
});

describe('process metrics', () => {
  it("are collected once per process and exposed by every app's registry with metrics on", async () => {
    const collect = jest.mocked(collectDefaultMetrics);
    const apps = [0, 0, 0].map((port) => new MetricsRegistry({ port, host: '127.0.0.1' }));

    const expositions = await Promise.all(apps.map((app) => app.exposition()));

    // collectDefaultMetrics starts a GC observer and an event loop monitor nothing stops: one per process, not per app.
    expect(collect).toHaveBeenCalledTimes(1);
    for (const text of expositions) expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(apps.map((app) => app.registry.getSingleMetric('process_cpu_user_seconds_total'))).toEqual([undefined, undefined, undefined]);
  });

  it('are left out with metrics off', async () => {
    expect(await new MetricsRegistry({ host: '127.0.0.1' }).exposition()).toBe('\n');
  });
});
