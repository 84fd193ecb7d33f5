// The stale-lock sweeper's release rules (src/platform/jobs/stale-lock-sweeper.ts): two free sweeps before a
// pool counts as gone, a crash never using up a job's last attempt, its lost liveness session reopened at
// once, repeated failures warned about, and a clean stop.
import { Logger } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';
import { StaleLockSweeper } from '../../../platform/jobs/stale-lock-sweeper';
import { createDatabaseTestingModule } from '../../../testing/create-database-testing-module';
import { waitUntil } from '../../../testing/process/wait-until';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';

let moduleRef: TestingModule;
let prisma: PrismaService;
let schema: string;
let queue: string;
const sweepers: StaleLockSweeper[] = [];

beforeAll(async () => {
  moduleRef = await createDatabaseTestingModule();
  prisma = moduleRef.get(PrismaService);
  schema = queueSchemaFor(prisma.config.schema);
  queue = `"${schema}"`;
});

afterAll(async () => {
  await moduleRef?.close();
});

beforeEach(async () => {
  await resetWorkerSchema(prisma);
});

afterEach(async () => {
  await Promise.all(sweepers.splice(0).map((sweeper) => sweeper.stop()));
  jest.restoreAllMocks();
});

function sweeper(options: { staleLockMs?: number; schema?: string } = {}): StaleLockSweeper {
  const created = new StaleLockSweeper({
    connectionString: process.env.DATABASE_URL!,
    schema: options.schema ?? schema,
    staleLockMs: options.staleLockMs ?? 60_000,
  });
  sweepers.push(created);
  return created;
}

/** A job locked by `pool` two minutes ago at attempt `attempts` of `maxAttempts`, as a worker of that pool would have left it. */
async function jobLockedBy(pool: string, attempts = 1, maxAttempts = 3): Promise<string> {
  const [{ id }] = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text AS id FROM ${queue}.add_job('job:fixture.note-digest', '{}'::json, max_attempts => $1::int)`,
    maxAttempts,
  );
  await prisma.$executeRawUnsafe(
    `UPDATE ${queue}._private_jobs SET locked_by = $1, locked_at = now() - interval '2 minutes', attempts = $2 WHERE id = $3::bigint`,
    pool,
    attempts,
    id,
  );
  return id;
}

async function job(id: string): Promise<{ lockedBy: string | null; attempts: number; maxAttempts: number; lastError: string | null }> {
  const [row] = await prisma.$queryRawUnsafe<
    { lockedBy: string | null; attempts: number; maxAttempts: number; lastError: string | null }[]
  >(
    `SELECT locked_by AS "lockedBy", attempts, max_attempts AS "maxAttempts", last_error AS "lastError" FROM ${queue}._private_jobs WHERE id = $1::bigint`,
    id,
  );
  return row;
}

/** The backend holding `pool`'s liveness lock, if any. */
async function livenessHolder(pool: string): Promise<number | null> {
  const rows = await prisma.$queryRawUnsafe<{ pid: number }[]>(
    `SELECT l.pid FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.granted
       AND ((l.classid::bigint << 32) | l.objid::bigint) = (SELECT hashtextextended('jobs-pool:' || $1::text, 0))`,
    pool,
  );
  return rows[0]?.pid ?? null;
}

const warnings = () => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

describe('the stale-lock sweeper', () => {
  it("releases a pool's jobs only once its liveness lock was free on two sweeps in a row, so a pool whose instance is reconnecting keeps them", async () => {
    warnings();
    const swept = sweeper();
    const orphan = await jobLockedBy('pool-blinking');
    const live = new Client({ connectionString: process.env.DATABASE_URL });
    await live.connect();
    try {
      expect(await swept.sweep()).toEqual([]); // free once: maybe reconnecting
      await live.query(`SELECT pg_advisory_lock(hashtextextended('jobs-pool:' || $1::text, 0))`, ['pool-blinking']);
      expect(await swept.sweep()).toEqual([]); // held again: alive
      await live.query(`SELECT pg_advisory_unlock(hashtextextended('jobs-pool:' || $1::text, 0))`, ['pool-blinking']);
      expect(await swept.sweep()).toEqual([]); // free once more: the count starts over
      expect((await job(orphan)).lockedBy).toBe('pool-blinking');

      expect(await swept.sweep()).toEqual(['pool-blinking']);
      expect((await job(orphan)).lockedBy).toBeNull();
    } finally {
      await live.end();
    }
  });

  it('gives a job released during its last attempt one more attempt, says why in last_error, and warns once for the batch', async () => {
    const warn = warnings();
    const swept = sweeper();
    const last = await jobLockedBy('pool-crashed', 3, 3);
    const earlier = await jobLockedBy('pool-crashed', 1, 3);

    await swept.sweep();
    expect(await swept.sweep()).toEqual(['pool-crashed']);

    expect(await job(last)).toEqual({
      lockedBy: null,
      attempts: 3,
      maxAttempts: 4,
      lastError: expect.stringContaining('released after its instance (worker pool pool-crashed) stopped without finishing it'),
    });
    expect(await job(earlier)).toMatchObject({ lockedBy: null, attempts: 1, maxAttempts: 3 });
    const released = warn.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith('released'));
    expect(released).toEqual([
      expect.stringMatching(
        /^released the jobs locked for over 60000 ms by pool-crashed, which no running instance holds \(on two sweeps in a row; JOBS_STALE_LOCK_MS\): 2 job\(s\) of \S+ whose instance stopped without finishing them/,
      ),
    ]);
  });

  it('reopens its liveness session as soon as it is lost and holds its pools’ liveness locks again, without waiting for the next sweep', async () => {
    // Half an hour between sweeps: only an immediate reconnection takes the lock again within the test.
    const swept = sweeper({ staleLockMs: 3_600_000 });
    await swept.start();
    await swept.poolStarted('pool-mine');
    const before = await livenessHolder('pool-mine');
    expect(before).not.toBeNull();

    await prisma.$queryRawUnsafe(`SELECT pg_terminate_backend($1::int)`, before);

    const after = await waitUntil(
      'the liveness lock of pool-mine to be held by a new session',
      async () => {
        const holder = await livenessHolder('pool-mine');
        return holder !== null && holder !== before ? { done: true, value: holder } : { done: false, seen: `holder ${holder}` };
      },
      { timeoutMs: 15_000 },
    );
    expect(after).not.toBe(before);
  });

  it('warns once after three sweeps in a row failed, not at every failure', async () => {
    const warn = warnings();
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    // A queue schema that does not exist: every sweep fails (every 50 ms).
    const swept = sweeper({ staleLockMs: 100, schema: `${schema}_missing` });
    await swept.start();
    const failureLines = () =>
      [...warn.mock.calls, ...debug.mock.calls].map(([line]) => String(line)).filter((line) => line.startsWith('the stale-lock sweep'));

    await waitUntil('six failed sweeps', () =>
      failureLines().length >= 6 ? { done: true, value: undefined } : { done: false, seen: `${failureLines().length} failures` },
    );
    await swept.stop();

    const warned = warn.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith('the stale-lock sweep'));
    expect(warned).toEqual([
      expect.stringMatching(
        /^the stale-lock sweep of \S+_missing \(session "jobs-liveness \S+"\) failed 3 times in a row: .*JOBS_DATABASE_URL/,
      ),
    ]);
  });

  it('lets a sweep in flight finish when stopped, and leaves no liveness session open', async () => {
    warnings();
    const swept = sweeper();
    await swept.start();

    const sweeping = swept.sweep();
    await swept.stop();

    await expect(sweeping).resolves.toEqual([]);
    const [{ sessions }] = await prisma.$queryRawUnsafe<{ sessions: number }[]>(
      `SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE application_name = $1`,
      `jobs-liveness ${schema}`,
    );
    expect(sessions).toBe(0);
  });
});
