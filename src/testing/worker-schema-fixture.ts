import { Client } from 'pg';
import { jestWorkerSchema } from './worker-schemas/worker-schema-name';

export interface WorkerSchemaFixture {
  /** This worker's schema, `test_<k>`, where the fixture's objects are. */
  schema: string;
  /** The owner connection (search_path = the worker schema), for DDL a test needs later. */
  owner: Client;
  /** Runs the fixture's `drop` SQL and closes the owner connection. Call it in `afterAll`. */
  drop(): Promise<void>;
}

export interface WorkerSchemaFixtureSql {
  /** Creates the fixture's tables (and types, functions, triggers) with unqualified names. */
  create: string;
  /** Removes them again, with `IF EXISTS`: it also runs before `create`, for what a run that died left behind. */
  drop: string;
}

/**
 * Tables of a test's own, created in this Jest worker's schema, so platform
 * tests need no component's tables (the demo must stay removable). The
 * runtime role the app connects as cannot create tables, so the owner role
 * (`MIGRATION_DATABASE_URL`, set by jest.globalSetup.ts) runs the SQL, with
 * `search_path` set to the worker schema alone, and grants the runtime role
 * DML on the schema's tables as the test setup does for cloned tables. Alone,
 * so that the fixture's unqualified `DROP … IF EXISTS` can never reach a
 * table of `public`; name extension types there in full (`public.citext`).
 *
 * Jest runs one file at a time per worker, so fixture names only have to be
 * unique among the files' own fixtures, not across workers.
 */
export async function createWorkerSchemaFixture(sql: WorkerSchemaFixtureSql): Promise<WorkerSchemaFixture> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  const runtimeUrl = process.env.DATABASE_URL;
  if (!ownerUrl || !runtimeUrl) {
    throw new Error(
      'createWorkerSchemaFixture needs MIGRATION_DATABASE_URL and DATABASE_URL; run the tests through `npm test` (jest.globalSetup.ts sets them)',
    );
  }
  const schema = jestWorkerSchema(process.env);
  const owner = new Client({ connectionString: ownerUrl, options: `-c search_path=${schema}` });
  await owner.connect();
  const runtimeRole = decodeURIComponent(new URL(runtimeUrl).username);
  const ownerRole = decodeURIComponent(new URL(ownerUrl).username);
  const grant =
    runtimeRole === ownerRole
      ? ''
      : `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${owner.escapeIdentifier(runtimeRole)};
         GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${owner.escapeIdentifier(runtimeRole)};`;
  try {
    await owner.query(`BEGIN;\n${sql.drop};\n${sql.create};\n${grant}\nCOMMIT;`);
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    await owner.end();
    throw new Error(`could not create the test fixture in ${schema}: ${(error as Error).message}`, { cause: error });
  }
  return {
    schema,
    owner,
    async drop() {
      try {
        await owner.query(sql.drop);
      } finally {
        await owner.end();
      }
    },
  };
}
