import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { EventPublisher } from '../../../platform/events/event-publisher';
import { JobQueue } from '../../../platform/jobs/job-queue';
import { eventScenario, type EventScenario } from '../../../testing/events/event-scenario';
import { NoteAdded, NoteDigest } from '../../../testing/fixture-component/fixture-events';
import { type FixtureServer, startFixtureServer } from '../../../testing/fixture-component/start-fixture-server';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { withEnvironment } from '../../../testing/environment/with-environment';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';
import { waitForValue } from '../../../testing/process/wait-until';
import { startTcpProxy } from '../../../testing/network/tcp-proxy';

const NOTE = { title: 'Quarterly figures', content: null, status: 'PUBLISHED' as const, author: 'Ada' };

let server: FixtureServer;
let scenario: EventScenario;

beforeAll(async () => {
  server = await startFixtureServer();
});

afterAll(async () => {
  await server?.close();
});

beforeEach(async () => {
  await resetWorkerSchema(server.prisma);
  server.listeners.failure = null;
  scenario = eventScenario(server.app);
});

/** Rows in this worker's job queue, whatever their task. */
async function queuedJobs(): Promise<number> {
  const [{ count }] = await server.prisma.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM "${queueSchemaFor(server.prisma.config.schema)}"._private_jobs`,
  );
  return count;
}

describe('events', () => {
  it('publishes nothing when the transaction of the change rolls back', async () => {
    scenario.record(NoteAdded);

    await expect(server.notes.createThenFail(NOTE, 'the change failed')).rejects.toThrow('the change failed');

    expect(await scenario.published(NoteAdded)).toEqual([]);
    expect(await queuedJobs()).toBe(0);
    expect(await scenario.runPendingJobs()).toEqual({ ran: 0, failed: 0, deadLettered: 0 });
    expect(await server.listeners.effects()).toEqual([]);
  });

  it('delivers a committed event to each listener once, after the commit, when the pending jobs run', async () => {
    scenario.record(NoteAdded);
    const note = await server.notes.create(NOTE);

    const published = await scenario.published(NoteAdded);
    expect(published).toEqual([
      expect.objectContaining({ component: 'fixture', name: 'note-added', version: 1, payload: { noteId: note.id, title: NOTE.title } }),
    ]);
    expect(await server.listeners.effects()).toEqual([]);

    expect(await scenario.runPendingJobs()).toEqual({ ran: 2, failed: 0, deadLettered: 0 });
    const effects = await server.listeners.effects();
    expect(effects).toHaveLength(2);
    expect(effects).toEqual(
      expect.arrayContaining([
        { handler: 'record-note', ref: note.id, attempt: 1 },
        { handler: 'fail-on-demand', ref: note.id, attempt: 1 },
      ]),
    );
    expect(await scenario.runPendingJobs()).toEqual({ ran: 0, failed: 0, deadLettered: 0 });
  });

  it('dead-letters a listener that always throws after its maxAttempts, keeping its error, while the other listener runs once', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      server.listeners.failure = 'the mail server said no';
      const note = await server.notes.create(NOTE);

      const report = await scenario.runPendingJobs({ includeRetries: true });

      expect(report).toEqual({ ran: 1, failed: 3, deadLettered: 1 });
      const deadLetters = await scenario.deadLetters();
      expect(deadLetters).toEqual([
        {
          id: expect.any(String),
          task: 'event:fixture.FixtureListeners.failOnDemand',
          attempts: 3,
          lastError: expect.stringContaining('the mail server said no'),
        },
      ]);
      // The failing listener's own writes were rolled back with each attempt.
      expect(await server.listeners.effects()).toEqual([{ handler: 'record-note', ref: note.id, attempt: 1 }]);
      const warnings = warn.mock.calls.map(([message]) => String(message)).filter((message) => message.includes('will not run again'));
      expect(warnings).toEqual([
        `job ${deadLetters[0].id} (event fixture/note-added@1 to fixture.FixtureListeners.failOnDemand) failed 3 times and will not run again: the mail server said no; retry it with \`npm run jobs -- retry ${deadLetters[0].id}\``,
      ]);
      // Dead: a later run leaves it alone.
      expect(await scenario.runPendingJobs({ includeRetries: true })).toEqual({ ran: 0, failed: 0, deadLettered: 0 });
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a payload that is not plain JSON, naming the path, and writes nothing', async () => {
    const events = server.app.get(EventPublisher);
    const publish = server.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO fixture_note (title, status, author) VALUES ('x', 'DRAFT', 'y')`;
      await events.publish(tx, NoteAdded, { noteId: 'n1', title: new Date() as unknown as string });
    });

    await expect(publish).rejects.toThrow('payload.title is a Date');
    expect(await server.notes.count()).toBe(0);
    expect(await queuedJobs()).toBe(0);
  });

  it('refuses to publish outside a transaction, saying how to publish inside one', async () => {
    const events = server.app.get(EventPublisher);

    await expect(events.publish(server.prisma, NoteAdded, { noteId: 'n1', title: 't' })).rejects.toThrow(
      'publish fixture/note-added inside a transaction: pass the client your $transaction callback receives',
    );
    expect(await queuedJobs()).toBe(0);
  });
});

describe('jobs and schedules', () => {
  it('never runs a job enqueued inside a transaction that rolled back, and runs one enqueued inside a committed one', async () => {
    const jobs = server.app.get(JobQueue);
    await expect(
      server.prisma.$transaction(async (tx) => {
        await jobs.enqueue(NoteDigest, { noteId: 'rolled-back' }, { tx });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await server.prisma.$transaction((tx) => jobs.enqueue(NoteDigest, { noteId: 'committed' }, { tx }));

    expect(await scenario.runPendingJobs()).toEqual({ ran: 1, failed: 0, deadLettered: 0 });
    expect(await server.listeners.effects()).toEqual([{ handler: 'note-digest', ref: 'committed', attempt: 1 }]);
  });

  it('does not run a delayed job before its time, and runs it once it is due', async () => {
    const jobs = server.app.get(JobQueue);
    const { id } = await jobs.enqueue(NoteDigest, { noteId: 'later' }, { runAt: new Date(Date.now() + 3_600_000) });

    expect(await scenario.runPendingJobs({ includeRetries: true })).toEqual({ ran: 0, failed: 0, deadLettered: 0 });
    expect(await server.listeners.effects()).toEqual([]);

    // An hour passes (for this job).
    await server.prisma.$executeRawUnsafe(
      `UPDATE "${queueSchemaFor(server.prisma.config.schema)}"._private_jobs SET run_at = now() WHERE id = $1::bigint`,
      id,
    );
    expect(await scenario.runPendingJobs()).toEqual({ ran: 1, failed: 0, deadLettered: 0 });
    expect(await server.listeners.effects()).toEqual([{ handler: 'note-digest', ref: 'later', attempt: 1 }]);
  });

  it('runs a schedule of a component when the scenario asks, passing the tick it is for', async () => {
    expect(await scenario.runSchedule('fixture', 'tidy-notes')).toEqual({ ran: 1, failed: 0, deadLettered: 0 });

    const effects = await server.listeners.effects();
    expect(effects).toEqual([{ handler: 'tidy-notes', ref: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), attempt: 1 }]);
  });

  it("throws a schedule run's error from runSchedule, naming the schedule", async () => {
    server.listeners.failure = 'the disk is full';

    await expect(scenario.runSchedule('fixture', 'tidy-notes')).rejects.toThrow(
      'runSchedule(fixture, tidy-notes): the run failed: the disk is full',
    );
  });
});

/** The bound of each wait below: a hang on a slow machine, never a measure of speed. */
const WAIT = { timeoutMs: 20_000 };

/** Deliveries not done yet on `server`'s queue: its outbox rows (not relayed yet) and its event jobs, pending, locked or waiting to retry. */
async function undoneDeliveries(server: FixtureServer): Promise<number> {
  const queue = queueSchemaFor(server.prisma.config.schema);
  const [{ count }] = await server.prisma.$queryRawUnsafe<{ count: number }[]>(
    `SELECT (SELECT count(*) FROM "${queue}".event_outbox)::int
          + (SELECT count(*) FROM "${queue}"._private_jobs j JOIN "${queue}"._private_tasks t ON t.id = j.task_id
              WHERE starts_with(t.identifier, 'event:'))::int AS count`,
  );
  return count;
}

describe('a test server with jobs running', () => {
  it('delivers a committed event by itself, its worker pool holding its liveness lock and its schedule registered as a crontab item', async () => {
    const running = await startFixtureServer({ jobs: 'running' });
    try {
      const note = await running.notes.create(NOTE);

      // Until nothing of this event is left to deliver (outbox and queue empty), so no delivery can still add an effect:
      // the count below is final, whatever the timing.
      const { effects } = await waitForValue(
        'both listeners to record the note and no delivery to be left in the outbox or the queue',
        async () => {
          const undone = await undoneDeliveries(running);
          return { undone, effects: await running.listeners.effects() };
        },
        ({ undone, effects }) => undone === 0 && effects.length >= 2,
        WAIT,
      );
      expect(effects).toEqual(
        expect.arrayContaining([
          { handler: 'record-note', ref: note.id, attempt: 1 },
          { handler: 'fail-on-demand', ref: note.id, attempt: 1 },
        ]),
      );
      expect(effects).toHaveLength(2);

      const livenessLocks = await waitForValue(
        'the runner to hold its liveness lock',
        async () => {
          const [{ locks }] = await running.prisma.$queryRawUnsafe<{ locks: number }[]>(
            `SELECT count(*)::int AS locks FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE a.application_name = $1 AND l.locktype = 'advisory' AND l.granted`,
            `jobs-liveness ${queueSchemaFor(running.prisma.config.schema)}`,
          );
          return locks;
        },
        (locks) => locks >= 1,
        WAIT,
      );
      expect(livenessLocks).toBe(1);

      // Its schedules are graphile-worker crontab items (run once per tick across instances).
      const crontabs = await waitForValue(
        'the schedule to be registered as a crontab item',
        async () =>
          (
            await running.prisma.$queryRawUnsafe<{ identifier: string }[]>(
              `SELECT identifier FROM "${queueSchemaFor(running.prisma.config.schema)}"._private_known_crontabs`,
            )
          ).map((row) => row.identifier),
        (identifiers) => identifiers.includes('schedule:fixture.tidy-notes'),
        WAIT,
      );
      expect(crontabs).toContain('schedule:fixture.tidy-notes');
    } finally {
      await running.close();
    }
  });

  it('delivers again after every connection of its runner was cut (a failover), without crashing, and takes its liveness lock again', async () => {
    // Sweeps (which reopen a lost liveness session) every 200 ms.
    const running = await withEnvironment({ JOBS_STALE_LOCK_MS: '400' }, () => startFixtureServer({ jobs: 'running' }));
    // The runtime role the runner connects as may end its own sessions.
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const queue = queueSchemaFor(running.prisma.config.schema);
      const jobConnections = `SELECT pid FROM pg_stat_activity WHERE application_name IN ('jobs ${queue}', 'jobs-liveness ${queue}')`;
      await waitForValue(
        "the runner's connections to be open",
        async () => (await admin.query(jobConnections)).rowCount ?? 0,
        (count) => count > 0,
        WAIT,
      );

      const cut = await admin.query<{ pid: number }>(`SELECT pid, pg_terminate_backend(pid) FROM (${jobConnections}) AS job`);
      const cutPids = cut.rows.map((row) => row.pid);
      expect(cutPids.length).toBeGreaterThan(0);
      const note = await running.notes.create(NOTE);

      const effects = await waitForValue(
        'both listeners to record the note',
        () => running.listeners.effects(),
        (rows) => rows.length >= 2,
        WAIT,
      );
      expect(effects).toEqual(
        expect.arrayContaining([
          { handler: 'record-note', ref: note.id, attempt: expect.any(Number) },
          { handler: 'fail-on-demand', ref: note.id, attempt: expect.any(Number) },
        ]),
      );
      // Delivered over new connections.
      const now = (await admin.query<{ pid: number }>(jobConnections)).rows.map((row) => row.pid);
      expect(now.length).toBeGreaterThan(0);
      expect(now.filter((pid) => cutPids.includes(pid))).toEqual([]);
      const livenessLocks = await waitForValue(
        'the runner to take its liveness lock again',
        async () =>
          (
            await admin.query(
              `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE a.application_name = $1 AND l.locktype = 'advisory' AND l.granted`,
              [`jobs-liveness ${queue}`],
            )
          ).rowCount ?? 0,
        (locks) => locks >= 1,
        WAIT,
      );
      expect(livenessLocks).toBe(1);
    } finally {
      await admin.end();
      await running.close();
    }
  });

  it('keeps serving while its runner loses the database, restarting it with a doubling delay, and stops promptly', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // The workers reach PostgreSQL through a proxy (JOBS_DATABASE_URL, checked at startup through the app's Prisma
    // connection), which then refuses them while the app's own connection stays up: every start of the runner fails.
    const database = new URL(process.env.DATABASE_URL!);
    const proxy = await startTcpProxy(database.hostname, Number(database.port));
    const viaProxy = new URL(database);
    viaProxy.port = String(proxy.port);
    let running: FixtureServer | undefined;
    try {
      running = await withEnvironment({ JOBS_DATABASE_URL: viaProxy.toString() }, () => startFixtureServer({ jobs: 'running' }));
      await proxy.setMode('refuse');
      const restarts = await waitForValue(
        'two restarts of the runner to be logged',
        () =>
          Promise.resolve(
            warn.mock.calls.map(([message]) => String(message)).filter((message) => message.startsWith('restarting the job runner')),
          ),
        (messages) => messages.length >= 2,
        WAIT,
      );
      expect(restarts.slice(0, 2)).toEqual(['restarting the job runner in 1 s', 'restarting the job runner in 2 s']);
      expect((await fetch(`${running.baseUrl}/health/live`)).status).toBe(200);
    } finally {
      await running?.close();
      await proxy.close();
      warn.mockRestore();
    }
  });
});
