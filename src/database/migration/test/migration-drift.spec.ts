import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, ScratchDatabase } from '../../../testing/worker-schemas/test/scratch-database';
import { MigrationDriftError } from '../../../platform/errors/migration-drift.error';
import { runMigrateDeploy } from '../migrate-deploy';
import { readMigrationState } from '../migration-state';

describe('migration state against _prisma_migrations', () => {
  let scratch: ScratchDatabase;
  let dir: string;
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  function writeMigration(name: string, sql: string) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }

  /** Records migrations the way Prisma does after applying them. */
  async function recordApplied(entries: [string, string][]) {
    const client = await scratch.connect();
    await client.query(`CREATE TABLE public._prisma_migrations (id text PRIMARY KEY, checksum text NOT NULL, finished_at timestamptz, migration_name text NOT NULL,
      logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count int NOT NULL DEFAULT 0)`);
    for (const [name, checksum] of entries) {
      await client.query(`INSERT INTO public._prisma_migrations (id, checksum, finished_at, migration_name) VALUES ($1, $2, now(), $1)`, [
        name,
        checksum,
      ]);
    }
  }

  beforeEach(async () => {
    scratch = await createScratchDatabase();
    dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  });

  afterEach(async () => {
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every migration as pending on a database that has none', async () => {
    writeMigration('001_init', 'CREATE TABLE a (id int);');

    await expect(readMigrationState(scratch.ownerUrl, dir)).resolves.toEqual({ pending: ['001_init'], modified: [], unknown: [] });
  });

  it('tells pending, edited and foreign migrations apart', async () => {
    writeMigration('001_init', 'CREATE TABLE a (id int);');
    writeMigration('002_edited', 'CREATE TABLE b (id bigint);');
    writeMigration('003_new', 'CREATE TABLE c (id int);');
    await recordApplied([
      ['001_init', sha('CREATE TABLE a (id int);')],
      ['002_edited', sha('CREATE TABLE b (id int);')],
      ['009_other_branch', 'x'],
    ]);

    await expect(readMigrationState(scratch.ownerUrl, dir)).resolves.toEqual({
      pending: ['003_new'],
      modified: ['002_edited'],
      unknown: ['009_other_branch'],
    });
  });

  it('refuses to deploy over drift, naming the migrations and the fix, and applies nothing', async () => {
    writeMigration('001_init', 'CREATE TABLE a (id bigint);');
    writeMigration('002_new', 'CREATE TABLE b (id int);');
    await recordApplied([['001_init', sha('CREATE TABLE a (id int);')]]);

    const deploy = runMigrateDeploy(scratch.ownerUrl, dir);

    await expect(deploy).rejects.toBeInstanceOf(MigrationDriftError);
    await expect(deploy).rejects.toThrow(/edited after they were applied: 001_init.*npx prisma migrate reset/);
    const client = await scratch.connect();
    expect((await client.query<{ b: string | null }>(`SELECT to_regclass('public.b') AS b`)).rows[0].b).toBeNull();
  });
});
