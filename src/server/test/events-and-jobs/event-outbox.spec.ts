import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { OUTBOX_BATCH, relayBatchSql, relayOutbox } from '../../../platform/events/event-outbox';
import { OutboxRelay } from '../../../platform/events/outbox-relay';
import { JOBS_CONFIG, type JobsConfig } from '../../../platform/jobs/jobs-config';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';
import { eventScenario } from '../../../testing/events/event-scenario';
import { type FixtureServer, startFixtureServer } from '../../../testing/fixture-component/start-fixture-server';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { waitForValue } from '../../../testing/process/wait-until';

const NOTE = { title: 'Quarterly figures', content: null, status: 'PUBLISHED' as const, author: 'Ada' };

let server: FixtureServer;
let queue: string;
let jobsUrl: string;

beforeAll(async () => {
  server = await startFixtureServer();
  queue = queueSchemaFor(server.prisma.config.schema);
  jobsUrl = server.app.get<JobsConfig>(JOBS_CONFIG).databaseUrl;
});

afterAll(async () => {
  await server?.close();
});

beforeEach(async () => {
  await resetWorkerSchema(server.prisma);
  server.listeners.failure = null;
});

async function count(sql: string): Promise<number> {
  const [{ count }] = await server.prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${sql}`);
  return count;
}
const outboxRows = () => count(`"${queue}".event_outbox`);
const queuedJobs = () => count(`"${queue}"._private_jobs`);

/** The bound of each wait below: a hang on a slow machine, never a measure of speed. */
const WAIT = { timeoutMs: 20_000 };

/** `rows` outbox rows of two specs each (tasks outbox-test:a and outbox-test:b, payload { n }), as publish writes them. */
async function writeOutboxRows(rows: number): Promise<void> {
  await server.prisma.$executeRawUnsafe(
    `INSERT INTO "${queue}".event_outbox (specs)
     SELECT json_build_array(json_build_object('identifier', 'outbox-test:a', 'payload', json_build_object('n', n), 'max_attempts', 1),
                             json_build_object('identifier', 'outbox-test:b', 'payload', json_build_object('n', n), 'max_attempts', 1))
     FROM generate_series(1, $1::int) AS n`,
    rows,
  );
}

/** How many jobs each (task, n) has; a row moved twice shows up as a 2. */
async function jobsPerDelivery(): Promise<Map<string, number>> {
  const rows = await server.prisma.$queryRawUnsafe<{ delivery: string; jobs: number }[]>(
    `SELECT t.identifier || '#' || (j.payload->>'n') AS delivery, count(*)::int AS jobs
     FROM "${queue}"._private_jobs j JOIN "${queue}"._private_tasks t ON t.id = j.task_id GROUP BY 1`,
  );
  return new Map(rows.map((row) => [row.delivery, row.jobs]));
}

describe('the event outbox', () => {
  it('keeps no outbox row and no job of a publish whose transaction rolled back', async () => {
    await expect(server.notes.createThenFail(NOTE, 'the change failed')).rejects.toThrow('the change failed');

    expect(await outboxRows()).toBe(0);
    expect(await queuedJobs()).toBe(0);
  });

  it('holds a committed event as one outbox row until it is relayed, then delivers it to each listener', async () => {
    const note = await server.notes.create(NOTE);

    // Manual mode: no relay runs in this process, so the event waits in the outbox, one row for both listeners.
    expect(await outboxRows()).toBe(1);
    expect(await queuedJobs()).toBe(0);

    expect(await eventScenario(server.app).runPendingJobs()).toEqual({ ran: 2, failed: 0, deadLettered: 0 });
    expect(await outboxRows()).toBe(0);
    expect(await server.listeners.effects()).toEqual(
      expect.arrayContaining([
        { handler: 'record-note', ref: note.id, attempt: 1 },
        { handler: 'fail-on-demand', ref: note.id, attempt: 1 },
      ]),
    );
  });

  it('moves each row once when two relays run at once, one of them holding a batch in an open transaction', async () => {
    const rows = OUTBOX_BATCH * 2 + 100;
    await writeOutboxRows(rows);
    // Tasks graphile-worker already knows (as an app's are after its first delivery): the held batch's transaction
    // would otherwise hold the new task rows, on which the other relays' add_jobs wait.
    await server.prisma.$executeRawUnsafe(
      `INSERT INTO "${queue}"._private_tasks (identifier) VALUES ('outbox-test:a'), ('outbox-test:b') ON CONFLICT DO NOTHING`,
    );
    const first = new Client({ connectionString: jobsUrl });
    const second = new Client({ connectionString: jobsUrl });
    const third = new Client({ connectionString: jobsUrl });
    await Promise.all([first.connect(), second.connect(), third.connect()]);
    // A relay that waited for the held batch would wait for ever (its COMMIT comes after): a bound that turns it into an error.
    await Promise.all([second.query(`SET lock_timeout = '10s'`), third.query(`SET lock_timeout = '10s'`)]);
    try {
      // The first relay's batch is taken but not yet committed when the others relay.
      await first.query('BEGIN');
      const [taken] = (await first.query<{ rows: number }>(relayBatchSql(queue))).rows;
      const query =
        (client: Client) =>
        async <T>(text: string) =>
          (await client.query(text)).rows as T[];
      const others = await Promise.all([relayOutbox(query(second), queue), relayOutbox(query(third), queue)]);
      await first.query('COMMIT');

      expect(taken.rows).toBe(OUTBOX_BATCH);
      expect(taken.rows + others[0] + others[1]).toBe(rows);
    } finally {
      await Promise.all([first.end(), second.end(), third.end()]);
    }
    expect(await outboxRows()).toBe(0);
    const perDelivery = await jobsPerDelivery();
    expect(perDelivery.size).toBe(rows * 2);
    expect([...perDelivery.values()].filter((jobs) => jobs !== 1)).toEqual([]);
  });

  it('relays the rows written while no instance relayed as soon as a relay starts', async () => {
    await writeOutboxRows(3);
    await server.notes.create(NOTE);
    expect(await outboxRows()).toBe(4);

    // No fallback pass during the test: only the pass at start can move them.
    const relay = new OutboxRelay({ connectionString: jobsUrl, schema: queue, fallbackMs: 3_600_000 });
    relay.start();
    try {
      expect(await waitForValue('the relay to empty the outbox', outboxRows, (left) => left === 0, WAIT)).toBe(0);
      expect(await queuedJobs()).toBe(3 * 2 + 2);
    } finally {
      await relay.stop();
    }
  });

  it('is emptied by resetWorkerSchema with the rest of the queue, so no test sees another test’s events', async () => {
    await writeOutboxRows(2);

    await resetWorkerSchema(server.prisma);

    expect(await outboxRows()).toBe(0);
  });

  it('relays on notification, and again after its session was cut, without crashing', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const relay = new OutboxRelay({ connectionString: jobsUrl, schema: queue, fallbackMs: 3_600_000 });
    relay.start();
    const admin = new Client({ connectionString: jobsUrl });
    await admin.connect();
    try {
      const relaySessions = `SELECT pid FROM pg_stat_activity WHERE application_name = 'jobs-outbox ${queue}'`;
      // Listening, its pass at start done: from here only a notification makes it relay.
      await waitForValue(
        'the relay to listen, its pass at start done',
        async () =>
          (await admin.query(`${relaySessions} AND state = 'idle' AND starts_with(query, $1)`, [relayBatchSql(queue).slice(0, 60)]))
            .rowCount ?? 0,
        (sessions) => sessions > 0,
        WAIT,
      );
      await server.notes.create(NOTE);
      expect(await waitForValue('the first event relayed', queuedJobs, (jobs) => jobs >= 2, WAIT)).toBe(2);

      await admin.query(`SELECT pg_terminate_backend(pid) FROM (${relaySessions}) AS relay`);
      await server.notes.create(NOTE);

      expect(await waitForValue('the second event relayed after the cut', queuedJobs, (jobs) => jobs >= 4, WAIT)).toBe(4);
      expect(await outboxRows()).toBe(0);
      expect(warn.mock.calls.map(([message]) => String(message))).toContain('restarting the event outbox relay in 1 s');
    } finally {
      await admin.end();
      await relay.stop();
      warn.mockRestore();
    }
  });
});
