// One way of reading the demo list, measured in a process of its own (the
// plan cache patches Prisma's compiler process-wide, so "off" and "on" cannot
// share one). Run by queries-bench.ts:
//   node --import tsx bench/queries/query-variant.ts <variant> <workload>
// with DATABASE_URL set; prints one JSON line of VariantFigures.
import { Pool } from 'pg';
import { PrismaService } from '../../src/database/runtime/prisma.service';
import { demoPosts } from '../demo-posts';
import { queryPlanTotals } from '../../src/database/runtime/query-plan-cache';
import {
  LIST_COUNT_SQL,
  LIST_PAGE_SQL,
  measureOperations,
  POST_BY_ID_SQL,
  VariantFigures,
  VariantName,
  WorkloadName,
} from './query-workloads';

/** What the demo's list reads of a post (POST_LIST_ITEM in its service): the author's id decides who sees Delete. */
const POST_CARD = {
  id: true,
  title: true,
  content: true,
  status: true,
  createdAt: true,
  authorId: true,
  author: { select: { displayName: true } },
} as const;

async function operationsFor(
  variant: VariantName,
  ids: string[],
): Promise<{ list: () => Promise<unknown>; byId: (i: number) => Promise<unknown>; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL!;
  if (variant === 'pg') {
    const pool = new Pool({ connectionString: url, max: 10 });
    return {
      list: () => Promise.all([pool.query(LIST_PAGE_SQL, [20, 0]), pool.query(LIST_COUNT_SQL)]),
      byId: (i) => pool.query(POST_BY_ID_SQL, [ids[i % ids.length]]),
      close: () => pool.end(),
    };
  }
  if (variant === 'prisma-no-plan-cache') process.env.DATABASE_QUERY_PLAN_CACHE_SIZE = '0';
  const prisma = new PrismaService();
  await prisma.onModuleInit();
  if (variant === 'prisma-raw-sql') {
    return {
      list: () => Promise.all([prisma.$queryRawUnsafe(LIST_PAGE_SQL, 20, 0), prisma.$queryRawUnsafe(LIST_COUNT_SQL)]),
      byId: (i) => prisma.$queryRawUnsafe(POST_BY_ID_SQL, ids[i % ids.length]),
      close: () => prisma.$disconnect(),
    };
  }
  return {
    list: () =>
      Promise.all([
        demoPosts(prisma).findMany({ select: POST_CARD, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 20 }),
        demoPosts(prisma).count(),
      ]),
    byId: (i) => demoPosts(prisma).findUnique({ where: { id: ids[i % ids.length] }, select: POST_CARD }),
    close: () => prisma.$disconnect(),
  };
}

async function main(): Promise<void> {
  const [variant, workload] = process.argv.slice(2) as [VariantName, WorkloadName];
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const ids = (await pool.query<{ id: string }>('SELECT id FROM "DemoPost" ORDER BY id')).rows.map((row) => row.id);
  await pool.end();
  const ops = await operationsFor(variant, ids);
  const before = queryPlanTotals();
  const figures: VariantFigures = await measureOperations(workload === 'list' ? () => ops.list() : (i) => ops.byId(i));
  const after = queryPlanTotals();
  figures.planCacheHits = after.hits - before.hits;
  await ops.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
