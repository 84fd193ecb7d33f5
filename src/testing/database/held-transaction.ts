import type { Prisma } from '@prisma/client';
import type { PrismaService } from '../../database/runtime/prisma.service';
import { DEFAULT_WAIT_TIMEOUT_MS, waitForValue } from '../process/wait-until';

/**
 * A transaction the test keeps open: the row locks its statements took stay
 * taken until `commit()`. With {@link waitUntilBlockedBy} it forces an order
 * on two transactions without timing: "this one holds the lock, that one is
 * waiting for it, now this one commits".
 */
export interface HeldTransaction {
  /** The transaction's client: statements run on it are part of the held transaction. */
  readonly tx: Prisma.TransactionClient;
  /** Its PostgreSQL backend (`pg_backend_pid()`), for pg_blocking_pids. */
  readonly pid: number;
  /** Commits, and resolves once the commit is done. */
  commit(): Promise<void>;
  /** Rolls back; for `finally` blocks, so a failed test leaves no lock behind. Does nothing once committed. */
  rollback(): Promise<void>;
}

class RolledBack extends Error {}

/** Opens a transaction on one of `prisma`'s connections and keeps it open until `commit()` or `rollback()`. */
export async function holdTransaction(prisma: PrismaService): Promise<HeldTransaction> {
  let opened!: (value: { tx: Prisma.TransactionClient; pid: number }) => void;
  let end!: (commit: boolean) => void;
  const whenOpened = new Promise<{ tx: Prisma.TransactionClient; pid: number }>((resolve) => (opened = resolve));
  const whenEnded = new Promise<boolean>((resolve) => (end = resolve));
  const done = prisma
    .$transaction(
      async (tx) => {
        const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        opened({ tx, pid });
        if (!(await whenEnded)) throw new RolledBack();
      },
      // Open as long as a wait may last, not the app's statement-bound default.
      { timeout: 2 * DEFAULT_WAIT_TIMEOUT_MS },
    )
    .then(
      () => 'committed' as const,
      (error: unknown) => {
        if (error instanceof RolledBack) return 'rolled back' as const;
        throw error;
      },
    );
  const { tx, pid } = await Promise.race([
    whenOpened,
    done.then((outcome) => {
      throw new Error(`the held transaction ended (${outcome}) before it opened`);
    }),
  ]);
  let finished = false;
  return {
    tx,
    pid,
    async commit() {
      finished = true;
      end(true);
      await done;
    },
    async rollback() {
      if (finished) return;
      finished = true;
      end(false);
      await done;
    },
  };
}

/**
 * Waits until at least one other statement is waiting for a lock held by
 * the backend `holderPid` (`pg_blocking_pids`: exact, whatever else runs on
 * the database), and returns how many are. `awaited` says which statement,
 * for the error when none ever is.
 */
export function waitUntilBlockedBy(prisma: PrismaService, holderPid: number, awaited: string): Promise<number> {
  return waitForValue(
    `${awaited} to wait for a lock held by backend ${holderPid}`,
    async () => {
      const [{ waiting }] = await prisma.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE ${holderPid}::int = ANY (pg_blocking_pids(pid))`;
      return waiting;
    },
    (waiting) => waiting > 0,
  );
}
