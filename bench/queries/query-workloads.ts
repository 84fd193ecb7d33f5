/** The ways of reading the demo list that `npm run bench:queries` compares. */
export const VARIANTS = ['prisma-no-plan-cache', 'prisma', 'prisma-raw-sql', 'pg'] as const;
export type VariantName = (typeof VARIANTS)[number];

export const VARIANT_LABELS: Record<VariantName, string> = {
  'prisma-no-plan-cache': 'Prisma 6.19, plan cache off (DATABASE_QUERY_PLAN_CACHE_SIZE=0)',
  prisma: 'Prisma 6.19 with the plan cache (the app)',
  'prisma-raw-sql': 'Prisma 6.19 `$queryRaw`, same SQL as pg',
  pg: 'node-postgres, no ORM (the bare limit’s queries)',
};

/**
 * `list`: the demo page's reads, the same every time (page 1: 20 posts with
 * their authors, and the count). `by-id`: one post by id, a different id
 * each time: the worst case for a cache of exact requests.
 */
export const WORKLOADS = ['list', 'by-id'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

export const LIST_PAGE_SQL = `SELECT p.id, p.title, p.content, p.status, p."createdAt", p."authorId", a."displayName" AS "authorName"
FROM "DemoPost" p JOIN "AccountsUser" a ON a.id = p."authorId"
ORDER BY p."createdAt" DESC, p.id DESC LIMIT $1 OFFSET $2`;
export const LIST_COUNT_SQL = 'SELECT count(*)::int AS total FROM "DemoPost"';
export const POST_BY_ID_SQL = `SELECT p.id, p.title, p.content, p.status, p."createdAt", p."authorId", a."displayName" AS "authorName"
FROM "DemoPost" p JOIN "AccountsUser" a ON a.id = p."authorId" WHERE p.id = $1::uuid`;

export interface VariantFigures {
  operations: number;
  /** Wall time per operation, CONCURRENCY at a time. */
  wallMs: number;
  /** CPU time of the Node process (user + system) per operation: what the database layer costs the app. */
  cpuMs: number;
  planCacheHits?: number;
  /** SQL statements sent per operation run alone (the fast-path candidates count them). */
  statements?: number;
  /** The same, CONCURRENCY at a time (Prisma batches concurrent findUnique calls). */
  statementsConcurrent?: number;
}

export const CONCURRENCY = 8;
export const WARM_UP = 200;
export const OPERATIONS = 1500;

/**
 * Runs `operation` WARM_UP times, then OPERATIONS times CONCURRENCY at a
 * time, and times the second part; `onMeasured` runs just before it starts.
 */
export async function measureOperations(operation: (index: number) => Promise<unknown>, onMeasured?: () => void): Promise<VariantFigures> {
  for (let i = 0; i < WARM_UP; i++) await operation(i);
  onMeasured?.();
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < OPERATIONS) await operation(WARM_UP + next++);
    }),
  );
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { operations: OPERATIONS, wallMs: wall / OPERATIONS, cpuMs: (used.user + used.system) / 1000 / OPERATIONS };
}
