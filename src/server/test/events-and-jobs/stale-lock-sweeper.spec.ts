import type { TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createDatabaseTestingModule } from '../../../testing/create-database-testing-module';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';
import { StaleLockSweeper } from '../../../platform/jobs/stale-lock-sweeper';

let moduleRef: TestingModule;
let prisma: PrismaService;
let queue: string;

beforeAll(async () => {
  moduleRef = await createDatabaseTestingModule();
  prisma = moduleRef.get(PrismaService);
  queue = `"${queueSchemaFor(prisma.config.schema)}"`;
});

afterAll(async () => {
  await moduleRef?.close();
});

beforeEach(async () => {
  await resetWorkerSchema(prisma);
});

/** A job locked by `pool` two minutes ago, as a worker of that pool would have left it. */
async function jobLockedBy(pool: string): Promise<string> {
  const [{ id }] = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text AS id FROM ${queue}.add_job('job:fixture.note-digest', '{}'::json)`,
  );
  await prisma.$executeRawUnsafe(
    `UPDATE ${queue}._private_jobs SET locked_by = $1, locked_at = now() - interval '2 minutes', attempts = 1 WHERE id = $2::bigint`,
    pool,
    id,
  );
  return id;
}

async function lockedBy(id: string): Promise<string | null> {
  const [{ pool }] = await prisma.$queryRawUnsafe<{ pool: string | null }[]>(
    `SELECT locked_by AS pool FROM ${queue}._private_jobs WHERE id = $1::bigint`,
    id,
  );
  return pool;
}

describe('the stale-lock sweeper', () => {
  it("releases the jobs of a pool nobody holds the liveness lock of, and keeps those of a live pool's", async () => {
    const live = new Client({ connectionString: process.env.DATABASE_URL });
    await live.connect();
    const sweeper = new StaleLockSweeper({
      connectionString: process.env.DATABASE_URL!,
      schema: queueSchemaFor(prisma.config.schema),
      staleLockMs: 60_000,
    });
    try {
      await live.query(`SELECT pg_advisory_lock(hashtextextended('jobs-pool:' || $1::text, 0))`, ['pool-alive']);
      const orphan = await jobLockedBy('pool-crashed');
      const running = await jobLockedBy('pool-alive');

      // Free on one sweep could be a live instance reconnecting its liveness session: gone only when free on the next one too.
      expect(await sweeper.sweep()).toEqual([]);
      expect(await sweeper.sweep()).toEqual(['pool-crashed']);

      expect(await lockedBy(orphan)).toBeNull();
      expect(await lockedBy(running)).toBe('pool-alive');
    } finally {
      await sweeper.stop();
      await live.end();
    }
  });

  it('leaves a job locked for less than JOBS_STALE_LOCK_MS alone, even when its pool is gone', async () => {
    const sweeper = new StaleLockSweeper({
      connectionString: process.env.DATABASE_URL!,
      schema: queueSchemaFor(prisma.config.schema),
      staleLockMs: 600_000,
    });
    try {
      const recent = await jobLockedBy('pool-crashed');

      expect(await sweeper.sweep()).toEqual([]);
      expect(await lockedBy(recent)).toBe('pool-crashed');
    } finally {
      await sweeper.stop();
    }
  });
});
