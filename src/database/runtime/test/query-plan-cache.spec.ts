import { randomUUID } from 'node:crypto';
import { ConfigurationError } from '../../../platform/errors/configuration.error';
import { PrismaService } from '../prisma.service';
import { queryPlanTotals } from '../query-plan-cache';

// The plan cache against the real compiler and database: plans are reused,
// rows never are.
describe('PrismaService query plan cache', () => {
  const prisma = new PrismaService();
  const authorName = `plan-cache-${randomUUID()}`;
  let authorId: string;

  beforeAll(async () => {
    await prisma.onModuleInit();
    // A placeholder account (no password hash): it owns the posts and can never sign in.
    ({ id: authorId } = await prisma.accountsUser.create({
      data: { displayName: authorName, email: `${authorName}@placeholder.invalid`, passwordHash: null },
    }));
  });

  afterAll(async () => {
    await prisma.accountsUser.deleteMany({ where: { id: authorId } });
    await prisma.$disconnect();
  });

  const titlesOfAuthor = async () =>
    (await prisma.demoPost.findMany({ where: { authorId }, orderBy: { title: 'asc' }, select: { title: true } })).map((post) => post.title);

  it('compiles a read asked twice once', async () => {
    await titlesOfAuthor();
    const before = queryPlanTotals();
    await titlesOfAuthor();
    const after = queryPlanTotals();
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(0);
  });

  it('shows a write to the very next read that reuses the plan', async () => {
    expect(await titlesOfAuthor()).toEqual([]);
    await prisma.demoPost.create({ data: { title: 'first', authorId } });
    const hitsBefore = queryPlanTotals().hits;
    expect(await titlesOfAuthor()).toEqual(['first']);
    await prisma.demoPost.updateMany({ where: { authorId }, data: { title: 'renamed' } });
    expect(await titlesOfAuthor()).toEqual(['renamed']);
    await prisma.demoPost.deleteMany({ where: { authorId } });
    expect(await titlesOfAuthor()).toEqual([]);
    expect(queryPlanTotals().hits - hitsBefore).toBe(3);
  });

  it('answers reads that differ only in their values with their own rows', async () => {
    await prisma.demoPost.createMany({ data: ['alpha', 'beta'].map((title) => ({ title, authorId })) });
    const find = (title: string) => prisma.demoPost.findFirst({ where: { authorId, title }, select: { title: true } });
    for (let round = 0; round < 3; round++) {
      expect(await find('alpha')).toEqual({ title: 'alpha' });
      expect(await find('beta')).toEqual({ title: 'beta' });
      expect(await find('gamma')).toBeNull();
    }
    await prisma.demoPost.deleteMany({ where: { authorId } });
  });

  it('runs one shared, frozen plan many times at once with the same answer', async () => {
    await prisma.demoPost.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ title: `post ${i}`, authorId })) });
    const counts = await Promise.all(Array.from({ length: 40 }, () => prisma.demoPost.count({ where: { authorId } })));
    expect(new Set(counts)).toEqual(new Set([5]));
    await prisma.demoPost.deleteMany({ where: { authorId } });
  });

  it('compiles writes every time', async () => {
    const before = queryPlanTotals();
    await prisma.demoPost.create({ data: { title: 'write', authorId } });
    await prisma.demoPost.deleteMany({ where: { authorId } });
    const after = queryPlanTotals();
    expect(after.uncached - before.uncached).toBe(2);
    expect(after.hits - before.hits).toBe(0);
  });

  it('refuses to start, saying what to do, when the generated client has no query compiler to put the cache in front of', async () => {
    const other = new PrismaService();
    (other as unknown as { _engineConfig: { compilerWasm?: unknown } })._engineConfig.compilerWasm = undefined;
    const started = other.onModuleInit();
    await expect(started).rejects.toBeInstanceOf(ConfigurationError);
    await expect(started).rejects.toThrow(/keep engineType = "client" in the generator .* or set DATABASE_QUERY_PLAN_CACHE_SIZE=0/);
    await other.$disconnect();
  });
});
