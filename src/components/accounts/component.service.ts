import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { type ComponentClient, PrismaService, uniqueViolationFields } from '../../surface';
import type { AccountProfile, Credentials, NewAccount, SignedIn, SignedInUser } from './component.types';
import { normaliseEmail } from './email-address';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './passwords/password-hasher';
import { SessionsService } from './sessions/sessions.service';

/** What leaves this service about a user: never the password hash. */
const PUBLIC_USER = { id: true, email: true, displayName: true } satisfies Prisma.AccountsUserSelect;

export type SignUpResult = ({ ok: true } & SignedIn) | { ok: false; reason: 'email-taken' };

/** Accounts: sign-up, sign-in (each starting a new session), sign-out and the account page's profile. */
@Injectable()
export class AccountsComponentService implements OnModuleInit {
  private readonly db: ComponentClient<'accounts'>;

  constructor(
    prisma: PrismaService,
    private readonly sessions: SessionsService,
  ) {
    this.db = prisma.forComponent('accounts');
  }

  /** Made once at startup, so the first unknown-email sign-in costs what any other does. */
  async onModuleInit(): Promise<void> {
    await dummyPasswordHash();
  }

  /**
   * Creates the account and its first session in one transaction. The
   * password is hashed before it starts, so no connection waits on argon2.
   * Two sign-ups with one email at the same moment: the unique index lets
   * one through, the other gets `email-taken`.
   */
  async signUp({ email, displayName, password }: NewAccount): Promise<SignUpResult> {
    const passwordHash = await hashPassword(password);
    try {
      return await this.db.$transaction(async (tx) => {
        const user = await tx.accountsUser.create({
          data: { email: normaliseEmail(email), displayName, passwordHash, lastLoginAt: new Date() },
          select: PUBLIC_USER,
        });
        const session = await this.sessions.start(user.id, tx);
        return { ok: true as const, user, session };
      });
    } catch (error) {
      if (uniqueViolationFields(error)?.includes('email')) return { ok: false, reason: 'email-taken' };
      throw error;
    }
  }

  /**
   * A new session when the email and password match a live account, else
   * null. An unknown email, a deleted or placeholder account and a wrong
   * password all verify a password hash, so all take about as long. A hash
   * made with older parameters is replaced. `previousToken`, the session the
   * browser had, is revoked: signing in never keeps a session id that
   * existed before (no fixation).
   */
  async signIn({ email, password }: Credentials, previousToken?: string): Promise<SignedIn | null> {
    const found = await this.db.accountsUser.findUnique({
      where: { email: normaliseEmail(email) },
      select: { ...PUBLIC_USER, passwordHash: true, deletedAt: true },
    });
    const usable = found !== null && found.deletedAt === null && found.passwordHash !== null;
    const matches = await verifyPassword(usable ? found.passwordHash! : await dummyPasswordHash(), password);
    if (!usable || !matches) return null;

    const { passwordHash, deletedAt: _, ...user } = found;
    const rehashed = needsRehash(passwordHash!) ? await hashPassword(password) : undefined;
    if (previousToken) await this.sessions.revoke(previousToken);
    const session = await this.db.$transaction(async (tx) => {
      await tx.accountsUser.update({
        where: { id: user.id },
        data: { lastLoginAt: new Date(), ...(rehashed ? { passwordHash: rehashed } : {}) },
        select: { id: true },
      });
      return this.sessions.start(user.id, tx);
    });
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
        select: { ...PUBLIC_USER, createdAt: true, lastLoginAt: true },
      }),
      this.sessions.countLive(user.id),
    ]);
    return row ? { ...row, activeSessions } : null;
  }
}
