import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTableSql, FIXTURE_INIT, FixtureProject } from '../../../src/database/provisioning/test/fixture-project';
import {
  compareSchemaWithMigrations,
  SchemaMigrationsComparisonOptions,
} from '../../../src/database/migration/schema-migrations-comparison';
import { MigrationReminder } from '../migration-reminder';

// What `npm run dev` prints after each rebuild, against the real Prisma CLI and
// PostgreSQL: a temporary project (see fixture-project.ts) whose schema is
// edited as a developer would. The comparison's shadow database is created on
// the test run's cluster, as its owner. Steps run in order: each starts from
// the state the one before left.

describe('the dev loop migration reminder', () => {
  const project = FixtureProject.create();
  const migrationUrl = process.env.MIGRATION_DATABASE_URL!;
  let prismaCalls = 0;
  const reminder = new MigrationReminder({
    projectRoot: project.root,
    migrationUrl,
    compare: (options: SchemaMigrationsComparisonOptions) => {
      prismaCalls += 1;
      // No verdict on disk: every call this test counts really asks Prisma.
      return compareSchemaWithMigrations({ ...options, cacheFile: null });
    },
  });

  afterAll(() => project.remove());

  it('says nothing while the committed migrations produce the schema', async () => {
    await expect(reminder.check()).resolves.toEqual({ lines: [], failed: false, repeated: false });
  });

  it('after a field is added without a migration, prints the command with a name for the change and what it changes', async () => {
    writeFileSync(project.schemaFile, readFileSync(project.schemaFile, 'utf8').replace('title String', 'title String\n  subtitle String?'));

    const { lines, failed } = await reminder.check();

    expect(failed).toBe(false);
    expect(lines[0]).toBe('schema changed since the last migration: run npx prisma migrate dev --name add_fixture_note_subtitle');
    expect(lines.slice(1, -1)).toEqual(['  [*] Changed the `FixtureNote` table', '    [+] Added column `subtitle`']);
    expect(lines.at(-1)).toMatch(/requests that use these changes fail/);
  });

  it('repeats the message at the next rebuild without asking Prisma again while nothing changed', async () => {
    const callsBefore = prismaCalls;

    const report = await reminder.check();

    expect(report.repeated).toBe(true);
    expect(report.lines[0]).toMatch(/--name add_fixture_note_subtitle$/);
    expect(prismaCalls).toBe(callsBefore);
  });

  it('names the component when several things changed', async () => {
    project.addModel('FixtureTag');

    const { lines } = await reminder.check();

    expect(lines[0]).toBe('schema changed since the last migration: run npx prisma migrate dev --name update_fixture');
    expect(lines).toContain('    - FixtureTag');
  });

  it('says nothing again once the migration is written', async () => {
    project.writeMigration(
      '20200102000000_update_fixture',
      'ALTER TABLE "FixtureNote" ADD COLUMN "subtitle" TEXT;\n\nCREATE TABLE "FixtureTag" (\n    "id" SERIAL NOT NULL,\n    "name" TEXT NOT NULL,\n\n    CONSTRAINT "FixtureTag_pkey" PRIMARY KEY ("id")\n);\n',
    );

    await expect(reminder.check()).resolves.toEqual({ lines: [], failed: false, repeated: false });
    expect(project.migrations()).toEqual([FIXTURE_INIT, '20200102000000_update_fixture']);
  });

  it('when the database cannot be reached, prints one line saying the check could not run and why, and does not throw', async () => {
    const unreachable = new MigrationReminder({
      projectRoot: project.root,
      // Port 1 refuses at once: nothing listens there.
      migrationUrl: 'postgresql://owner:secret@127.0.0.1:1/app',
      compare: (options) => compareSchemaWithMigrations({ ...options, cacheFile: null }),
    });
    appendFileSync(project.schemaFile, '\nmodel FixtureDraft {\n  id Int @id\n}\n');

    const report = await unreachable.check();

    expect(report.failed).toBe(true);
    expect(report.lines).toEqual([
      "could not check whether the schema needs a migration (Can't reach database server at `127.0.0.1:1`); the server runs anyway; run npm run db:check for the details",
    ]);
  });
});

describe('the dev loop migration reminder, when the schema is invalid', () => {
  const project = FixtureProject.create();
  afterAll(() => project.remove());

  it('prints one line naming the problem instead of throwing', async () => {
    writeFileSync(project.schemaFile, 'model FixtureNote {\n  id    Int    @id\n  title Strin\n}\n');
    const reminder = new MigrationReminder({ projectRoot: project.root, migrationUrl: process.env.MIGRATION_DATABASE_URL });

    const report = await reminder.check();

    expect(report).toMatchObject({ failed: true, repeated: false });
    expect(report.lines).toEqual([
      expect.stringMatching(/^could not check whether the schema needs a migration \(.*Strin.*\); the server runs anyway/),
    ]);
  });
});

describe('the dev loop migration reminder, after a component folder is deleted', () => {
  const project = FixtureProject.create();
  const shelf = join(project.root, 'src', 'components', 'shelf');
  const reminder = new MigrationReminder({
    projectRoot: project.root,
    migrationUrl: process.env.MIGRATION_DATABASE_URL,
    compare: (options) => compareSchemaWithMigrations({ ...options, cacheFile: null }),
  });
  afterAll(() => project.remove());

  it('says nothing while the component and the migration that created its table are both there', async () => {
    mkdirSync(join(shelf, 'prisma'), { recursive: true });
    writeFileSync(
      join(shelf, 'component.meta.ts'),
      `import { defineComponent } from '../../surface';\n\nexport default defineComponent({ id: 'shelf', title: 'Shelf', routes: [] });\n`,
    );
    writeFileSync(
      join(shelf, 'component.module.ts'),
      `import { Module } from '@nestjs/common';\n\n@Module({})\nexport class ShelfModule {}\n`,
    );
    writeFileSync(
      join(shelf, 'prisma', 'schema.prisma'),
      'model ShelfBook {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n',
    );
    project.writeMigration('20200102000000_add_shelf', createTableSql('ShelfBook'));

    await expect(reminder.check()).resolves.toEqual({ lines: [], failed: false, repeated: false });
  });

  it('names a migration that removes the component and says its table is still in the database until then', async () => {
    rmSync(shelf, { recursive: true });

    const { lines, failed } = await reminder.check();

    expect(failed).toBe(false);
    expect(lines).toEqual([
      'schema changed since the last migration: run npx prisma migrate dev --name remove_shelf',
      '  [-] Removed tables',
      '    - ShelfBook',
      'the database still has table ShelfBook (and its data) until that migration drops it',
    ]);
  });
});
