import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { runComponentSeeds } from '../../../database/seeding/run-component-seeds';
import { createDatabaseTestingModule } from '../../../testing/create-database-testing-module';
import { DEMO_POST_STATUSES } from '../component.types';
import seed from '../prisma/seed';

describe('the demo seed against PostgreSQL', () => {
  let moduleRef: TestingModule;
  let prisma: PrismaService;
  const seedAuthors = { name: { in: ['Ada Lovelace', 'Grace Hopper'] } };

  beforeAll(async () => {
    moduleRef = await createDatabaseTestingModule();
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  it('gives a newcomer two authors and posts of every status', async () => {
    await runComponentSeeds(prisma, [{ componentId: 'demo', seed }], () => undefined);

    expect(await prisma.demoUser.count({ where: seedAuthors })).toBe(2);
    const statuses = await prisma.demoPost.findMany({ where: { author: seedAuthors }, select: { status: true } });
    expect(new Set(statuses.map((post) => post.status))).toEqual(new Set(DEMO_POST_STATUSES));
  });

  it('creates no duplicates when it runs again', async () => {
    await runComponentSeeds(prisma, [{ componentId: 'demo', seed }], () => undefined);
    const before = [await prisma.demoUser.count(), await prisma.demoPost.count()];

    await runComponentSeeds(prisma, [{ componentId: 'demo', seed }], () => undefined);

    expect([await prisma.demoUser.count(), await prisma.demoPost.count()]).toEqual(before);
  });
});
