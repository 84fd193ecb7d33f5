import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../embedded/embedded-cluster';
import { compareSchemaWithMigrations } from '../../migration/schema-migrations-comparison';
import { noticeUnmigratedSchema, SCHEMA_CHANGED_LINE } from '../unmigrated-schema-notice';
import { createTableSql, FIXTURE_INIT, FixtureProject } from './fixture-project';

// The standard `prisma migrate` workflows and `npm run db:check`, with the real
// CLI on its WebAssembly engine, offline, from every state a developer meets.
// One fixture project (see fixture-project.ts) goes through a developer's day
// in order, so each step starts from the state the one before left: a fresh
// clone (no cluster), a stopped cluster, the cluster the running app owns.
// Every CLI run costs about a second, so the states are not rebuilt per test;
// a failing step makes the steps after it fail too.

const tableExists = (project: FixtureProject, table: string) =>
  project.query<{ present: boolean }>(`SELECT to_regclass('public."${table}"') IS NOT NULL AS present`).then((rows) => rows[0].present);

describe('prisma migrate workflows and db:check on the embedded database', () => {
  const project = FixtureProject.create();
  /** The cluster as `npm start` holds it, from the step that starts the app. */
  let app: EmbeddedDatabase | undefined;
  let createdOnly: string;

  afterAll(async () => {
    await app?.stop();
    project.remove();
  });

  it('on a fresh clone, migrate dev after a schema edit applies the committed migrations, then creates and applies the new one', async () => {
    project.addModel('FixtureTag');

    const run = await project.prisma('migrate', 'dev', '--name', 'add_tag');

    expect(run.output).not.toMatch(/shadow DB must be provided/);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/initialising a new PostgreSQL cluster/);
    expect(project.migrations()).toEqual([FIXTURE_INIT, expect.stringMatching(/^\d{14}_add_tag$/)]);
    expect(project.clusterIsRunning()).toBe(false);
    await expect(tableExists(project, 'FixtureTag')).resolves.toBe(true);
  });

  it('with the cluster stopped, npm run db:check fails on an unmigrated edit, naming the command that fixes it', async () => {
    project.addModel('FixtureLabel');

    const run = await project.dbCheck();

    expect(run.code).toBe(1);
    expect(run.output).toMatch(/run npx prisma migrate dev --name <name>/);
    expect(run.output).toMatch(/Added tables\s+- FixtureLabel/);
    expect(project.clusterIsRunning()).toBe(false);
  });

  it('migrate status lists a migration pulled from another branch as not yet applied and exits 1', async () => {
    project.addModel('FixturePulled');
    project.writeMigration('20990101000000_pulled', createTableSql('FixturePulled'));

    const run = await project.prisma('migrate', 'status');

    expect(run.code).toBe(1);
    expect(run.output).toMatch(/have not yet been applied:\s+20990101000000_pulled/);
  });

  it('migrate dev --create-only applies the pulled migration, then writes the new one without applying it', async () => {
    const run = await project.prisma('migrate', 'dev', '--create-only', '--name', 'add_label');

    expect(run.output).not.toMatch(/null pointer passed to rust|shadow DB must be provided/);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/created the following migration without applying it/);
    createdOnly = project.migrations().find((name) => name.endsWith('_add_label'))!;
    expect(createdOnly).toBeDefined();
    await expect(tableExists(project, 'FixturePulled')).resolves.toBe(true);
    await expect(tableExists(project, 'FixtureLabel')).resolves.toBe(false);
  });

  it('with the cluster running for the app, migrate dev applies the hand-edited SQL, leaves the cluster running and no shadow database, and exits at once', async () => {
    app = await project.startCluster();
    // What --create-only is for: SQL Prisma does not write, here an extension.
    const sqlFile = join(project.migrationsDir, createdOnly, 'migration.sql');
    writeFileSync(sqlFile, `CREATE EXTENSION IF NOT EXISTS pg_trgm;\n\n${readFileSync(sqlFile, 'utf8')}`);

    const run = await project.prisma('migrate', 'dev');

    expect(run.code).toBe(0);
    expect(run.output).toMatch(/using the embedded PostgreSQL already running/);
    // Unfixed, the engine's 10 s timers keep the process alive after its work.
    expect(run.idleTimers).toEqual([]);
    expect(project.clusterIsRunning()).toBe(true);
    expect(project.migrations()).toHaveLength(4);
    await expect(project.query(`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`)).resolves.toHaveLength(1);
    await expect(tableExists(project, 'FixtureLabel')).resolves.toBe(true);
    const databases = await project.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY 1`);
    expect(databases.map((row) => row.datname)).toEqual(['app', 'postgres']);
  });

  it('migrate status then reports the database up to date, and npm run db:check passes', async () => {
    const status = await project.prisma('migrate', 'status');
    await project.drawDataModel();
    await project.drawComponentMap();
    const check = await project.dbCheck();

    expect(status).toMatchObject({ code: 0, output: expect.stringMatching(/Database schema is up to date!/) });
    expect(check).toMatchObject({
      code: 0,
      output: expect.stringMatching(/db:check: ok, prisma\/migrations produce the collected schema/),
    });
    expect(check.output).toContain('db:check: ok, docs/data-model.md shows the current component schemas');
    expect(check.output).toContain('db:check: ok, docs/component-map.md shows the current components');
  });

  it('on start, says nothing while nothing changed (from the cached verdict), and one line naming migrate dev after an edit', async () => {
    const warnings: string[] = [];
    const warn = (line: string) => warnings.push(line);

    await noticeUnmigratedSchema(app!.ownerUrl, warn, project.root);
    await expect(compareSchemaWithMigrations({ projectRoot: project.root })).resolves.toMatchObject({ inStep: true, cached: true });
    expect(warnings).toEqual([]);
    project.addModel('FixtureDraft');
    await noticeUnmigratedSchema(app!.ownerUrl, warn, project.root);

    expect(warnings).toEqual([SCHEMA_CHANGED_LINE]);
    expect(SCHEMA_CHANGED_LINE).toBe('schema changed since the last migration: run npx prisma migrate dev --name <name>');
  });

  it('migrate reset --force empties the database and applies every migration again', async () => {
    await project.query(`INSERT INTO "FixtureNote" (title) VALUES ('gone after the reset')`);

    const run = await project.prisma('migrate', 'reset', '--force');

    expect(run.code).toBe(0);
    expect(run.output).toContain(createdOnly);
    await expect(project.query(`SELECT * FROM "FixtureNote"`)).resolves.toEqual([]);
    await expect(tableExists(project, 'FixtureLabel')).resolves.toBe(true);
  });

  it('on start, a comparison that cannot run is one warning line pointing at db:check, and the start goes on', async () => {
    writeFileSync(project.schemaFile, 'model FixtureNote {\n  id    Int    @id\n  title Strin\n}\n');
    const warnings: string[] = [];

    await expect(noticeUnmigratedSchema(app!.ownerUrl, (line) => warnings.push(line), project.root)).resolves.toBeUndefined();

    expect(warnings).toEqual([
      expect.stringMatching(/^could not compare the schema with prisma\/migrations \(.+\); run npm run db:check to see why$/),
    ]);
  });
});
