import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';

/**
 * Knobs of the failure tests (src/server/test/events-and-jobs/failures/), set
 * in the environment of one app instance only (a child process). Whether the
 * runs hold before their transaction is read once, when the fixture's classes
 * are defined, since the decorators take it; the in-transaction hold is read
 * when a run starts, so an in-process spec (runner-shutdown.spec.ts) can ask
 * for it after the fixture was loaded.
 *
 * `FIXTURE_HOLD_FILE`: the fixture's listeners and job log `holding <what>`
 * when their run starts and then wait until that file exists, BEFORE their
 * transaction opens (the platform then opens none: they open their own after
 * the hold). So a test knows a delivery is under way in that process (its job
 * locked) and decides when it may finish, or kills the process or stops the
 * database first; and the wait, however long, cannot run into the cap on an
 * interactive transaction (DATABASE_STATEMENT_TIMEOUT_MS + 1 s, 11 s by
 * default), which would test that cap instead. An instance started without
 * the setting runs the same delivery at once, in the platform's transaction.
 *
 * `FIXTURE_HOLD_IN_TRANSACTION=1` as well: the hold happens INSIDE the
 * platform's transaction instead, after the run wrote its effect row, and
 * for at most IN_TRANSACTION_HOLD_MS. Only for the test that kills the process
 * mid-transaction (crash-recovery.spec.ts): it shows an effect written but
 * never committed does not count, and the delivery runs again once. That test
 * kills the instance as soon as it logged `holding`; if it has not by the
 * bound, the run fails with a message saying so, which the test checks for.
 */
const holdFile = (): string | undefined => process.env.FIXTURE_HOLD_FILE || undefined;
const holdsInTransaction = (): boolean => holdFile() !== undefined && process.env.FIXTURE_HOLD_IN_TRANSACTION === '1';

/** Whether the runs hold before their transaction: then the platform opens none for them (`transaction: false`). */
export const HOLDS_BEFORE_TRANSACTION = holdFile() !== undefined && !holdsInTransaction();

/** Below the 11 s cap on the transaction it holds, with room for the transaction's own statements. */
export const IN_TRANSACTION_HOLD_MS = 8_000;

/** The message of a run whose hold inside its transaction reached IN_TRANSACTION_HOLD_MS. */
export const IN_TRANSACTION_HOLD_EXPIRED = 'gave up holding inside its transaction';

/** With FIXTURE_HOLD_FILE set (and not FIXTURE_HOLD_IN_TRANSACTION): holds until the file exists. Call it before opening the run's transaction. */
export async function holdBeforeTransactionIfAsked(what: string): Promise<void> {
  if (HOLDS_BEFORE_TRANSACTION) await hold(what, Number.POSITIVE_INFINITY);
}

/** With FIXTURE_HOLD_IN_TRANSACTION=1 as well: holds inside the run's transaction until the file exists, at most IN_TRANSACTION_HOLD_MS, else throws. */
export async function holdInTransactionIfAsked(what: string): Promise<void> {
  if (!holdsInTransaction()) return;
  if (!(await hold(what, IN_TRANSACTION_HOLD_MS)))
    throw new Error(
      `${what}: ${IN_TRANSACTION_HOLD_EXPIRED} after ${IN_TRANSACTION_HOLD_MS} ms (FIXTURE_HOLD_IN_TRANSACTION): the test was to kill this instance before, and the transaction's cap is near`,
    );
}

/** How long GET /fixture/held waits for FIXTURE_HOLD_FILE at most: a test that failed before creating it does not hang the app's stop. */
export const REQUEST_HOLD_MS = 60_000;

/**
 * With FIXTURE_HOLD_FILE set: GET /fixture/held logs `holding <what>` and answers only once the file exists (at most
 * REQUEST_HOLD_MS), so a test knows a request is being served and decides when it ends (or hangs up first).
 * Without it, answers at once.
 */
export async function holdRequestIfAsked(what: string): Promise<void> {
  if (holdFile() !== undefined) await hold(what, REQUEST_HOLD_MS);
}

/** Waits until FIXTURE_HOLD_FILE exists, at most `boundMs`; false if it did not appear in time. */
async function hold(what: string, boundMs: number): Promise<boolean> {
  const file = holdFile()!;
  const logger = new Logger('FixtureHold');
  logger.log(`holding ${what} until ${file} exists`);
  const deadline = performance.now() + boundMs;
  while (!existsSync(file)) {
    if (performance.now() >= deadline) return false;
    await sleep(50);
  }
  logger.log(`released ${what}`);
  return true;
}
