import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { DomainError } from '../../../platform/errors/domain.error';
import { normaliseEmail } from '../email-address';
import { ATTEMPT_LIMITS, AttemptKind, tooManyAttemptsMessage } from './attempt-limits';

type Limiters = Record<AttemptKind, Record<'email' | 'address', RateLimiterPrisma>>;

/** Keys are hashed: the counters table holds no email or network address. */
const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Counts sign-in and sign-up attempts in PostgreSQL (rate-limiter-flexible's
 * Prisma store over `AccountsRateLimit`), so every instance of the app
 * shares one count. A database failure is not a pass: it propagates, and the
 * request is answered 503 like any other that needs the database.
 */
@Injectable()
export class AttemptsService {
  private readonly limiters: Limiters;
  private readonly db;

  constructor(prisma: PrismaService) {
    this.db = prisma.forComponent('accounts');
    const limiter = (kind: AttemptKind, by: 'email' | 'address') =>
      new RateLimiterPrisma({
        storeClient: this.db,
        tableName: 'accountsRateLimit',
        keyPrefix: `${kind}:${by}`,
        points: ATTEMPT_LIMITS[kind][by].points,
        duration: ATTEMPT_LIMITS[kind][by].durationSeconds,
        // Its timer would log failures with console.warn; prune() runs on our own path instead.
        clearExpiredByTimeout: false,
      });
    this.limiters = {
      'sign-in': { email: limiter('sign-in', 'email'), address: limiter('sign-in', 'address') },
      'sign-up': { email: limiter('sign-up', 'email'), address: limiter('sign-up', 'address') },
    };
  }

  /**
   * Counts one attempt by this client address and for this email.
   * @throws DomainError RATE_LIMITED (429, with the seconds to wait) when either is over its limit
   */
  async count(kind: AttemptKind, { email, address }: { email: string; address: string }): Promise<void> {
    await this.consume(kind, 'address', address);
    await this.consume(kind, 'email', normaliseEmail(email));
  }

  /** After a successful sign-in the email's failed attempts no longer count against its owner. */
  async forgetEmail(kind: AttemptKind, email: string): Promise<void> {
    await this.limiters[kind].email.delete(keyOf(normaliseEmail(email)));
  }

  /** Deletes counters whose window ended over an hour ago, at most 500 at a time. */
  async prune(now = new Date()): Promise<void> {
    const stale = await this.db.accountsRateLimit.findMany({
      where: { expire: { lt: new Date(now.getTime() - 3_600_000) } },
      select: { key: true },
      take: 500,
    });
    if (stale.length > 0) await this.db.accountsRateLimit.deleteMany({ where: { key: { in: stale.map(({ key }) => key) } } });
  }

  private async consume(kind: AttemptKind, by: 'email' | 'address', value: string): Promise<void> {
    try {
      await this.limiters[kind][by].consume(keyOf(value));
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      throw new DomainError('RATE_LIMITED', tooManyAttemptsMessage(kind, by, retryAfterSeconds), { retryAfterSeconds });
    }
  }
}
