import { types } from 'node:util';
import { Prisma } from '@prisma/client';

interface AdapterConstraint {
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } };
  target?: unknown;
}

/** node-postgres's `DatabaseError` as the fast path (Kysely) hands it on: SQLSTATE, server severity and detail. */
interface PgError {
  code?: unknown;
  severity?: unknown;
  detail?: unknown;
}

/** `Key (email)=(…) already exists.` or `Key ("userId", "name")=(…)`: only the column list is read, never the values. */
const KEY_COLUMNS = /^Key \(([^)]*)\)=/;

/**
 * The fields of the unique constraint a write violated, or null for any
 * other error: Prisma's P2002, or PostgreSQL's 23505 through the fast path.
 * Over a driver adapter Prisma 6.19 reports them in
 * `meta.driverAdapterError.cause.constraint.fields`, not in the classic
 * `meta.target`; both are read. From the fast path they are read from the
 * server's detail line. An empty list means "unknown fields".
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code !== 'P2002') return null;
    const meta = (error.meta ?? {}) as AdapterConstraint;
    const fields = meta.driverAdapterError?.cause?.constraint?.fields ?? meta.target;
    return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
  }
  if (!(error instanceof Error || types.isNativeError(error))) return null;
  const { code, severity, detail } = error as PgError;
  if (code !== '23505' || typeof severity !== 'string') return null;
  const columns = typeof detail === 'string' ? KEY_COLUMNS.exec(detail)?.[1] : undefined;
  return columns === undefined ? [] : columns.split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
}
