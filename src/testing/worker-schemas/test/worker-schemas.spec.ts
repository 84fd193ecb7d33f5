import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrationsFingerprint } from '../migrations-fingerprint';
import { locatePgDump } from '../pg-dump-locator';
import { prepareWorkerSchemas } from '../worker-schemas';
import { createScratchDatabase, ScratchDatabase } from './scratch-database';

const pgDump = locatePgDump(15).path;

/** A scratch database, a migrations folder of its own, and a `migrate` that applies the folder's new files like `migrate deploy`. */
async function setUp(scratches: ScratchDatabase[], dirs: string[]) {
  const scratch = await createScratchDatabase();
  scratches.push(scratch);
  const client = await scratch.connect();
  const migrationsDir = mkdtempSync(join(tmpdir(), 'worker-schemas-migrations-'));
  dirs.push(migrationsDir);
  const applied = new Set<string>();
  const migrate = jest.fn(async () => {
    for (const name of readdirSync(migrationsDir).sort()) {
      if (applied.has(name)) continue;
      await client.query(readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8'));
      applied.add(name);
    }
  });
  const addMigration = (name: string, sql: string) => {
    mkdirSync(join(migrationsDir, name));
    writeFileSync(join(migrationsDir, name, 'migration.sql'), sql);
  };
  const prepare = () =>
    prepareWorkerSchemas(client, {
      ownerUrl: scratch.ownerUrl,
      runtimeRole: null,
      workers: 2,
      fingerprint: migrationsFingerprint(migrationsDir),
      pgDump,
      migrate,
    });
  return { client, migrate, addMigration, prepare, migrationsDir };
}

async function schemaOids(client: Client): Promise<Record<string, number>> {
  const { rows } = await client.query(`SELECT nspname, oid::int FROM pg_namespace WHERE nspname IN ('test_1', 'test_2')`);
  return Object.fromEntries(rows.map((row: { nspname: string; oid: number }) => [row.nspname, row.oid]));
}

describe('prepareWorkerSchemas', () => {
  const scratches: ScratchDatabase[] = [];
  const dirs: string[] = [];

  afterEach(async () => {
    await Promise.all(scratches.splice(0).map((scratch) => scratch.drop()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds nothing and does not migrate when the fingerprint is unchanged', async () => {
    const { client, migrate, addMigration, prepare } = await setUp(scratches, dirs);
    addMigration('001_init', 'CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL)');
    expect(await prepare()).toEqual({ schemas: ['test_1', 'test_2'], rebuilt: ['test_1', 'test_2'] });
    const before = await schemaOids(client);

    expect(await prepare()).toEqual({ schemas: ['test_1', 'test_2'], rebuilt: [] });

    expect(await schemaOids(client)).toEqual(before);
    expect(migrate).toHaveBeenCalledTimes(1);
  });

  it('migrates again and rebuilds every worker schema when a new migration is added', async () => {
    const { client, migrate, addMigration, prepare, migrationsDir } = await setUp(scratches, dirs);
    addMigration('001_init', 'CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL)');
    const first = migrationsFingerprint(migrationsDir);
    await prepare();
    const before = await schemaOids(client);

    addMigration('002_book', 'CREATE TABLE book (id serial PRIMARY KEY, author_id int REFERENCES author (id))');
    expect(migrationsFingerprint(migrationsDir)).not.toBe(first);
    expect(await prepare()).toEqual({ schemas: ['test_1', 'test_2'], rebuilt: ['test_1', 'test_2'] });

    expect(migrate).toHaveBeenCalledTimes(2);
    const { rows } = await client.query(
      `SELECT to_regclass('test_1.book') IS NOT NULL AS in_1, to_regclass('test_2.book') IS NOT NULL AS in_2`,
    );
    expect(rows[0]).toEqual({ in_1: true, in_2: true });
    const after = await schemaOids(client);
    expect(after.test_1).not.toBe(before.test_1);
    expect(after.test_2).not.toBe(before.test_2);
  });

  it('refuses to drop a test_<k> schema holding a table that it did not create, and leaves it as it was', async () => {
    const { client, migrate, addMigration, prepare } = await setUp(scratches, dirs);
    addMigration('001_init', 'CREATE TABLE author (id serial PRIMARY KEY)');
    await client.query(`CREATE SCHEMA test_1; CREATE TABLE test_1.notes (body text); INSERT INTO test_1.notes VALUES ('keep me')`);

    await expect(prepare()).rejects.toThrow(/schema test_1 exists with 1 objects but was not created by the test setup/);

    expect((await client.query('SELECT body FROM test_1.notes')).rows).toEqual([{ body: 'keep me' }]);
    expect(migrate).not.toHaveBeenCalled();
  });

  it('refuses to drop a test_<k> schema that it did not create even when it holds only a type and a function', async () => {
    const { client, addMigration, prepare } = await setUp(scratches, dirs);
    addMigration('001_init', 'CREATE TABLE author (id serial PRIMARY KEY)');
    await client.query(`CREATE SCHEMA test_2; CREATE TYPE test_2.mood AS ENUM ('calm');
      CREATE FUNCTION test_2.answer() RETURNS int LANGUAGE sql AS 'SELECT 42'`);

    await expect(prepare()).rejects.toThrow(/schema test_2 exists with 2 objects but was not created by the test setup/);

    expect((await client.query('SELECT test_2.answer() AS answer')).rows).toEqual([{ answer: 42 }]);
  });

  it('replaces an empty test_<k> schema that it did not create', async () => {
    const { client, addMigration, prepare } = await setUp(scratches, dirs);
    addMigration('001_init', 'CREATE TABLE author (id serial PRIMARY KEY)');
    await client.query('CREATE SCHEMA test_1');

    expect(await prepare()).toEqual({ schemas: ['test_1', 'test_2'], rebuilt: ['test_1', 'test_2'] });

    expect((await client.query(`SELECT to_regclass('test_1.author') IS NOT NULL AS cloned`)).rows).toEqual([{ cloned: true }]);
  });
});
