import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandRun, ProjectCopy } from '../../component-scaffold/test/project-copy';

// A component with a Prisma `view`, as its author writes it, in a temporary
// copy of the project: the build enables the views preview feature by itself,
// `prisma migrate dev --create-only` writes the table's migration, the author
// adds the CREATE VIEW, and the component's own tests (written into the copy
// below) read the view through the Prisma Client and the scoped client, in
// the Jest worker schema cloned from public. The steps share the copy, in
// order: each command costs seconds, and a failing step fails the later ones.

const STEP_TIMEOUT = 240_000;

const META = `import { defineComponent } from '../../surface';

export default defineComponent({ id: 'catalog', title: 'Catalog', routes: [] });
`;

const MODULE = `import { Module } from '@nestjs/common';

@Module({})
export class CatalogModule {}
`;

const SCHEMA = `model CatalogBook {
  id        Int     @id @default(autoincrement())
  title     String
  available Boolean @default(true)
}

/// Created by CREATE VIEW in this component's migration; Prisma only reads it.
view CatalogAvailableTitle {
  id    Int    @unique
  title String
}
`;

const CREATE_VIEW = `
-- CreateView (written by hand: prisma migrate does not create views)
CREATE VIEW "CatalogAvailableTitle" AS
SELECT "id", "title" FROM "CatalogBook" WHERE "available";
`;

/** The component's own test, run by `npm test` in the copy: what an author would write. */
const COMPONENT_TEST = `import { TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createDatabaseTestingModule } from '../../../testing/create-database-testing-module';

describe('the catalog view in the worker schema', () => {
  let moduleRef: TestingModule;
  let prisma: PrismaService;

  beforeAll(async () => {
    moduleRef = await createDatabaseTestingModule();
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  it('lists the available books through the view, with the Prisma Client and the scoped client', async () => {
    await prisma.catalogBook.createMany({ data: [{ title: 'Dune' }, { title: 'Lent out', available: false }] });

    const viaClient = await prisma.catalogAvailableTitle.findMany({ select: { title: true } });
    const catalog = prisma.forComponent('catalog');
    const viaScoped = await catalog.catalogAvailableTitle.findMany({ select: { title: true } });
    const inTransaction = await catalog.$transaction((tx) => tx.catalogAvailableTitle.count());

    expect(viaClient).toEqual([{ title: 'Dune' }]);
    expect(viaScoped).toEqual([{ title: 'Dune' }]);
    expect(inTransaction).toBe(1);
  });

  it("reads this worker schema's books, not public's", async () => {
    const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
    try {
      await owner.query(\`INSERT INTO public."CatalogBook" (title) VALUES ('Only in public')\`);
      const { rows } = await owner.query<{ definition: string }>(
        \`SELECT definition FROM pg_views WHERE schemaname = $1 AND viewname = 'CatalogAvailableTitle'\`,
        [process.env.DATABASE_SCHEMA],
      );

      const titles = await prisma.catalogAvailableTitle.findMany({ where: { title: 'Only in public' } });

      expect(process.env.DATABASE_SCHEMA).toMatch(/^test_\\d+$/);
      expect(titles).toEqual([]);
      expect(rows[0].definition).toContain(\`FROM \${process.env.DATABASE_SCHEMA}."CatalogBook"\`);
    } finally {
      await owner.query(\`DELETE FROM public."CatalogBook" WHERE title = 'Only in public'\`);
      await owner.end();
    }
  });
});
`;

/** Type-checked with the project's settings in the copy: a view's delegate reads, and writing through it is a type error. */
const TYPE_USAGE = `import type { ComponentClient } from '../../database/runtime/component-client';

export async function availableTitles(db: ComponentClient<'catalog'>): Promise<string[]> {
  // @ts-expect-error a view's delegate has no create: Prisma generates reads only
  await db.catalogAvailableTitle.create({ data: { id: 1, title: 'x' } });
  return (await db.catalogAvailableTitle.findMany()).map((row) => row.title);
}
`;

describe('a component with a view, in a temporary copy of the project', () => {
  let copy: ProjectCopy;

  beforeAll(() => {
    copy = ProjectCopy.create({ freeIds: ['catalog'] });
    mkdirSync(copy.path('src/components/catalog/prisma'), { recursive: true });
    mkdirSync(copy.path('src/components/catalog/test'), { recursive: true });
    copy.write('src/components/catalog/component.meta.ts', META);
    copy.write('src/components/catalog/component.module.ts', MODULE);
    copy.write('src/components/catalog/prisma/schema.prisma', SCHEMA);
    copy.write('src/components/catalog/test/available-titles.spec.ts', COMPONENT_TEST);
    copy.write('src/components/catalog/available-titles.ts', TYPE_USAGE);
  });

  afterAll(() => copy?.dispose());

  async function run(command: string): Promise<CommandRun> {
    const result = await copy.run(command, STEP_TIMEOUT - 10_000);
    if (result.code !== 0) throw new Error(`${command} exited with ${result.code} in the copy:\n${result.output}`);
    return result;
  }

  it(
    'builds the client with the views preview feature the view needs, without the component asking for it',
    async () => {
      const { output } = await run('npm run generate');

      expect(output).not.toContain('preview feature');
      expect(copy.read('prisma/schema/main.prisma')).toContain('previewFeatures = ["views"]');
    },
    STEP_TIMEOUT,
  );

  it(
    'writes a migration for the table only, to which the author adds the CREATE VIEW, and applies it',
    async () => {
      await run('npx prisma migrate dev --create-only --name catalog_init');
      const folder = readdirSync(copy.path('prisma/migrations')).find((name) => name.endsWith('_catalog_init'))!;
      const migration = join('prisma/migrations', folder, 'migration.sql');
      expect(copy.read(migration)).toContain('CREATE TABLE "CatalogBook"');
      expect(copy.read(migration)).not.toContain('VIEW');
      copy.write(migration, `${copy.read(migration)}${CREATE_VIEW}`);

      const { output } = await run('npx prisma migrate dev');

      expect(output).toMatch(/Already in sync|applied|in sync/i);
    },
    STEP_TIMEOUT,
  );

  it(
    'passes npm run db:check after npm run db:erd, which draws the view with the table',
    async () => {
      await run('npm run db:erd');
      const { output } = await run('npm run db:check');

      expect(copy.read('docs/data-model.md')).toContain('CatalogAvailableTitle');
      expect(output).not.toMatch(/differ/);
    },
    STEP_TIMEOUT,
  );

  it(
    "reads the view through the Prisma Client and the component's scoped client in its Jest worker schema",
    async () => {
      const { output } = await run('npm test -- src/components/catalog');

      expect(output).toMatch(/Tests: +2 passed, 2 total/);
    },
    STEP_TIMEOUT,
  );

  it(
    "type-checks the view's delegate on the scoped client as read-only",
    async () => {
      // The project's compiler settings on this one file and what it imports
      // (the client, the scoped client's types): the rest of the project is
      // type-checked by the outer run's own `npm run typecheck`.
      copy.write(
        'tsconfig.catalog.json',
        JSON.stringify({ extends: './tsconfig.json', include: ['src/components/catalog/available-titles.ts'] }),
      );
      await run('npx tsc --noEmit -p tsconfig.catalog.json');

      expect(readFileSync(copy.path('src/generated/component-models.ts'), 'utf8')).toContain(
        "'catalog': 'catalogBook' | 'catalogAvailableTitle';",
      );
    },
    STEP_TIMEOUT,
  );
});
