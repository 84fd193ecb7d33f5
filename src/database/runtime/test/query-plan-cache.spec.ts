import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { ConfigurationError } from '../../../platform/errors/configuration.error';
import { PrismaService } from '../prisma.service';
import { queryPlanTotals } from '../query-plan-cache';

// The plan cache against the real compiler and database: plans are reused,
// rows never are. The rows are accounts' rate-limit counters (key, points),
// the simplest model of a component the platform always ships with; the demo's
// models are not used, so the demo can be removed. Keys carry this run's
// prefix, so no other row is read or touched.
describe('PrismaService query plan cache', () => {
  const prisma = new PrismaService();
  const prefix = `plan-cache-${randomUUID()}:`;
  const mine: Prisma.AccountsRateLimitWhereInput = { key: { startsWith: prefix } };
  const row = (title: string) => ({ key: prefix + title, points: 1 });

  beforeAll(async () => {
    await prisma.onModuleInit();
  });

  afterAll(async () => {
    await prisma.accountsRateLimit.deleteMany({ where: mine });
    await prisma.$disconnect();
  });

  const keysOfThisRun = async () =>
    (await prisma.accountsRateLimit.findMany({ where: mine, orderBy: { key: 'asc' }, select: { key: true } })).map((counter) =>
      counter.key.slice(prefix.length),
    );

  it('compiles a read asked twice once', async () => {
    await keysOfThisRun();
    const before = queryPlanTotals();
    await keysOfThisRun();
    const after = queryPlanTotals();
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(0);
  });

  it('shows a write to the very next read that reuses the plan', async () => {
    expect(await keysOfThisRun()).toEqual([]);
    await prisma.accountsRateLimit.create({ data: row('first') });
    const hitsBefore = queryPlanTotals().hits;
    expect(await keysOfThisRun()).toEqual(['first']);
    await prisma.accountsRateLimit.updateMany({ where: mine, data: { key: prefix + 'renamed' } });
    expect(await keysOfThisRun()).toEqual(['renamed']);
    await prisma.accountsRateLimit.deleteMany({ where: mine });
    expect(await keysOfThisRun()).toEqual([]);
    expect(queryPlanTotals().hits - hitsBefore).toBe(3);
  });

  it('answers reads that differ only in their values with their own rows', async () => {
    await prisma.accountsRateLimit.createMany({ data: [row('alpha'), { ...row('beta'), points: 2 }] });
    const find = (title: string) => prisma.accountsRateLimit.findFirst({ where: { key: prefix + title }, select: { points: true } });
    for (let round = 0; round < 3; round++) {
      expect(await find('alpha')).toEqual({ points: 1 });
      expect(await find('beta')).toEqual({ points: 2 });
      expect(await find('gamma')).toBeNull();
    }
    await prisma.accountsRateLimit.deleteMany({ where: mine });
  });

  it('runs one shared, frozen plan many times at once with the same answer', async () => {
    await prisma.accountsRateLimit.createMany({ data: Array.from({ length: 5 }, (_, i) => row(`counter ${i}`)) });
    const counts = await Promise.all(Array.from({ length: 40 }, () => prisma.accountsRateLimit.count({ where: mine })));
    expect(new Set(counts)).toEqual(new Set([5]));
    await prisma.accountsRateLimit.deleteMany({ where: mine });
  });

  it('compiles writes every time', async () => {
    const before = queryPlanTotals();
    await prisma.accountsRateLimit.create({ data: row('write') });
    await prisma.accountsRateLimit.deleteMany({ where: mine });
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
