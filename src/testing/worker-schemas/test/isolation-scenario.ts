import { setTimeout as sleep } from 'node:timers/promises';
import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { createDatabaseTestingModule } from '../../create-database-testing-module';
import { jestWorkerSchema } from '../worker-schema-name';

const NAME = 'isolation-same-name';
const EMAIL = 'isolation@example.test';

/**
 * One of several identical suites that Jest spreads over its workers. Each
 * writes a DemoUser with the same unique name and email and holds it for a
 * moment: were two workers on one schema, the second insert would fail with
 * P2002 and the counts would see the other suite's row.
 */
export function describeIsolationScenario(suite: string): void {
  describe(`worker schema isolation (suite ${suite})`, () => {
    let moduleRef: TestingModule;
    let prisma: PrismaService;
    const schema = jestWorkerSchema(process.env);

    beforeAll(async () => {
      moduleRef = await createDatabaseTestingModule();
      prisma = moduleRef.get(PrismaService);
      // A run that died mid-test may have left the row behind in this schema.
      await prisma.demoUser.deleteMany({ where: { OR: [{ name: NAME }, { email: EMAIL }] } });
    });

    afterAll(async () => {
      await prisma?.demoUser.deleteMany({ where: { name: NAME } });
      await moduleRef?.close();
    });

    it("runs its queries in this worker's own schema", async () => {
      const rows = await prisma.$queryRaw<{ schema: string }[]>`SELECT current_schema()::text AS schema`;
      expect(rows).toEqual([{ schema }]);
    });

    it('holds a user with the shared name and email and sees only its own', async () => {
      const created = await prisma.demoUser.create({ data: { name: NAME, email: EMAIL } });

      await sleep(300);

      const own = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM ${schema}."DemoUser" WHERE name = $1`, NAME);
      expect(own).toEqual([{ id: created.id }]);
      expect(await prisma.demoUser.count({ where: { name: NAME } })).toBe(1);
    });
  });
}
