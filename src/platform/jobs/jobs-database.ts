import type { Prisma } from '@prisma/client';

/**
 * What the job engine needs of the app's database client (PrismaService,
 * provided under this token by DatabaseModule): its settings and
 * transactions. A token, so the platform layer does not import the database layer.
 */
export const JOBS_DATABASE = Symbol('JOBS_DATABASE');

export interface JobsDatabase {
  readonly config: { url: string; schema: string };
  $transaction<R>(fn: (tx: Prisma.TransactionClient) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Prisma.PrismaPromise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Prisma.PrismaPromise<T>;
}

/** `"schema"`: a queue schema name is a plain identifier (DATABASE_SCHEMA is checked), quoted anyway. */
export const quoted = (schema: string): string => `"${schema.replace(/"/g, '""')}"`;
