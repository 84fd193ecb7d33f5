import { Client } from 'pg';

// The app connects as the runtime role (DATABASE_URL); migrations as the owner
// (MIGRATION_DATABASE_URL). jest.globalSetup.ts provides both.
describe('the runtime database role', () => {
  let runtime: Client;

  beforeAll(async () => {
    runtime = new Client({ connectionString: process.env.DATABASE_URL });
    await runtime.connect();
  });

  afterAll(() => runtime.end());

  it('cannot create a table', async () => {
    await expect(runtime.query('CREATE TABLE public.intruder (id int)')).rejects.toThrow(/permission denied for schema public/);
  });

  it('cannot drop a table the owner created', async () => {
    await expect(runtime.query('DROP TABLE public."DemoPost"')).rejects.toThrow(/must be owner of table DemoPost/);
    const { rows } = await runtime.query<{ still_there: string | null }>(`SELECT to_regclass('public."DemoPost"') AS still_there`);
    expect(rows[0].still_there).not.toBeNull();
  });

  it('can read and write rows of the tables the migrations created', async () => {
    const { rows } = await runtime.query<{ dml: boolean }>(`
      SELECT bool_and(has_table_privilege(current_user, c.oid, 'SELECT, INSERT, UPDATE, DELETE')) AS dml
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`);
    expect(rows[0].dml).toBe(true);
  });
});
