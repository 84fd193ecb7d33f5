import { Client } from 'pg';
import { createWorkerSchemaFixture, WorkerSchemaFixture } from '../../../testing/worker-schema-fixture';

// The app connects as the runtime role (DATABASE_URL); migrations as the owner
// (MIGRATION_DATABASE_URL). jest.globalSetup.ts provides both. The tables here
// are the test's own, created by the owner, so the test needs no component.
describe('the runtime database role', () => {
  let runtime: Client;
  let owner: Client;
  let fixture: WorkerSchemaFixture;

  beforeAll(async () => {
    fixture = await createWorkerSchemaFixture({
      drop: 'DROP TABLE IF EXISTS runtime_role_probe',
      create: 'CREATE TABLE runtime_role_probe (id int PRIMARY KEY, note text)',
    });
    runtime = new Client({ connectionString: process.env.DATABASE_URL });
    await runtime.connect();
    owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
  });

  afterAll(async () => {
    await runtime?.end();
    await owner?.end();
    await fixture?.drop();
  });

  it('cannot create a table', async () => {
    await expect(runtime.query('CREATE TABLE public.intruder (id int)')).rejects.toThrow(/permission denied for schema public/);
  });

  it('cannot drop a table the owner created', async () => {
    const table = `${fixture.schema}.runtime_role_probe`;

    await expect(runtime.query(`DROP TABLE ${table}`)).rejects.toThrow(/must be owner of table runtime_role_probe/);

    const { rows } = await runtime.query<{ still_there: string | null }>(`SELECT to_regclass($1) AS still_there`, [table]);
    expect(rows[0].still_there).not.toBeNull();
  });

  it('may read and write rows, but not truncate, in any table the owner creates in public later, without a grant', async () => {
    // Rolled back: the table only has to exist long enough to ask about it.
    await owner.query('BEGIN');
    try {
      await owner.query('CREATE TABLE public.runtime_role_later (id int)');
      const runtimeRole = decodeURIComponent(new URL(process.env.DATABASE_URL!).username);
      const { rows } = await owner.query<{ dml: boolean; truncate: boolean }>(
        `SELECT has_table_privilege($1, 'public.runtime_role_later', 'SELECT, INSERT, UPDATE, DELETE') AS dml,
                has_table_privilege($1, 'public.runtime_role_later', 'TRUNCATE') AS truncate`,
        [runtimeRole],
      );
      expect(rows[0]).toEqual({ dml: true, truncate: false });
    } finally {
      await owner.query('ROLLBACK');
    }
  });

  it('can read and write rows of every table the migrations created', async () => {
    const { rows } = await runtime.query<{ without_dml: string[] }>(`
      SELECT coalesce(array_agg(c.relname::text) FILTER (WHERE NOT has_table_privilege(current_user, c.oid, 'SELECT, INSERT, UPDATE, DELETE')), '{}') AS without_dml
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`);
    expect(rows[0].without_dml).toEqual([]);
  });
});
