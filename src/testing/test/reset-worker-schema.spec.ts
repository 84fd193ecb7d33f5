import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../database/runtime/prisma.service';
import { createDatabaseTestingModule } from '../create-database-testing-module';
import { resetWorkerSchema } from '../reset-worker-schema';

describe('resetWorkerSchema', () => {
  let moduleRef: TestingModule;
  let prisma: PrismaService;

  beforeAll(async () => {
    moduleRef = await createDatabaseTestingModule();
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  it("empties this worker's tables, children before parents, and leaves public alone", async () => {
    const author = await prisma.demoUser.create({ data: { name: `reset ${randomUUID()}`, email: `${randomUUID()}@example.test` } });
    await prisma.demoPost.create({ data: { title: 'to be reset', authorId: author.id } });
    const countPublic = async () => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM public."DemoUser"`)[0].n;
    const publicBefore = await countPublic();

    await resetWorkerSchema(prisma);

    expect(await prisma.demoPost.count()).toBe(0);
    expect(await prisma.demoUser.count()).toBe(0);
    expect(await countPublic()).toBe(publicBefore);
  });

  it('refuses a schema that is not a Jest worker schema', async () => {
    const outsideJest = { config: { schema: 'public' } } as PrismaService;

    await expect(resetWorkerSchema(outsideJest)).rejects.toThrow('resetWorkerSchema refuses schema "public"');
  });
});
