import { Injectable } from '@nestjs/common';
import {
  type DeliveredEvent,
  HandlesJob,
  OnEvent,
  OnSchedule,
  PrismaService,
  type QueuedJob,
  type ScheduledRun,
  type TransactionClient,
} from '../../surface';
import { NoteAdded, NoteDigest } from './fixture-events';
import { HOLDS_BEFORE_TRANSACTION, holdBeforeTransactionIfAsked, holdInTransactionIfAsked } from './fixture-hold';

/** One row per effect of a listener, job or schedule run, written in its transaction: what the tests check. */
export interface FixtureEffect {
  handler: string;
  ref: string;
  attempt: number;
}

/**
 * Two listeners of fixture/note-added (one fails on demand), the note-digest
 * job's handler and the tidy-notes schedule's. Each writes a row to
 * fixture_effect, inside its delivery's transaction where it has one. With
 * FIXTURE_HOLD_FILE set (the failure tests' knob, fixture-hold.ts) the
 * listeners and the job hold until that file exists before their transaction
 * opens: the platform then gives them none (`transaction: false`) and they
 * open their own after the hold, with the same effect (commits when the run
 * resolves, rolls back when it throws).
 */
@Injectable()
export class FixtureListeners {
  /** Set by a test: while set, `failOnDemand` writes its row and then throws this message (so its row is rolled back), and `tidy` throws it. */
  failure: string | null = null;

  constructor(private readonly prisma: PrismaService) {}

  @OnEvent(NoteAdded, { transaction: !HOLDS_BEFORE_TRANSACTION })
  async recordNote(event: DeliveredEvent<{ noteId: string; title: string }>, tx?: TransactionClient): Promise<void> {
    const what = `recordNote's delivery of note ${event.payload.noteId}`;
    await this.inTransaction(what, tx, async (tx) => {
      await tx.$executeRaw`INSERT INTO fixture_effect (handler, ref, attempt) VALUES ('record-note', ${event.payload.noteId}, ${event.attempt})`;
      await holdInTransactionIfAsked(what);
    });
  }

  @OnEvent(NoteAdded, { maxAttempts: 3, transaction: !HOLDS_BEFORE_TRANSACTION })
  async failOnDemand(event: DeliveredEvent<{ noteId: string; title: string }>, tx?: TransactionClient): Promise<void> {
    const what = `failOnDemand's delivery of note ${event.payload.noteId}`;
    await this.inTransaction(what, tx, async (tx) => {
      await tx.$executeRaw`INSERT INTO fixture_effect (handler, ref, attempt) VALUES ('fail-on-demand', ${event.payload.noteId}, ${event.attempt})`;
      await holdInTransactionIfAsked(what);
      if (this.failure) throw new Error(this.failure);
    });
  }

  @HandlesJob(NoteDigest, { transaction: !HOLDS_BEFORE_TRANSACTION })
  async digest(job: QueuedJob<{ noteId: string }>, tx?: TransactionClient): Promise<void> {
    const what = `the note-digest job for ${job.payload.noteId}`;
    await this.inTransaction(what, tx, async (tx) => {
      await tx.$executeRaw`INSERT INTO fixture_effect (handler, ref, attempt) VALUES ('note-digest', ${job.payload.noteId}, ${job.attempt})`;
      await holdInTransactionIfAsked(what);
    });
  }

  @OnSchedule('tidy-notes')
  async tidy(run: ScheduledRun): Promise<void> {
    if (this.failure) throw new Error(this.failure);
    await this.prisma
      .$executeRaw`INSERT INTO fixture_effect (handler, ref, attempt) VALUES ('tidy-notes', ${run.scheduledAt.toISOString()}, 1)`;
  }

  /**
   * `run` in the transaction the platform gave (`tx`), or, when it gave none
   * (FIXTURE_HOLD_FILE: the runs hold first), in one of its own opened after the hold.
   */
  private async inTransaction(
    what: string,
    tx: TransactionClient | undefined,
    run: (tx: TransactionClient) => Promise<void>,
  ): Promise<void> {
    if (tx) return run(tx);
    await holdBeforeTransactionIfAsked(what);
    await this.prisma.$transaction((own) => run(own));
  }

  /** What the handlers did, oldest first. */
  async effects(): Promise<FixtureEffect[]> {
    return this.prisma.$queryRaw<FixtureEffect[]>`SELECT handler, ref, attempt FROM fixture_effect ORDER BY id`;
  }
}
