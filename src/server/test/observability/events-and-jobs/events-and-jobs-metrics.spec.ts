import { Client } from 'pg';
import { JobQueue } from '../../../../platform/jobs/job-queue';
import { queueSchemaFor } from '../../../../platform/jobs/queue-schema';
import { MetricsRegistry } from '../../../../platform/observability/metrics/metrics-registry';
import { withEnvironment } from '../../../../testing/environment/with-environment';
import { eventScenario, type EventScenario } from '../../../../testing/events/event-scenario';
import { NoteDigest } from '../../../../testing/fixture-component/fixture-events';
import { type FixtureServer, startFixtureServer } from '../../../../testing/fixture-component/start-fixture-server';
import { CapturedLogger } from '../../../../testing/logging/captured-logger';
import { scrapeMetrics } from '../../../../testing/metrics/scrape-metrics';
import { resetWorkerSchema } from '../../../../testing/reset-worker-schema';
import { startTestServer } from '../../../../testing/start-test-server';

const NOTE = { title: 'Quarterly figures', content: null, status: 'PUBLISHED' as const, author: 'Ada' };
const EVENT = { event: 'fixture/note-added' };
const RECORD_NOTE = { component: 'fixture', ...EVENT };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let server: FixtureServer;
let scenario: EventScenario;
const logger = new CapturedLogger();

beforeAll(async () => {
  // METRICS_PORT set (0: any free port) turns metrics on, as an operator would.
  server = await withEnvironment({ METRICS_PORT: '0' }, () => startFixtureServer({ logger }));
});

afterAll(async () => {
  await server?.close();
});

beforeEach(async () => {
  await resetWorkerSchema(server.prisma);
  server.listeners.failure = null;
  logger.lines.length = 0;
  scenario = eventScenario(server.app);
});

/** How much each of `read`'s numbers moved while `act` ran (counters are cumulative over the file's tests). */
async function moved<K extends string>(read: () => Promise<Record<K, number>>, act: () => Promise<unknown>): Promise<Record<K, number>> {
  const before = await read();
  await act();
  const after = await read();
  return Object.fromEntries(Object.entries<number>(after).map(([key, value]) => [key, value - before[key as K]])) as Record<K, number>;
}

const published = async () => (await scrapeMetrics(server.app)).find('events_published_total', RECORD_NOTE)[0]?.value ?? 0;

async function deliveries() {
  const metrics = await scrapeMetrics(server.app);
  const outcome = (outcome: string) => metrics.find('event_deliveries_total', { ...RECORD_NOTE, outcome })[0]?.value ?? 0;
  return {
    delivered: outcome('delivered'),
    failed: outcome('failed'),
    deadLettered: outcome('dead_lettered'),
    latencies: metrics.find('event_delivery_latency_seconds_count', RECORD_NOTE)[0]?.value ?? 0,
  };
}

describe('events and jobs metrics', () => {
  it('counts a publication by its component and event', async () => {
    expect(
      await moved(
        async () => ({ published: await published() }),
        () => server.notes.create(NOTE),
      ),
    ).toEqual({ published: 1 });
  });

  it('counts each delivery to a listener as delivered and observes its latency once the pending jobs run', async () => {
    await server.notes.create(NOTE);

    const change = await moved(deliveries, () => scenario.runPendingJobs());

    // Two listeners of fixture/note-added: two deliveries, each with its latency.
    expect(change).toEqual({ delivered: 2, failed: 0, deadLettered: 0, latencies: 2 });
  });

  it('counts a failing delivery as failed, and its last failing attempt as dead_lettered, with the dead letter in the gauge', async () => {
    server.listeners.failure = 'the mail server said no';
    await server.notes.create(NOTE);

    const first = await moved(deliveries, () => scenario.runPendingJobs());
    expect(first).toEqual({ delivered: 1, failed: 1, deadLettered: 0, latencies: 1 });

    const rest = await moved(deliveries, () => scenario.runPendingJobs({ includeRetries: true }));
    // failOnDemand allows 3 attempts: the second fails, the third is dead-lettered.
    expect(rest).toEqual({ delivered: 0, failed: 1, deadLettered: 1, latencies: 0 });
    expect((await scrapeMetrics(server.app)).find('jobs_dead_letters', { component: 'fixture' })[0]?.value).toBe(1);
  });

  it("shows the jobs waiting in the queue by component, and none once they ran, with the run counted and timed under the job's name", async () => {
    const jobs = server.app.get(JobQueue);
    await jobs.enqueue(NoteDigest, { noteId: 'first' });
    await jobs.enqueue(NoteDigest, { noteId: 'second' });

    const queued = await scrapeMetrics(server.app);
    expect(queued.find('jobs_queue_depth', { component: 'fixture' })[0]?.value).toBe(2);
    expect(queued.find('jobs_queue_depth', { component: 'platform' })[0]?.value).toBe(0);
    expect(queued.find('jobs_queue_oldest_age_seconds', { component: 'fixture' })[0]?.value).toBeGreaterThanOrEqual(0);
    expect(queued.find('jobs_dead_letters', { component: 'fixture' })[0]?.value).toBe(0);

    const runs = async () => {
      const metrics = await scrapeMetrics(server.app);
      return {
        succeeded: metrics.find('jobs_runs_total', { component: 'fixture', job_name: 'note-digest', outcome: 'succeeded' })[0]?.value ?? 0,
        timed: metrics.find('job_run_duration_seconds_count', { component: 'fixture', job_name: 'note-digest' })[0]?.value ?? 0,
      };
    };
    expect(await moved(runs, () => scenario.runPendingJobs())).toEqual({ succeeded: 2, timed: 2 });
    expect((await scrapeMetrics(server.app)).find('jobs_queue_depth', { component: 'fixture' })[0]?.value).toBe(0);
  });

  it("counts the SQL of a job run under the job's component", async () => {
    const inserts = async () => ({
      fixture: (await scrapeMetrics(server.app))
        .find('db_query_duration_seconds_count', { component: 'fixture', action: 'insert' })
        .reduce((sum, sample) => sum + sample.value, 0),
    });
    await server.app.get(JobQueue).enqueue(NoteDigest, { noteId: 'scoped' });

    // The handler inserts its effect row: one INSERT, in the fixture's scope.
    expect(await moved(inserts, () => scenario.runPendingJobs())).toEqual({ fixture: 1 });
  });

  it("counts a schedule's run under its name", async () => {
    const runs = async () => ({
      succeeded:
        (await scrapeMetrics(server.app)).find('jobs_runs_total', { component: 'fixture', job_name: 'tidy-notes', outcome: 'succeeded' })[0]
          ?.value ?? 0,
    });

    expect(await moved(runs, () => scenario.runSchedule('fixture', 'tidy-notes'))).toEqual({ succeeded: 1 });
  });

  it('keeps the series flat while note ids vary: no label carries an id or a payload', async () => {
    const publishAndDeliver = async (count: number) => {
      for (let index = 0; index < count; index += 1) await server.notes.create({ ...NOTE, title: `Note ${index}` });
      await scenario.runPendingJobs();
    };
    const seriesCount = async () => {
      const metrics = await scrapeMetrics(server.app);
      return ['events_published_total', 'event_deliveries_total', 'event_delivery_latency_seconds_bucket', 'jobs_runs_total']
        .map((name) => metrics.find(name).length)
        .reduce((sum, count) => sum + count, 0);
    };
    await publishAndDeliver(1);
    const before = await seriesCount();

    await publishAndDeliver(3);

    expect(await seriesCount()).toBe(before);
    const exposition = await server.app.get(MetricsRegistry).exposition();
    expect(exposition).not.toMatch(UUID);
    expect(exposition).not.toContain('Note 2');
  });

  it('leaves the queue gauges out of a scrape whose queue read fails, logs one warning, and shows them again once it works', async () => {
    await server.notes.create(NOTE);
    // The owner role (the app's runtime role may not alter the queue schema): the query's view is away meanwhile.
    const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
    const schema = `"${queueSchemaFor(server.prisma.config.schema)}"`;
    await owner.query(`ALTER VIEW ${schema}.jobs RENAME TO jobs_away`);
    try {
      for (let scrapes = 0; scrapes < 2; scrapes += 1) {
        const metrics = await scrapeMetrics(server.app);
        expect(metrics.find('jobs_queue_depth')).toEqual([]);
        expect(metrics.find('jobs_dead_letters')).toEqual([]);
        // The rest of the scrape is there.
        expect(metrics.find('events_published_total', RECORD_NOTE)[0]?.value).toBeGreaterThan(0);
      }
    } finally {
      await owner.query(`ALTER VIEW ${schema}.jobs_away RENAME TO jobs`);
      await owner.end();
    }
    const warnings = logger.lines.filter((line) => line.level === 'warn' && line.text.includes('for /metrics'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].text).toContain('cannot read the job queue');

    expect((await scrapeMetrics(server.app)).find('jobs_queue_depth', { component: 'fixture' })[0]?.value).toBe(0);
  });
});

describe('events and jobs metrics with METRICS_PORT unset', () => {
  it('records nothing: no events, jobs or component series in the registry', async () => {
    // Empty is unset (readMetricsSettings), whatever the test environment sets.
    const plain = await withEnvironment({ METRICS_PORT: '' }, () => startTestServer());
    try {
      expect(plain.app.get(MetricsRegistry).enabled).toBe(false);
      expect(await plain.app.get(MetricsRegistry).exposition()).not.toMatch(/^(# (HELP|TYPE) )?(events|event|jobs|job|accounts)_/m);
    } finally {
      await plain.close();
    }
  });
});
