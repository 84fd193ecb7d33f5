import { Logger } from '@nestjs/common';
import type { JobHelpers } from 'graphile-worker';
import type { Counter } from 'prom-client';
import { currentComponent } from '../observability/component-scope';
import { MetricsRegistry } from '../observability/metrics/metrics-registry';
import type { ComponentDirectory } from './composed-components';
import { JobMetrics, type RunSubject } from './job-metrics';
import type { JobsDatabase } from './jobs-database';
import type { JobsRegistry } from './jobs-registry';

const DIGEST: RunSubject = { kind: 'job', component: 'shop', job: 'send-digest' };

/** JobMetrics on a registry of its own; the queue gauges are never collected here (no database). */
function jobMetrics(port: number | undefined) {
  const metrics = new MetricsRegistry({ port, host: '127.0.0.1' });
  const database = { config: { url: '', schema: 'public' } } as JobsDatabase;
  return { metrics, jobs: new JobMetrics({} as JobsRegistry, {} as ComponentDirectory, database, metrics) };
}

const helpersOf = (attempts: number, maxAttempts: number) => ({ job: { attempts, max_attempts: maxAttempts } }) as unknown as JobHelpers;

async function runs(metrics: MetricsRegistry) {
  const counter = metrics.registry.getSingleMetric('jobs_runs_total');
  return (await counter!.get()).values.map(({ labels, value }) => ({ ...labels, value }));
}

afterEach(() => jest.restoreAllMocks());

describe('job run metrics', () => {
  it("runs a job in its component's scope, with metrics on or off", async () => {
    for (const port of [0, undefined]) {
      let seen: string | undefined;
      const run = jobMetrics(port).jobs.observedRun(DIGEST, async () => {
        await Promise.resolve();
        seen = currentComponent();
      });

      await run(null, helpersOf(1, 3), new AbortController().signal);

      expect(seen).toBe('shop');
    }
  });

  it('counts a failed run, its last failed attempt as dead_lettered, and not a run abandoned at shutdown', async () => {
    const { metrics, jobs } = jobMetrics(0);
    const run = jobs.observedRun(DIGEST, () => Promise.reject(new Error('no')));
    const stopped = new AbortController();
    stopped.abort();

    await expect(run(null, helpersOf(1, 3), new AbortController().signal)).rejects.toThrow('no');
    await expect(run(null, helpersOf(3, 3), new AbortController().signal)).rejects.toThrow('no');
    await expect(run(null, helpersOf(2, 3), stopped.signal)).rejects.toThrow('no');

    expect(await runs(metrics)).toEqual([
      { component: 'shop', job_name: 'send-digest', outcome: 'failed', value: 1 },
      { component: 'shop', job_name: 'send-digest', outcome: 'dead_lettered', value: 1 },
    ]);
  });

  it('lets a successful run succeed when recording it throws, and logs that once', async () => {
    const { metrics, jobs } = jobMetrics(0);
    const counter = metrics.registry.getSingleMetric('jobs_runs_total') as Counter;
    jest.spyOn(counter, 'inc').mockImplementation(() => {
      throw new Error('recording broke');
    });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const run = jobs.observedRun(DIGEST, () => Promise.resolve());

    await expect(run(null, helpersOf(1, 3), new AbortController().signal)).resolves.toBeUndefined();
    await expect(run(null, helpersOf(1, 3), new AbortController().signal)).resolves.toBeUndefined();

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('recording a run of shop/send-digest in the events and jobs metrics failed (recording broke)');
  });

  it('creates no metric with metrics off', () => {
    const { metrics } = jobMetrics(undefined);

    expect(metrics.registry.getMetricsAsArray()).toEqual([]);
  });
});
