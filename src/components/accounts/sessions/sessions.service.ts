import { Inject, Injectable } from '@nestjs/common';
import { type ComponentClient, type ComponentData, PrismaService } from '../../../surface';
import type { IssuedSession, SignedInUser } from '../component.types';
import { LAST_SEEN_INTERVAL_MS, SessionPolicy } from './session-policy';
import { isSessionTokenShape, newSessionToken, sessionTokenHash } from './session-token';

export const SESSION_POLICY = Symbol('SESSION_POLICY');

/** At most this many expired sessions are deleted per sign-in: cleanup stays a bounded cost of a rare request. */
export const PRUNE_BATCH = 200;

/** What deciding whether a session is live needs, with its user: one statement, no hash. */
interface SessionCheck {
  id: string;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
  userId: string;
  email: string;
  displayName: string;
  userDeletedAt: Date | null;
}

const isLive = (session: SessionCheck, now: Date) =>
  session.revokedAt === null && now < session.idleExpiresAt && now < session.absoluteExpiresAt && session.userDeletedAt === null;

const later = (now: Date, ms: number) => new Date(now.getTime() + ms);
const earliest = (a: Date, b: Date) => (a < b ? a : b);

/**
 * Sessions in PostgreSQL: any instance can serve any request, and revoking
 * is immediate everywhere. Only the SHA-256 of a token is stored.
 */
@Injectable()
export class SessionsService {
  private readonly db: ComponentClient<'accounts'>;

  constructor(
    prisma: PrismaService,
    @Inject(SESSION_POLICY) private readonly policy: SessionPolicy,
  ) {
    this.db = prisma.forComponent('accounts');
  }

  /** A new session for the user; pass a transaction to start it with other writes. */
  async start(userId: string, db: ComponentData<'accounts'> = this.db, now = new Date()): Promise<IssuedSession> {
    const token = newSessionToken();
    const absoluteExpiresAt = later(now, this.policy.absoluteMs);
    await db.accountsSession.create({
      data: {
        userId,
        tokenHash: sessionTokenHash(token),
        createdAt: now,
        lastSeenAt: now,
        idleExpiresAt: earliest(later(now, this.policy.idleMs), absoluteExpiresAt),
        absoluteExpiresAt,
      },
      select: { id: true },
    });
    return { token, expiresAt: absoluteExpiresAt };
  }

  /**
   * The user a token signs in, or null when the session is unknown, revoked,
   * idle too long, past its absolute expiry or its account deleted. A live
   * session's `last seen` moves forward at most once a minute (and its idle
   * expiry with it, never past the absolute one).
   */
  async resolve(token: string, now = new Date()): Promise<SignedInUser | null> {
    if (!isSessionTokenShape(token)) return null;
    // Every signed-in page runs this: the fast path, session and user in one statement.
    const session: SessionCheck | undefined = await this.db.$kysely
      .selectFrom('AccountsSession as session')
      .innerJoin('AccountsUser as user', 'user.id', 'session.userId')
      .select([
        'session.id',
        'session.lastSeenAt',
        'session.idleExpiresAt',
        'session.absoluteExpiresAt',
        'session.revokedAt',
        'session.userId',
        'user.email',
        'user.displayName',
        'user.deletedAt as userDeletedAt',
      ])
      .where('session.tokenHash', '=', Buffer.from(sessionTokenHash(token)))
      .executeTakeFirst();
    if (!session || !isLive(session, now)) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_INTERVAL_MS) await this.touch(session, now);
    return { id: session.userId, email: session.email, displayName: session.displayName };
  }

  /** Ends the session of this token; pass a transaction to end it with other writes. @returns whether a live session was ended */
  async revoke(token: string, now = new Date(), db: ComponentData<'accounts'> = this.db): Promise<boolean> {
    if (!isSessionTokenShape(token)) return false;
    const { count } = await db.accountsSession.updateMany({
      where: { tokenHash: sessionTokenHash(token), revokedAt: null },
      data: { revokedAt: now, idleExpiresAt: now },
    });
    return count > 0;
  }

  /** Ends every session of the user, on every device; pass a transaction to end them with other writes. @returns how many were live */
  async revokeAll(userId: string, db: ComponentData<'accounts'> = this.db, now = new Date()): Promise<number> {
    const { count } = await db.accountsSession.updateMany({
      where: { userId, revokedAt: null, idleExpiresAt: { gt: now } },
      data: { revokedAt: now, idleExpiresAt: now },
    });
    return count;
  }

  async countLive(userId: string, now = new Date()): Promise<number> {
    return this.db.accountsSession.count({
      where: { userId, revokedAt: null, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    });
  }

  /**
   * Ends every session of the user except `keepToken`'s (none kept when
   * undefined), with `db`'s other writes when it is a transaction's client.
   * @returns how many were live
   */
  async revokeAllExcept(
    userId: string,
    keepToken: string | undefined,
    db: ComponentData<'accounts'> = this.db,
    now = new Date(),
  ): Promise<number> {
    const kept = keepToken !== undefined && isSessionTokenShape(keepToken) ? { NOT: { tokenHash: sessionTokenHash(keepToken) } } : {};
    const { count } = await db.accountsSession.updateMany({
      where: { userId, revokedAt: null, idleExpiresAt: { gt: now }, ...kept },
      data: { revokedAt: now, idleExpiresAt: now },
    });
    return count;
  }

  /**
   * Deletes up to PRUNE_BATCH sessions that can never be used again. A
   * revoked session's idle expiry is its revocation time and the idle expiry
   * never passes the absolute one, so one indexed condition finds them all.
   * @returns how many were deleted
   */
  async pruneExpired(now = new Date()): Promise<number> {
    const expired = await this.db.accountsSession.findMany({
      where: { idleExpiresAt: { lte: now } },
      select: { id: true },
      take: PRUNE_BATCH,
    });
    if (expired.length === 0) return 0;
    const { count } = await this.db.accountsSession.deleteMany({ where: { id: { in: expired.map(({ id }) => id) } } });
    return count;
  }

  /** Conditional, so two instances serving the same browser write once a minute between them. One statement, on the fast path. */
  private async touch(session: SessionCheck, now: Date): Promise<void> {
    await this.db.$kysely
      .updateTable('AccountsSession')
      .set({ lastSeenAt: now, idleExpiresAt: earliest(later(now, this.policy.idleMs), session.absoluteExpiresAt) })
      .where('id', '=', session.id)
      .where('revokedAt', 'is', null)
      .where('lastSeenAt', '<=', new Date(now.getTime() - LAST_SEEN_INTERVAL_MS))
      .execute();
  }
}
