import { Injectable } from '@nestjs/common';
import { type ComponentClient, JobQueue, PrismaService } from '../../../surface';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { SendVerification } from './verification-jobs';

/** What following a verification link did. */
export type VerifyOutcome = { verified: true; email: string } | { verified: false };

/**
 * Address verification: a mailed link (EmailTokensService, purpose
 * VERIFY_EMAIL) sets `emailVerifiedAt`, for the address it was mailed to
 * only. Unverified accounts may do everything else (docs/guides/accounts.md).
 */
@Injectable()
export class VerificationService {
  private readonly db: ComponentClient<'accounts'>;

  constructor(
    prisma: PrismaService,
    private readonly tokens: EmailTokensService,
    private readonly jobs: JobQueue,
  ) {
    this.db = prisma.forComponent('accounts');
  }

  /** Whether the link's page should offer its button: a token that is neither unknown, used, expired nor of a deleted account. */
  async isUsable(token: unknown): Promise<boolean> {
    return (await this.tokens.peek(this.db, token, 'VERIFY_EMAIL')) !== null;
  }

  /**
   * Uses the link up and verifies the address it was mailed to, if the
   * account still has it (else the link is spent and verifies nothing). An
   * account verified already keeps its first verification time. The write is
   * conditional, not read-then-write: a verification committed meanwhile (an
   * older link, a password reset) keeps its time.
   */
  async verify(token: unknown, now = new Date()): Promise<VerifyOutcome> {
    return this.db.$transaction(async (tx) => {
      const holder = await this.tokens.consume(tx, token, 'VERIFY_EMAIL', now);
      if (!holder) return { verified: false };
      await tx.accountsUser.updateMany({
        where: { id: holder.userId, email: holder.email, emailVerifiedAt: null },
        data: { emailVerifiedAt: now },
      });
      const account = await tx.accountsUser.findUnique({ where: { id: holder.userId }, select: { email: true } });
      return account?.email === holder.email ? { verified: true, email: account.email } : { verified: false };
    });
  }

  async isVerified(accountId: string): Promise<boolean> {
    const account = await this.db.accountsUser.findUnique({ where: { id: accountId }, select: { emailVerifiedAt: true } });
    return account?.emailVerifiedAt != null;
  }

  /** Queues a new link (the older ones keep working until they expire). */
  async sendLink(accountId: string): Promise<void> {
    await this.jobs.enqueue(SendVerification, { accountId });
  }
}
