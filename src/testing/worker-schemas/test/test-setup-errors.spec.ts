import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JEST_WORKERS_REQUIRED, readJestWorkers } from '../jest-workers';
import { locatePgDump } from '../pg-dump-locator';
import { ensureTestDatabase, TEST_DATABASE_MARK } from '../test-database-guard';
import { TestSetupError } from '../../errors/test-setup.error';
import { createScratchDatabase, ScratchDatabase } from './scratch-database';

function thrownBy(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

describe('readJestWorkers', () => {
  it.each([
    ['missing', undefined],
    ['zero', '0'],
    ['not a number', 'abc'],
    ['negative', '-2'],
  ])('rejects a %s JEST_WORKERS with the one-line fix', (_label, value) => {
    const error = thrownBy(() => readJestWorkers({ JEST_WORKERS: value }));
    expect(error).toBeInstanceOf(TestSetupError);
    expect(error.message).toBe(JEST_WORKERS_REQUIRED);
  });

  it('accepts a positive whole number', () => {
    expect(readJestWorkers({ JEST_WORKERS: '4' })).toBe(4);
  });
});

describe('locatePgDump with fake pg_dump executables', () => {
  let root: string;
  const fake = (major: number) => join(root, `pg${major}`, 'pg_dump');
  const dir = (major: number) => join(root, `pg${major}`);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pg-dump-locator-'));
    mkdirSync(join(root, 'empty'));
    for (const [major, version] of [
      [14, '14.9'],
      [15, '15.4'],
      [16, '16.1'],
    ] as const) {
      mkdirSync(dir(major));
      writeFileSync(fake(major), `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version}"\n`);
      chmodSync(fake(major), 0o755);
    }
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a PG_DUMP older than the server and says what to install', () => {
    const error = thrownBy(() => locatePgDump(15, { PG_DUMP: fake(14), PATH: dir(16) }, [fake(16)]));
    expect(error.message).toContain('pg_dump 15 or newer');
    expect(error.message).toContain(`PG_DUMP=${fake(14)} is 14`);
    expect(error.message).toContain('apt-get install postgresql-client-15');
  });

  it('uses a PG_DUMP newer than the server', () => {
    expect(locatePgDump(15, { PG_DUMP: fake(16), PATH: dir(15) }, [])).toEqual({ path: fake(16), major: 16 });
  });

  it('reports a too-old pg_dump on PATH when there is no other', () => {
    const error = thrownBy(() => locatePgDump(15, { PATH: dir(14) }, []));
    expect(error.message).toContain('pg_dump 15 or newer');
    expect(error.message).toContain(`${fake(14)} is 14`);
  });

  it('says pg_dump was not found when there is none anywhere', () => {
    const error = thrownBy(() => locatePgDump(15, { PATH: join(root, 'empty') }, []));
    expect(error.message).toContain('pg_dump not found');
    expect(error.message).toContain('apt-get install postgresql-client-15');
  });

  it('skips a too-old pg_dump on PATH for a good one in the usual folders', () => {
    expect(locatePgDump(15, { PATH: dir(14) }, [fake(15)])).toEqual({ path: fake(15), major: 15 });
  });
});

describe('ensureTestDatabase', () => {
  const scratches: ScratchDatabase[] = [];

  afterEach(async () => {
    await Promise.all(scratches.splice(0).map((scratch) => scratch.drop()));
  });

  async function scratchWithTable() {
    const scratch = await createScratchDatabase();
    scratches.push(scratch);
    const client = await scratch.connect();
    await client.query('CREATE TABLE public.account (id int PRIMARY KEY)');
    const mark = async () =>
      (
        await client.query<{ mark: string | null }>(
          `SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`,
          [scratch.name],
        )
      ).rows[0].mark;
    return { scratch, client, mark };
  }

  it('accepts a database whose public tables are empty and marks it as a test database', async () => {
    const { client, mark } = await scratchWithTable();

    await expect(ensureTestDatabase(client)).resolves.toBeUndefined();

    expect(await mark()).toBe(TEST_DATABASE_MARK);
  });

  it('refuses an unmarked database with a row in a public table and changes nothing', async () => {
    const { scratch, client, mark } = await scratchWithTable();
    await client.query('INSERT INTO public.account VALUES (42)');

    await expect(ensureTestDatabase(client)).rejects.toThrow(`refusing to run tests against database "${scratch.name}"`);

    expect((await client.query('SELECT id FROM public.account')).rows).toEqual([{ id: 42 }]);
    expect(await mark()).toBeNull();
  });

  it('refuses a database marked by an earlier run once real rows appear in it', async () => {
    const { scratch, client } = await scratchWithTable();
    await ensureTestDatabase(client);
    await client.query('INSERT INTO public.account VALUES (7)');

    await expect(ensureTestDatabase(client)).rejects.toThrow(`refusing to run tests against database "${scratch.name}"`);
  });

  it('refuses rows in a schema other than public, but not rows in worker schemas', async () => {
    const { scratch, client } = await scratchWithTable();
    await client.query('CREATE SCHEMA test_1; CREATE TABLE test_1.account (id int); INSERT INTO test_1.account VALUES (1)');
    await expect(ensureTestDatabase(client)).resolves.toBeUndefined();

    await client.query('CREATE SCHEMA billing; CREATE TABLE billing.invoice (id int); INSERT INTO billing.invoice VALUES (1)');

    await expect(ensureTestDatabase(client)).rejects.toThrow(`"${scratch.name}": it holds data (billing.invoice)`);
  });
});
