import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { DatabaseModule } from '../../database/runtime/database.module';
import { PrismaService } from '../../database/runtime/prisma.service';
import { ShutdownState } from '../../platform/lifecycle/shutdown-state';
import { withEnvironment } from '../../testing/environment/with-environment';
import { DatabaseProbe } from '../database-probe';
import { HealthModule } from '../health.module';
import { DEFAULT_MIGRATIONS_DIR, MIGRATIONS_DIR } from '../migrations-applied.indicator';

interface Started {
  app: INestApplication;
  base: string;
}

async function startApp({ probe, migrationsDir }: { probe?: DatabaseProbe; migrationsDir?: string } = {}): Promise<Started> {
  let builder = Test.createTestingModule({ imports: [DatabaseModule, HealthModule] });
  if (probe) builder = builder.overrideProvider(DatabaseProbe).useValue(probe);
  if (migrationsDir) builder = builder.overrideProvider(MIGRATIONS_DIR).useValue(migrationsDir);
  const app = (await builder.compile()).createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl() };
}

/** An advisory lock key of this test's own. */
const HEALTH_TEST_LOCK = 740_211;

/** Waits until `count` sessions wait for HEALTH_TEST_LOCK (the limit only stops a test whose queries never come). */
async function waitForLockWaiters(client: Client, count: number): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`,
      [HEALTH_TEST_LOCK],
    );
    if (rows[0].waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} sessions came to wait for the advisory lock`);
}

/** Port 1 on loopback: nothing listens there, so every connection is refused. */
const unreachableProbe = () => withEnvironment({ DATABASE_URL: 'postgresql://nobody:none@127.0.0.1:1/none' }, () => new DatabaseProbe());

describe('health probes', () => {
  describe('with the database up and migrated', () => {
    let started: Started;
    beforeAll(async () => (started = await startApp()));
    afterAll(() => started.app.close());

    it.each(['/health/ready', '/health'])('%s answers 200 with the process, the database and the migrations up', async (path) => {
      const response = await fetch(started.base + path);

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: { process: { status: 'up' }, database: { status: 'up' }, migrations: { status: 'up', applied: expect.any(Number) } },
      });
    });

    it('/health/live answers 200 without asking the database', async () => {
      const response = await fetch(`${started.base}/health/live`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    });

    it('readiness answers JSON also to a browser asking for HTML', async () => {
      const response = await fetch(`${started.base}/health/ready`, { headers: { accept: 'text/html' } });

      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    });
  });

  describe('with the database unreachable', () => {
    let started: Started;
    beforeAll(async () => (started = await startApp({ probe: unreachableProbe() })));
    afterAll(() => started.app.close());

    it('readiness answers 503 naming the database, and no driver text', async () => {
      const response = await fetch(`${started.base}/health/ready`);
      const body = await response.json();

      expect(response.status).toBe(503);
      expect(body).toMatchObject({ status: 'error', error: { database: { status: 'down' }, migrations: { status: 'down' } } });
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:1|nobody/);
    });

    it('liveness still answers 200, so the orchestrator does not restart a process that only waits for its database', async () => {
      expect((await fetch(`${started.base}/health/live`)).status).toBe(200);
    });
  });

  describe('with every connection of the app’s pool busy', () => {
    let started: Started;
    beforeAll(async () => (started = await withEnvironment({ DATABASE_POOL_SIZE: '2' }, () => startApp())));
    afterAll(() => started.app.close());

    it('readiness still answers 200 on its own connection, so a busy instance is not taken out of service', async () => {
      const prisma = started.app.get(PrismaService);
      // Both pool connections wait on an advisory lock this test holds, so they
      // stay busy for exactly as long as the test says, on any machine.
      const holder = new Client({ connectionString: process.env.DATABASE_URL });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [HEALTH_TEST_LOCK]);
        // A Prisma query runs once something awaits it; Promise.resolve starts it now.
        const busy = [1, 2].map((n) =>
          Promise.resolve(
            prisma.$queryRaw`SELECT pg_advisory_lock(${HEALTH_TEST_LOCK}::bigint)::text, pg_advisory_unlock(${HEALTH_TEST_LOCK}::bigint), ${n}::int`,
          ),
        );
        await waitForLockWaiters(holder, 2);

        const response = await fetch(`${started.base}/health/ready`);
        await holder.query('SELECT pg_advisory_unlock($1)', [HEALTH_TEST_LOCK]);
        await Promise.all(busy);

        expect(response.status).toBe(200);
      } finally {
        await holder.end();
      }
    });
  });

  describe('with a migration of this build not applied yet', () => {
    let migrationsDir: string;
    let started: Started;
    beforeAll(async () => {
      migrationsDir = join(mkdtempSync(join(tmpdir(), 'health-migrations-')), 'migrations');
      cpSync(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
      mkdirSync(join(migrationsDir, '29990101000000_not_deployed_yet'));
      writeFileSync(join(migrationsDir, '29990101000000_not_deployed_yet', 'migration.sql'), 'SELECT 1;\n');
      started = await startApp({ migrationsDir });
    });
    afterAll(async () => {
      await started.app.close();
      rmSync(join(migrationsDir, '..'), { recursive: true, force: true });
    });

    it('readiness answers 503 naming the pending migration and the command that applies it', async () => {
      const response = await fetch(`${started.base}/health/ready`);

      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        error: {
          migrations: {
            status: 'down',
            pending: ['29990101000000_not_deployed_yet'],
            message: expect.stringContaining('prisma migrate deploy'),
          },
        },
      });
    });
  });

  describe('while the process is shutting down', () => {
    let started: Started;
    beforeAll(async () => (started = await startApp()));
    afterAll(() => started.app.close());

    it('readiness turns 503 while liveness stays 200', async () => {
      expect((await fetch(`${started.base}/health/ready`)).status).toBe(200);

      started.app.get(ShutdownState).begin();
      const ready = await fetch(`${started.base}/health/ready`);

      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ error: { process: { status: 'down', message: expect.stringMatching(/shutting down/) } } });
      expect((await fetch(`${started.base}/health/live`)).status).toBe(200);
    });
  });
});
