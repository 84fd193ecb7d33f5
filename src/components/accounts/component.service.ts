import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { type ComponentClient, JobQueue, PrismaService } from '../../surface';
import { AccountMetrics } from './account-metrics';
import type { AccountProfile, Credentials, NewAccount, SignedIn, SignedInUser } from './component.types';
import { normaliseEmail } from './email-address';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './passwords/password-hasher';
import { SessionsService } from './sessions/sessions.service';
import { SendSignUpNotice, SendVerification } from './verification/verification-jobs';

/** What leaves this service about a user: never the password hash. */
const PUBLIC_USER = { id: true, email: true, displayName: true } satisfies Prisma.AccountsUserSelect;

/** Accounts: sign-up (mailing the address), sign-in (starting a new session), sign-out and the account page's profile. */
@Injectable()
export class AccountsComponentService implements OnModuleInit {
  private readonly db: ComponentClient<'accounts'>;

  constructor(
    prisma: PrismaService,
    private readonly sessions: SessionsService,
    private readonly jobs: JobQueue,
    private readonly metrics: AccountMetrics,
  ) {
    this.db = prisma.forComponent('accounts');
  }

  /** Made once at startup, so the first unknown-email sign-in costs what any other does. */
  async onModuleInit(): Promise<void> {
    await dummyPasswordHash();
  }

  /**
   * Creates the account if the address is free, and queues one mail either
   * way: a verification link to a new account, a "someone tried to sign up
   * with your address" notice to the owner of a taken one. The same work for
   * both (a password hashed, one insert tried, one job queued, one
   * transaction), so neither the answer nor its timing tells them apart. No
   * session: the person signs in, or already is. The password is hashed
   * before the transaction starts, so no connection waits on argon2. Two
   * sign-ups with one email at the same moment: the unique index lets one
   * insert through; the other finds the account and sends the notice.
   */
  async signUp({ email, displayName, password }: NewAccount): Promise<void> {
    const passwordHash = await hashPassword(password);
    const address = normaliseEmail(email);
    const created = await this.db.$transaction(async (tx) => {
      // Twice at most: the taken address can change between the two statements (its account deleted, which frees it).
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        const [created] = await tx.accountsUser.createManyAndReturn({
          data: [{ email: address, displayName, passwordHash }],
          skipDuplicates: true,
          select: { id: true },
        });
        if (created) return (await this.jobs.enqueue(SendVerification, { accountId: created.id }, { tx }), true);
        const taken = await tx.accountsUser.findUnique({ where: { email: address }, select: { id: true } });
        if (taken) return (await this.jobs.enqueue(SendSignUpNotice, { accountId: taken.id }, { tx }), false);
      }
      throw new Error(
        'accounts sign-up: the address was taken, then free, twice within one transaction (accounts with it deleted and created meanwhile); nothing was saved, the form can be sent again',
      );
    });
    if (created) this.metrics.signUps.inc();
  }

  /**
   * A new session when the email and password match a live account, else
   * null. An unknown email, a deleted or placeholder account and a wrong
   * password all verify a password hash, so all take about as long. A hash
   * made with older parameters is replaced. `previousToken`, the session the
   * browser had, is revoked: signing in never keeps a session id that
   * existed before (no fixation).
   *
   * The session starts only if the hash just verified is still the
   * account's when it is written (a conditional update, in the session's
   * transaction): a password changed or reset, or the account deleted,
   * between the read and the write counts as a wrong password. Otherwise the
   * rehash could put the old password back, and a session opened with it
   * would outlive the "every session ended" of that change.
   */
  async signIn({ email, password }: Credentials, previousToken?: string): Promise<SignedIn | null> {
    const found = await this.db.accountsUser.findUnique({
      where: { email: normaliseEmail(email) },
      select: { ...PUBLIC_USER, passwordHash: true, deletedAt: true },
    });
    const usable = found !== null && found.deletedAt === null && found.passwordHash !== null;
    const matches = await verifyPassword(usable ? found.passwordHash! : await dummyPasswordHash(), password);
    if (!usable || !matches) return null;

    const { passwordHash: verified, deletedAt: _, ...user } = found;
    const rehashed = needsRehash(verified!) ? await hashPassword(password) : undefined;
    const session = await this.db.$transaction(async (tx) => {
      const { count } = await tx.accountsUser.updateMany({
        where: { id: user.id, passwordHash: verified, deletedAt: null },
        data: { lastLoginAt: new Date(), ...(rehashed ? { passwordHash: rehashed } : {}) },
      });
      return count === 1 ? this.sessions.start(user.id, tx) : null;
    });
    if (session === null) return null;
    if (previousToken) await this.sessions.revoke(previousToken);
    return { user, session };
  }

  signOut(token: string): Promise<boolean> {
    return this.sessions.revoke(token);
  }

  signOutEverywhere(userId: string): Promise<number> {
    return this.sessions.revokeAll(userId);
  }

  async profile(user: SignedInUser): Promise<AccountProfile | null> {
    const [row, activeSessions] = await Promise.all([
      this.db.accountsUser.findUnique({
        where: { id: user.id },
        select: { ...PUBLIC_USER, createdAt: true, lastLoginAt: true, emailVerifiedAt: true },
      }),
      this.sessions.countLive(user.id),
    ]);
    return row ? { ...row, activeSessions } : null;
  }
}
