import type { PrismaPg } from '@prisma/adapter-pg';
import { assertVendorPatch } from './vendor-patch-check';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** The statements that end a transaction; Prisma releases the connection only after they succeed. */
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK)\b/i;

/**
 * Works around a connection leak in Prisma 6.19 over `@prisma/adapter-pg`:
 * the engine runs `COMMIT` or `ROLLBACK` and only then hands the
 * transaction's connection back, so when that statement fails (a
 * serialization failure at COMMIT; a session the server ended, by a restart
 * or the idle-in-transaction timeout, at ROLLBACK) the connection is never
 * returned. Each such failure cost one pooled connection for good; after
 * `DATABASE_POOL_SIZE` of them every request waited for the pool and failed,
 * and `$disconnect` waited for ever (src/server/test/database-failures.spec.ts
 * reproduces both). A failed COMMIT has already ended the transaction, and
 * a connection that failed ROLLBACK is broken and dropped by the pool, so the
 * connection is released then, once (manifest entry
 * "prisma-adapter-failed-transaction-end").
 */
export function releaseConnectionsOfFailedTransactionEnds(factory: PrismaPg): PrismaPg {
  assertVendorPatch('prisma-adapter-failed-transaction-end');
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasedOnce(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}

function releasedOnce(transaction: Transaction): Transaction {
  let released = false;
  const release = (finish: () => Promise<void>) => async () => {
    if (released) return;
    released = true;
    await finish();
  };
  const commit = release(transaction.commit.bind(transaction));
  const rollback = release(transaction.rollback.bind(transaction));
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.commit = commit;
  transaction.rollback = rollback;
  transaction.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      // adapter-pg's rollback() only releases the connection; no SQL is sent.
      if (TRANSACTION_END.test(query.sql)) await rollback();
      throw error;
    }
  };
  return transaction;
}
