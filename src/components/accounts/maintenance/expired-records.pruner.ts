import { Injectable } from '@nestjs/common';
import { type ComponentClient, OnSchedule, PrismaService, type ScheduledRun } from '../../../surface';
import { EmailTokensService, TOKEN_PRUNE_BATCH } from '../email-tokens/email-tokens.service';
import { AttemptsService, COUNTER_PRUNE_BATCH } from '../rate-limits/attempts.service';
import { PRUNE_BATCH, SessionsService } from '../sessions/sessions.service';

/**
 * Batches one scheduled run deletes at most, per table: 100 × 200 sessions,
 * 100 × 500 counters and 100 × 500 mailed-link tokens. A backlog larger than that (a database that missed
 * many ticks) is worked off by the following runs, so no run holds a
 * worker for long.
 */
export const MAX_BATCHES_PER_RUN = 100;

export interface PruneReport {
  sessions: number;
  counters: number;
  emailTokens: number;
}

/**
 * The `prune-expired` schedule (component.meta.ts): deletes sessions that can
 * never be used again, rate-limit counters whose window is long over and
 * mailed-link tokens past their expiry.
 * It used to run on every sign-in; as a schedule it runs once per tick
 * across all instances and costs sign-in nothing.
 */
@Injectable()
export class ExpiredRecordsPruner {
  private readonly db: ComponentClient<'accounts'>;

  constructor(
    private readonly sessions: SessionsService,
    private readonly attempts: AttemptsService,
    private readonly tokens: EmailTokensService,
    prisma: PrismaService,
  ) {
    this.db = prisma.forComponent('accounts');
  }

  @OnSchedule('prune-expired')
  async onSchedule(run: ScheduledRun): Promise<void> {
    await this.prune(run.scheduledAt);
  }

  async prune(now: Date): Promise<PruneReport> {
    return {
      sessions: await repeatWhileFull(PRUNE_BATCH, () => this.sessions.pruneExpired(now)),
      counters: await repeatWhileFull(COUNTER_PRUNE_BATCH, () => this.attempts.prune(now)),
      emailTokens: await repeatWhileFull(TOKEN_PRUNE_BATCH, () => this.tokens.pruneExpired(this.db, now)),
    };
  }
}

/** Runs `deleteBatch` until it deletes less than a full batch, at most MAX_BATCHES_PER_RUN times; the total deleted. */
async function repeatWhileFull(batch: number, deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < batch) break;
  }
  return total;
}
