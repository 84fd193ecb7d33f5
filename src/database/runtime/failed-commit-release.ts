import type { PrismaPg } from '@prisma/adapter-pg';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

const COMMIT = /^\s*COMMIT\b/i;

/**
 * Works around a connection leak in Prisma 6.19 over `@prisma/adapter-pg`:
 * when the `COMMIT` of an interactive transaction fails (a serialization
 * failure under `Serializable`, a deferred constraint), the engine never
 * hands the transaction's connection back, so each such failure costs one
 * pooled connection for good, and after `DATABASE_POOL_SIZE` of them every
 * request waits for the pool and fails (src/server/test/database-failures.spec.ts
 * reproduces it). PostgreSQL has already ended the transaction when COMMIT
 * fails, so the connection is clean: it is returned to the pool then, once.
 */
export function releaseConnectionsOfFailedCommits(factory: PrismaPg): PrismaPg {
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
      if (COMMIT.test(query.sql)) await rollback();
      throw error;
    }
  };
  return transaction;
}
