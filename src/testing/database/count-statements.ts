import type { PrismaService } from '../../database/runtime/prisma.service';

/**
 * What `work` returns, and how many SQL statements it ran: Prisma's and the
 * fast path's alike, as the query monitor counts them for a request
 * (DATABASE_QUERY_WARN_COUNT is on outside production, so in every test).
 */
export async function countStatements<T>(prisma: PrismaService, work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const tally = { queries: 0 };
  let pending: Promise<T> | undefined;
  prisma.queries.countInto(tally, () => {
    pending = work();
  });
  const result = await pending!;
  return { result, statements: tally.queries };
}
