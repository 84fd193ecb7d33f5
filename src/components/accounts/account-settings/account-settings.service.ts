import { Injectable } from '@nestjs/common';
import { type ComponentClient, EventPublisher, PrismaService } from '../../../surface';
import { AccountDeleted } from '../account-events';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../passwords/password-hasher';
import { SessionsService } from '../sessions/sessions.service';

/** What a deleted account's email becomes: unique, under the reserved `.invalid` domain (never mailed), and the real address is free again. */
export const deletedAccountEmail = (accountId: string) => `deleted-${accountId}@accounts.invalid`;

export type SettingsOutcome = 'done' | 'wrong-password';

/**
 * What a signed-in person changes about their own account: the password,
 * and the account's existence. Both ask for the current password first, and
 * change nothing when it is wrong.
 */
@Injectable()
export class AccountSettingsService {
  private readonly db: ComponentClient<'accounts'>;

  constructor(
    prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly events: EventPublisher,
  ) {
    this.db = prisma.forComponent('accounts');
  }

  /**
   * Sets a new password when `currentPassword` is right. In one transaction:
   * the new hash, every other session of the account ended (`keepToken`'s,
   * this browser's, stays), and the account's password-reset links voided.
   * The write is conditional on the hash that was checked, so a password
   * changed meanwhile (another tab, a reset) counts as a wrong one.
   */
  async changePassword(
    accountId: string,
    currentPassword: string,
    newPassword: string,
    keepToken: string | undefined,
  ): Promise<SettingsOutcome> {
    const checked = await this.checkedHash(accountId, currentPassword);
    if (checked === null) return 'wrong-password';
    const passwordHash = await hashPassword(newPassword);
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.accountsUser.updateMany({
        where: { id: accountId, passwordHash: checked, deletedAt: null },
        data: { passwordHash },
      });
      if (count === 0) return 'wrong-password';
      await this.sessions.revokeAllExcept(accountId, keepToken, tx);
      await tx.accountsEmailToken.deleteMany({ where: { userId: accountId, purpose: 'PASSWORD_RESET' } });
      return 'done';
    });
  }

  /**
   * Soft-deletes the account when `password` is right, in one transaction:
   * `deletedAt` set, the password hash removed (no sign-in, ever), the email
   * replaced by {@link deletedAccountEmail} (so the address may sign up again),
   * every session ended, every mailed link deleted, and AccountDeleted
   * published: it exists if and only if all of this commits.
   */
  async deleteAccount(accountId: string, password: string): Promise<SettingsOutcome> {
    const checked = await this.checkedHash(accountId, password);
    if (checked === null) return 'wrong-password';
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.accountsUser.updateMany({
        where: { id: accountId, passwordHash: checked, deletedAt: null },
        data: { deletedAt: new Date(), passwordHash: null, email: deletedAccountEmail(accountId) },
      });
      if (count === 0) return 'wrong-password';
      await this.sessions.revokeAllExcept(accountId, undefined, tx);
      await tx.accountsEmailToken.deleteMany({ where: { userId: accountId } });
      await this.events.publish(tx, AccountDeleted, { accountId });
      return 'done';
    });
  }

  /** The stored hash when `password` matches it, else null; a missing hash costs a verification too, like sign-in. */
  private async checkedHash(accountId: string, password: string): Promise<string | null> {
    const found = await this.db.accountsUser.findUnique({ where: { id: accountId }, select: { passwordHash: true, deletedAt: true } });
    const stored = found !== null && found.deletedAt === null ? found.passwordHash : null;
    const matches = await verifyPassword(stored ?? (await dummyPasswordHash()), password);
    return stored !== null && matches ? stored : null;
  }
}
