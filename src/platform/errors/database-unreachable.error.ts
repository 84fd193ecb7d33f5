/** PrismaService could not run its first query at startup. */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}
