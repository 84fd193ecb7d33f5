import type { Prisma } from '@prisma/client';

/**
 * A Prisma interactive-transaction client: what `$transaction(async (tx) => ...)`
 * hands its callback, and what a listener or job handler gets as its delivery's
 * own transaction.
 */
export type TransactionClient = Prisma.TransactionClient;

/**
 * What publish and enqueue accept: a transaction client, including a
 * component's scoped view of one (`ComponentData<'demo'>`, the same object
 * at run time). A client that is not inside a transaction is refused at run time.
 */
export type TransactionLike = Partial<Prisma.TransactionClient>;

/**
 * The same client, with the raw-SQL methods a scoped view hides from its
 * type; throws `refusal` when it is not a transaction's client (a
 * transaction's client has no `$transaction`).
 */
export function transactionClientOf(client: TransactionLike, refusal: string): Prisma.TransactionClient {
  const candidate = client as { $executeRaw?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null || '$transaction' in candidate || typeof candidate.$executeRaw !== 'function') {
    throw new Error(refusal);
  }
  return client as Prisma.TransactionClient;
}
