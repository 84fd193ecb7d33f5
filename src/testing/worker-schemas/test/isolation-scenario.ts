import { setTimeout as sleep } from 'node:timers/promises';
import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createDatabaseTestingModule } from '../../create-database-testing-module';
import { createWorkerSchemaFixture, WorkerSchemaFixture } from '../../worker-schema-fixture';
import { jestWorkerSchema } from '../worker-schema-name';

const NAME = 'isolation-same-name';
const EMAIL = 'isolation@example.test';

/** A table of the suites' own, with the unique columns a shared schema would trip over. */
const FIXTURE = {
  drop: 'DROP TABLE IF EXISTS isolation_member',
  create: 'CREATE TABLE isolation_member (id serial PRIMARY KEY, name text NOT NULL UNIQUE, email text NOT NULL UNIQUE)',
};

/**
 * One of several identical suites that Jest spreads over its workers. Each
 * creates the fixture table in its worker schema, writes a row with the same
 * unique name and email through PrismaService and holds it for a moment:
 * were two workers on one schema, one suite's table would be dropped or its
 * insert would break the unique key, and the counts would see the other
 * suite's row.
 */
export function describeIsolationScenario(suite: string): void {
  describe(`worker schema isolation (suite ${suite})`, () => {
    let fixture: WorkerSchemaFixture;
    let moduleRef: TestingModule;
    let prisma: PrismaService;
    const schema = jestWorkerSchema(process.env);

    beforeAll(async () => {
      fixture = await createWorkerSchemaFixture(FIXTURE);
      moduleRef = await createDatabaseTestingModule();
      prisma = moduleRef.get(PrismaService);
    });

    afterAll(async () => {
      await moduleRef?.close();
      await fixture?.drop();
    });

    it("runs its queries in this worker's own schema", async () => {
      const rows = await prisma.$queryRaw<{ schema: string }[]>`SELECT current_schema()::text AS schema`;
      expect(rows).toEqual([{ schema }]);
    });

    it('holds a row with the shared name and email and sees only its own', async () => {
      const [created] = await prisma.$queryRaw<{ id: number }[]>`
        INSERT INTO isolation_member (name, email) VALUES (${NAME}, ${EMAIL}) RETURNING id`;

      await sleep(300);

      const own = await prisma.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM ${schema}.isolation_member WHERE name = $1`, NAME);
      expect(own).toEqual([{ id: created.id }]);
      const [{ count }] = await prisma.$queryRaw<
        { count: number }[]
      >`SELECT count(*)::int AS count FROM isolation_member WHERE name = ${NAME}`;
      expect(count).toBe(1);
    });
  });
}
