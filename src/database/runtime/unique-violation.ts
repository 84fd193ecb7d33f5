import { Prisma } from '@prisma/client';

interface AdapterConstraint {
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } };
  target?: unknown;
}

/**
 * The fields of the unique constraint a Prisma write violated (P2002), or
 * null for any other error. Over a driver adapter Prisma 6.19 reports them in
 * `meta.driverAdapterError.cause.constraint.fields`, not in the classic
 * `meta.target`; both are read, and an empty list means "unknown fields".
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return null;
  const meta = (error.meta ?? {}) as AdapterConstraint;
  const fields = meta.driverAdapterError?.cause?.constraint?.fields ?? meta.target;
  return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
}
