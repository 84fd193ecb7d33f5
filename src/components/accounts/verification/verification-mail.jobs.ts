import { Injectable } from '@nestjs/common';
import { type ComponentData, HandlesJob, Mailer, type QueuedJob, type TransactionClient } from '../../../surface';
import { ACCOUNT_PATHS } from '../account-paths';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { PASSWORD_RESET_PATHS } from '../password-reset/password-reset-paths';
import { type AccountMailJob, SendSignUpNotice, SendVerification } from './verification-jobs';
import { signUpNoticeMail, verificationMail } from './verification-mails';
import { VERIFICATION_LINK_TTL_MS } from './verification-policy';

const RECIPIENT = { id: true, email: true, displayName: true, passwordHash: true, emailVerifiedAt: true, deletedAt: true } as const;

/**
 * The mails of sign-up and verification, composed when their job runs (in
 * the job's transaction: the token and the queued mail exist together or not
 * at all). The request that queued the job did the same work whatever the
 * address; only here does it matter whether there is someone to write to.
 */
@Injectable()
export class VerificationMailJobs {
  constructor(
    private readonly mailer: Mailer,
    private readonly tokens: EmailTokensService,
  ) {}

  /** A link for the account's current address. Nothing for a deleted, placeholder or already verified account. */
  @HandlesJob(SendVerification)
  async sendVerification({ payload }: QueuedJob<AccountMailJob>, tx: TransactionClient): Promise<void> {
    const db: ComponentData<'accounts'> = tx;
    const account = await db.accountsUser.findUnique({ where: { id: payload.accountId }, select: RECIPIENT });
    if (!account || account.deletedAt || account.passwordHash === null || account.emailVerifiedAt) return;
    const token = await this.tokens.issue(db, account.id, 'VERIFY_EMAIL', account.email, VERIFICATION_LINK_TTL_MS);
    const links = { verify: this.mailer.link(ACCOUNT_PATHS.verifyEmail, { token }), account: this.mailer.link(ACCOUNT_PATHS.account) };
    await this.mailer.send(verificationMail(account.email, links), { tx });
  }

  /**
   * To the owner of a live account with a password. A placeholder account
   * (an author of example data, at an `.invalid` address nobody reads) and a
   * deleted one get nothing: there is nobody to sign in.
   */
  @HandlesJob(SendSignUpNotice)
  async sendSignUpNotice({ payload }: QueuedJob<AccountMailJob>, tx: TransactionClient): Promise<void> {
    const db: ComponentData<'accounts'> = tx;
    const account = await db.accountsUser.findUnique({ where: { id: payload.accountId }, select: RECIPIENT });
    if (!account || account.deletedAt || account.passwordHash === null) return;
    const links = { signIn: this.mailer.link(ACCOUNT_PATHS.signIn), passwordReset: this.mailer.link(PASSWORD_RESET_PATHS.request) };
    await this.mailer.send(signUpNoticeMail(account, links), { tx });
  }
}
