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

/** One row per effect of a listener, job or schedule run, written in its transaction: what the tests check. */
export interface FixtureEffect {
  handler: string;
  ref: string;
  attempt: number;
}

/**
 * Two listeners of fixture/note-added (one fails on demand), the note-digest
 * job's handler and the tidy-notes schedule's. Each writes a row to
 * fixture_effect, inside its delivery's transaction where it has one.
 */
@Injectable()
export class FixtureListeners {
  /** Set by a test: while set, `failOnDemand` writes its row and then throws this message (so its row is rolled back), and `tidy` throws it. */
  failure: string | null = null;

  constructor(private readonly prisma: PrismaService) {}

  @OnEvent(NoteAdded)
  async recordNote(event: DeliveredEvent<{ noteId: string; title: string }>, tx: TransactionClient): Promise<void> {
    await tx.$executeRaw`INSERT INTO fixture_effect (handler, ref, attempt) VALUES ('record-note', ${event.payload.noteId}, ${event.attempt})`;
  }

  @OnEvent(NoteAdded, { maxAttempts: 3 })
  async failOnDemand(event: DeliveredEvent<{ noteId: string; title: string }>, tx: TransactionClient): Promise<void> {
    await tx.$executeRaw`INSERT INTO fixture_effect (handler, ref, attempt) VALUES ('fail-on-demand', ${event.payload.noteId}, ${event.attempt})`;
    if (this.failure) throw new Error(this.failure);
  }

  @HandlesJob(NoteDigest)
  async digest(job: QueuedJob<{ noteId: string }>, tx: TransactionClient): Promise<void> {
    await tx.$executeRaw`INSERT INTO fixture_effect (handler, ref, attempt) VALUES ('note-digest', ${job.payload.noteId}, ${job.attempt})`;
  }

  @OnSchedule('tidy-notes')
  async tidy(run: ScheduledRun): Promise<void> {
    if (this.failure) throw new Error(this.failure);
    await this.prisma
      .$executeRaw`INSERT INTO fixture_effect (handler, ref, attempt) VALUES ('tidy-notes', ${run.scheduledAt.toISOString()}, 1)`;
  }

  /** What the handlers did, oldest first. */
  async effects(): Promise<FixtureEffect[]> {
    return this.prisma.$queryRaw<FixtureEffect[]>`SELECT handler, ref, attempt FROM fixture_effect ORDER BY id`;
  }
}
