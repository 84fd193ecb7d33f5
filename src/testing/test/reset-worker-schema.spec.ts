import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../database/runtime/prisma.service';
import { createDatabaseTestingModule } from '../create-database-testing-module';
import { resetWorkerSchema } from '../reset-worker-schema';
import { createWorkerSchemaFixture, WorkerSchemaFixture } from '../worker-schema-fixture';

// Foreign keys as Prisma writes them: NOT DEFERRABLE, ON DELETE RESTRICT,
// CASCADE or SET NULL. reset_author and reset_book reference each other (both
// keys NOT NULL, so no order of single DELETEs can empty them), and
// reset_category references itself. reset_untouched refuses every DELETE.
const FIXTURE = {
  drop: `DROP TABLE IF EXISTS reset_review, reset_note, reset_book, reset_author, reset_category, reset_untouched CASCADE;
    DROP FUNCTION IF EXISTS reset_refuse_delete();`,
  create: `
    CREATE TABLE reset_author (id int PRIMARY KEY, best_book_id int NOT NULL);
    CREATE TABLE reset_book (id int PRIMARY KEY, author_id int NOT NULL REFERENCES reset_author (id) ON DELETE RESTRICT ON UPDATE CASCADE);
    ALTER TABLE reset_author ADD FOREIGN KEY (best_book_id) REFERENCES reset_book (id) ON DELETE RESTRICT ON UPDATE CASCADE;
    CREATE TABLE reset_review (id int PRIMARY KEY, book_id int NOT NULL REFERENCES reset_book (id) ON DELETE CASCADE);
    CREATE TABLE reset_note (id int PRIMARY KEY, author_id int REFERENCES reset_author (id) ON DELETE SET NULL);
    CREATE TABLE reset_category (id int PRIMARY KEY, parent_id int REFERENCES reset_category (id) ON DELETE RESTRICT);
    CREATE TABLE reset_untouched (id int PRIMARY KEY);
    CREATE FUNCTION reset_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'resetWorkerSchema deleted from the empty table reset_untouched'; END $$;
    CREATE TRIGGER reset_untouched_refuses_delete BEFORE DELETE ON reset_untouched
      FOR EACH STATEMENT EXECUTE FUNCTION reset_refuse_delete();`,
};

const TABLES = ['reset_author', 'reset_book', 'reset_review', 'reset_note', 'reset_category'];

describe('resetWorkerSchema', () => {
  let fixture: WorkerSchemaFixture;
  let moduleRef: TestingModule;
  let prisma: PrismaService;

  beforeAll(async () => {
    fixture = await createWorkerSchemaFixture(FIXTURE);
    moduleRef = await createDatabaseTestingModule();
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await fixture?.drop();
  });

  /** Rows in every fixture table, written as the runtime role; the cycle needs one statement, as PostgreSQL checks keys at its end. */
  async function fillTables(): Promise<void> {
    await prisma.$executeRaw`WITH a AS (INSERT INTO reset_author VALUES (1, 10), (2, 20)) INSERT INTO reset_book VALUES (10, 1), (20, 2)`;
    await prisma.$executeRaw`INSERT INTO reset_review VALUES (1, 10), (2, 20)`;
    await prisma.$executeRaw`INSERT INTO reset_note VALUES (1, 1), (2, NULL)`;
    await prisma.$executeRaw`INSERT INTO reset_category VALUES (1, NULL), (2, 1), (3, 2)`;
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      counts[table] = (await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${fixture.schema}.${table}`))[0].n;
    }
    return counts;
  }

  const empty = Object.fromEntries(TABLES.map((table) => [table, 0]));

  it('empties a foreign-key cycle, a self-reference and the tables that cascade or set null from them', async () => {
    await fillTables();
    expect(await rowCounts()).toEqual({ reset_author: 2, reset_book: 2, reset_review: 2, reset_note: 2, reset_category: 3 });

    await resetWorkerSchema(prisma);

    expect(await rowCounts()).toEqual(empty);
  });

  it('empties the same tables again once they held rows before', async () => {
    await fillTables();
    await resetWorkerSchema(prisma);
    await fillTables();

    await resetWorkerSchema(prisma);

    expect(await rowCounts()).toEqual(empty);
  });

  it('leaves tables that were never written alone: it sends them no DELETE', async () => {
    await fillTables();

    // reset_untouched raises on any DELETE statement, even one that deletes nothing.
    await expect(resetWorkerSchema(prisma)).resolves.toBeUndefined();

    expect(await rowCounts()).toEqual(empty);
  });

  it('refuses a schema that is not a Jest worker schema', async () => {
    const outsideJest = { config: { schema: 'public' } } as PrismaService;

    await expect(resetWorkerSchema(outsideJest)).rejects.toThrow('resetWorkerSchema refuses schema "public"');
  });
});
