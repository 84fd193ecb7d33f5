import { TestingModule } from '@nestjs/testing';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { runComponentSeeds } from '../../../database/seeding/run-component-seeds';
import { createDatabaseTestingModule } from '../../../testing/create-database-testing-module';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { DEMO_POST_STATUSES } from '../component.types';
import seed from '../prisma/seed';

describe('the demo seed against PostgreSQL', () => {
  let moduleRef: TestingModule;
  let prisma: PrismaService;
  const seedAuthorEmails = ['ada.lovelace@placeholder.invalid', 'grace.hopper@placeholder.invalid'];
  const seedAuthors = { email: { in: seedAuthorEmails } };
  const runSeed = () => runComponentSeeds(prisma, [{ componentId: 'demo', seed }], () => undefined);

  beforeAll(async () => {
    moduleRef = await createDatabaseTestingModule();
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  // The seed's posts have fixed ids: each test starts from an empty schema, as a newcomer's database does.
  beforeEach(() => resetWorkerSchema(prisma));

  it('gives a newcomer posts of every status by two placeholder accounts nobody can sign in as', async () => {
    await runSeed();

    const authors = await prisma.accountsUser.findMany({ where: seedAuthors, select: { displayName: true, passwordHash: true } });
    expect(authors.map(({ displayName }) => displayName).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(authors.map(({ passwordHash }) => passwordHash)).toEqual([null, null]);
    const statuses = await prisma.demoPost.findMany({ where: { author: seedAuthors }, select: { status: true } });
    expect(new Set(statuses.map((post) => post.status))).toEqual(new Set(DEMO_POST_STATUSES));
  });

  it('creates no duplicates when it runs again', async () => {
    await runSeed();
    const before = [await prisma.accountsUser.count(), await prisma.demoPost.count()];

    await runSeed();

    expect([await prisma.accountsUser.count(), await prisma.demoPost.count()]).toEqual(before);
  });

  it('gives the posts to an account that already has a seed author’s email, and leaves that account as it was', async () => {
    const existing = await prisma.accountsUser.create({
      data: { email: seedAuthorEmails[0], displayName: 'Already here', passwordHash: null },
    });

    await runSeed();

    expect(await prisma.accountsUser.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(existing);
    expect(await prisma.demoPost.count({ where: { authorId: existing.id } })).toBe(2);
  });
});
