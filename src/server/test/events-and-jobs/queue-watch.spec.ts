import { Pool } from 'pg';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';
import { QUEUE_WATCH_ON_TIMER, QueueWatchService, type QueueWatchDatabase } from '../../../platform/jobs/queue-watch.service';
import { CapturedLogger } from '../../../testing/logging/captured-logger';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { startTestServer, type TestServer } from '../../../testing/start-test-server';

const MINUTE = 60_000;
/** Any moment: the watch only compares the moments of its own checks; waits come from the database's now(). */
const T0 = Date.UTC(2026, 0, 1);

let server: TestServer;
let logger: CapturedLogger;
let queue: string;
/** Nothing listens on port 1: each query is refused at once. */
const refused = new Pool({ connectionString: 'postgresql://nobody@127.0.0.1:1/nowhere', connectionTimeoutMillis: 5000 });

beforeAll(async () => {
  logger = new CapturedLogger();
  server = await startTestServer({}, { logger });
  queue = `"${queueSchemaFor(server.prisma.config.schema)}"`;
});

afterAll(async () => {
  await server?.close();
  await refused.end();
});

beforeEach(async () => {
  await resetWorkerSchema(server.prisma);
  logger.lines.length = 0;
});

/** A fresh watch (nothing seen yet) on the app's connection, not on a timer. */
const watchOf = (database: QueueWatchDatabase = server.prisma) => new QueueWatchService(database, false);

/** What the watch logged: its lines only, level first (each ends with its context, `Jobs`). */
const logged = () => logger.lines.filter((line) => line.text.includes('job queue ')).map((line) => `${line.level} ${line.text}`);

/** `count` jobs due since five minutes ago, as jobs nobody took would be. */
async function overdueJobs(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const [{ id }] = await server.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text AS id FROM ${queue}.add_job('job:fixture.note-digest', '{}'::json)`,
    );
    ids.push(id);
  }
  await server.prisma.$executeRawUnsafe(`UPDATE ${queue}._private_jobs SET run_at = now() - interval '5 minutes'`);
  return ids;
}

describe('the queue watch', () => {
  it("logs one warning for a stuck queue, naming the queue, what to check and the status command (the app's own watch), and stays ready", async () => {
    await overdueJobs(3);

    await server.app.get(QueueWatchService).checkNow(T0);
    expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);

    const where = `${queueSchemaFor(server.prisma.config.schema)} in 127.0.0.1:`;
    expect(logged()).toEqual([expect.stringMatching(/^warn job queue /)]);
    const [warning] = logged();
    expect(warning).toContain(where);
    expect(warning).toContain('stuck: 3 due jobs, the oldest waiting 5 min, and no job is running');
    expect(warning).toContain('JOBS_CONCURRENCY above 0');
    expect(warning).toContain('`npm run jobs -- status`');
    expect(warning).not.toMatch(/:[^:@/]*@/);
    expect(warning).toMatch(/ Jobs$/);
  });

  it('logs nothing more on a check within 15 min while the queue stays stuck, and repeats the warning after 15 min', async () => {
    await overdueJobs(1);
    const watch = watchOf();

    await watch.checkNow(T0);
    await watch.checkNow(T0 + MINUTE);
    await watch.checkNow(T0 + 14 * MINUTE);
    expect(logged()).toHaveLength(1);

    await watch.checkNow(T0 + 15 * MINUTE);
    expect(logged()).toHaveLength(2);
    expect(logged()[1]).toContain('stuck: 1 due job, the oldest waiting 5 min');
  });

  it('logs one line when the stuck queue moves again, and nothing for a queue that always moved', async () => {
    const watch = watchOf();
    await watch.checkNow(T0);
    expect(logged()).toEqual([]);
    await overdueJobs(2);
    await watch.checkNow(T0 + MINUTE);

    await server.prisma.$executeRawUnsafe(`DELETE FROM ${queue}._private_jobs`);
    await watch.checkNow(T0 + 2 * MINUTE);
    await watch.checkNow(T0 + 3 * MINUTE);

    expect(logged()).toEqual([
      expect.stringMatching(/^warn .*stuck: 2 due jobs/),
      expect.stringMatching(/^log the job queue \S+ in \S+ is moving again: no due job has waited over 60 s/),
    ]);
  });

  it('calls it a backlog when workers are running jobs while due jobs wait', async () => {
    const [running] = await overdueJobs(3);
    await server.prisma.$executeRawUnsafe(
      `UPDATE ${queue}._private_jobs SET locked_at = now(), locked_by = 'busy-pool', attempts = 1 WHERE id = $1::bigint`,
      running,
    );

    await watchOf().checkNow(T0);

    expect(logged()).toEqual([expect.stringMatching(/^warn job queue /)]);
    expect(logged()[0]).toContain('backlog: the oldest due job has waited 5 min; the workers are busy (1 running)');
    expect(logged()[0]).toContain('raise JOBS_CONCURRENCY or run more instances');
    expect(logged()[0]).not.toContain('stuck');
  });

  it('warns once after 3 failed checks when the database is unreachable, and says when it can check again', async () => {
    let reachable = false;
    const watch = watchOf({
      config: server.prisma.config,
      $queryRawUnsafe: async <T>(text: string, ...values: unknown[]) =>
        reachable ? server.prisma.$queryRawUnsafe<T>(text, ...values) : ((await refused.query(text, values)).rows as T),
    });

    await watch.checkNow(T0);
    await watch.checkNow(T0 + MINUTE);
    expect(logged()).toEqual([]);
    for (let minute = 2; minute < 20; minute += 1) await watch.checkNow(T0 + minute * MINUTE);

    expect(logged()).toEqual([
      expect.stringMatching(/^warn cannot check the job queue \S+ in \S+: 3 checks in a row failed, the last with: .*ECONNREFUSED/),
    ]);
    expect(logged()[0]).toContain('`npm run jobs -- status`');

    reachable = true;
    await watch.checkNow(T0 + 20 * MINUTE);
    expect(logged()).toEqual([
      expect.stringMatching(/^warn cannot check/),
      expect.stringMatching(/^log the job queue \S+ in \S+ can be checked again/),
    ]);
  });

  it("checks by itself once a minute on an unref'd timer when on one (the app), not in a test server with jobs manual, and stops at shutdown", async () => {
    await overdueJobs(1);
    const setTimer = jest.spyOn(global, 'setInterval');
    const clearTimer = jest.spyOn(global, 'clearInterval');
    const watch = new QueueWatchService(server.prisma, true);
    try {
      expect(server.app.get(QUEUE_WATCH_ON_TIMER)).toBe(false);
      watchOf().onApplicationBootstrap();
      expect(setTimer).not.toHaveBeenCalled();

      watch.onApplicationBootstrap();
      expect(setTimer).toHaveBeenCalledTimes(1);
      const [tick, every] = setTimer.mock.calls[0];
      const timer = setTimer.mock.results[0].value as NodeJS.Timeout;
      expect(every).toBe(MINUTE);
      expect(timer.hasRef()).toBe(false);

      tick();
      await watch.beforeApplicationShutdown();

      expect(clearTimer).toHaveBeenCalledWith(timer);
      expect(logged()).toEqual([expect.stringMatching(/^warn job queue .*stuck: 1 due job/)]);
    } finally {
      await watch.beforeApplicationShutdown();
      setTimer.mockRestore();
      clearTimer.mockRestore();
    }
  });
});
