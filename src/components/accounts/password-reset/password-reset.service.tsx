import { Injectable } from '@nestjs/common';
import { type ComponentClient, type ComponentData, JobQueue, Mailer, PrismaService } from '../../../surface';
import { addressing } from '../account-mail-recipient';
import type { SignedIn } from '../component.types';
import { normaliseEmail } from '../email-address';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { hashPassword } from '../passwords/password-hasher';
import { SessionsService } from '../sessions/sessions.service';
import { PASSWORD_RESET_PATHS, RESET_LINK_TTL_MINUTES } from './password-reset-paths';
import { SendPasswordReset } from './send-password-reset.job';
import { PASSWORD_RESET_SUBJECT, PasswordResetMail, passwordResetText } from './ui/PasswordResetMail';

const TTL_MS = RESET_LINK_TTL_MINUTES * 60_000;

/**
 * Password reset: a request queues a job whatever the address; the job mails
 * a single-use link to a live account with a password; the link's form sets
 * a new password, ends every session of the account and starts one for the
 * browser that used it.
 */
@Injectable()
export class PasswordResetService {
  private readonly db: ComponentClient<'accounts'>;

  constructor(
    prisma: PrismaService,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly tokens: EmailTokensService,
    private readonly sessions: SessionsService,
  ) {
    this.db = prisma.forComponent('accounts');
  }

  /**
   * The request's whole work, the same for every address: one job with the
   * normalised email. Whether an account exists is looked up by the job,
   * outside the request, so neither the answer nor its timing can tell.
   */
  async request(email: string): Promise<void> {
    await this.jobs.enqueue(SendPasswordReset, { email: normaliseEmail(email) });
  }

  /**
   * The job's work, in its transaction: a token and the mail carrying it
   * (queued in the same transaction, so both exist or neither) for a live
   * account with a password; nothing for an unknown, deleted or placeholder one.
   * The display name is in the mail only if the address is verified.
   * @returns whether a link was mailed
   */
  async mailLink(tx: ComponentData<'accounts'>, email: string): Promise<boolean> {
    const account = await tx.accountsUser.findFirst({
      where: { email: normaliseEmail(email), deletedAt: null, passwordHash: { not: null } },
      select: { id: true, email: true, displayName: true, emailVerifiedAt: true },
    });
    if (!account) return false;
    const token = await this.tokens.issue(tx, account.id, 'PASSWORD_RESET', account.email, TTL_MS);
    const { to, greeting } = addressing(account);
    const content = {
      greeting,
      link: this.mailer.link(PASSWORD_RESET_PATHS.newPassword, { token }),
      validMinutes: RESET_LINK_TTL_MINUTES,
    };
    await this.mailer.send(
      {
        component: 'accounts',
        to,
        subject: PASSWORD_RESET_SUBJECT,
        html: <PasswordResetMail {...content} />,
        text: passwordResetText(content),
      },
      { tx },
    );
    return true;
  }

  /** Whether the link's token can still set a password (the form's page); uses nothing up. */
  async isUsable(token: unknown): Promise<boolean> {
    return (await this.tokens.peek(this.db, token, 'PASSWORD_RESET')) !== null;
  }

  /**
   * Sets the new password if the token is usable, else null. In one
   * transaction: the token used up, the new hash, the address marked
   * verified (the link proved the mailbox) if it is the one the link was
   * mailed to, every reset token of the account deleted, every session
   * revoked and a new one started for this browser. `previousToken`, the
   * session the browser had (maybe of another account), is revoked too.
   */
  async reset(token: unknown, password: string, previousToken?: string): Promise<SignedIn | null> {
    // argon2 costs tens of milliseconds of CPU: spent only for a token that works (a guess costs one indexed read).
    if (!(await this.isUsable(token))) return null;
    const passwordHash = await hashPassword(password);
    const signedIn = await this.db.$transaction(async (tx) => {
      const holder = await this.tokens.consume(tx, token, 'PASSWORD_RESET');
      if (!holder) return null;
      const now = new Date();
      const user = await tx.accountsUser.update({
        where: { id: holder.userId },
        data: { passwordHash, lastLoginAt: now },
        select: { id: true, email: true, displayName: true },
      });
      await tx.accountsUser.updateMany({
        where: { id: user.id, email: holder.email, emailVerifiedAt: null },
        data: { emailVerifiedAt: now },
      });
      await this.tokens.deleteFor(tx, user.id, 'PASSWORD_RESET');
      await this.sessions.revokeAll(user.id, tx, now);
      const session = await this.sessions.start(user.id, tx, now);
      // In the transaction: nothing that can fail is left for after the commit, which used the token up.
      if (previousToken) await this.sessions.revoke(previousToken, now, tx);
      return { user, session };
    });
    return signedIn;
  }
}
