import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { COOKIE_SECRET, DomainError, PrismaService } from '../../../surface';
import { normaliseEmail } from '../email-address';
import { type AddressCountedKind, ATTEMPT_LIMITS, type AttemptKind, type AttemptLimit, tooManyAttemptsMessage } from './attempt-limits';
import { clientNetwork } from './client-network';

/** Counters deleted per statement by {@link AttemptsService.prune}. */
export const COUNTER_PRUNE_BATCH = 500;

type Limiters = Record<AttemptKind, { email: RateLimiterPrisma; address?: RateLimiterPrisma }>;

const LIMITS: Record<AttemptKind, { email: AttemptLimit; address?: AttemptLimit }> = ATTEMPT_LIMITS;

/**
 * Counts sign-in, sign-up, password-reset and verification-resend attempts in PostgreSQL (rate-limiter-flexible's
 * Prisma store over `AccountsRateLimit`), so every instance of the app
 * shares one count. A database failure is not a pass: it propagates, and the
 * request is answered 503 like any other that needs the database.
 */
@Injectable()
export class AttemptsService {
  private readonly limiters: Limiters;
  private readonly db;
  private readonly logger = new Logger('Accounts');
  /**
   * Keys are HMACs under a key derived from the app's secret: the counters
   * table holds no email or address, and none can be recovered from it by
   * hashing guesses (all IPv4 addresses would take minutes with a plain hash).
   */
  private readonly keyOf: (value: string) => string;

  constructor(prisma: PrismaService, @Inject(COOKIE_SECRET) secret: string) {
    const keyKey = createHmac('sha256', secret).update('accounts rate-limit keys').digest();
    this.keyOf = (value) => createHmac('sha256', keyKey).update(value).digest('base64url');
    this.db = prisma.forComponent('accounts');
    const limiter = (kind: AttemptKind, by: 'email' | 'address', limit: AttemptLimit) =>
      new RateLimiterPrisma({
        storeClient: this.db,
        tableName: 'accountsRateLimit',
        keyPrefix: `${kind}:${by}`,
        points: limit.points,
        duration: limit.durationSeconds,
        // Its timer would log failures with console.warn; prune() runs on our own path instead.
        clearExpiredByTimeout: false,
      });
    const kinds = Object.keys(LIMITS) as AttemptKind[];
    this.limiters = Object.fromEntries(
      kinds.map((kind) => {
        const { email, address } = LIMITS[kind];
        return [kind, { email: limiter(kind, 'email', email), address: address && limiter(kind, 'address', address) }];
      }),
    ) as Limiters;
  }

  /**
   * Counts one attempt by this client address (kinds limited per address)
   * and for this email.
   * @throws DomainError RATE_LIMITED (429, with the seconds to wait) when either is over its limit
   */
  async count(kind: AddressCountedKind, attempt: { email: string; address: string }): Promise<void>;
  async count(kind: Exclude<AttemptKind, AddressCountedKind>, attempt: { email: string }): Promise<void>;
  async count(kind: AttemptKind, { email, address }: { email: string; address?: string }): Promise<void> {
    if (this.limiters[kind].address) await this.consume(kind, 'address', clientNetwork(address ?? 'unknown'));
    await this.consume(kind, 'email', normaliseEmail(email));
  }

  /** The stored key of a counter (rate-limiter-flexible's prefix, then the HMAC of the normalised email or the client's network). */
  counterKey(kind: AttemptKind, by: 'email' | 'address', value: string): string {
    return `${kind}:${by}:${this.keyOf(by === 'email' ? normaliseEmail(value) : clientNetwork(value))}`;
  }

  /** After a successful sign-in the email's failed attempts no longer count against its owner. */
  async forgetEmail(kind: AttemptKind, email: string): Promise<void> {
    await this.limiters[kind].email.delete(this.keyOf(normaliseEmail(email)));
  }

  /**
   * forgetEmail as housekeeping after a success that has committed (a reset,
   * a changed password, a deleted account): it cannot turn that success into
   * an error page. A failure is logged as a warning, without the email, and
   * the count then simply ends with its window.
   * @param after what succeeded, for the log line ("a password reset")
   */
  async forgetEmailAfter(after: string, kind: AttemptKind, email: string): Promise<void> {
    try {
      await this.forgetEmail(kind, email);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 300);
      const minutes = Math.round(LIMITS[kind].email.durationSeconds / 60);
      this.logger.warn(
        `after ${after} (which succeeded), could not reset the account's ${kind} attempt count: ${reason}. ` +
          `Its earlier failed attempts keep counting until their ${minutes}-minute window ends; if this repeats, check the database connection.`,
      );
    }
  }

  /**
   * Deletes counters whose window ended over an hour ago, at most
   * COUNTER_PRUNE_BATCH at a time (the prune-expired schedule repeats it).
   * @returns how many were deleted
   */
  async prune(now = new Date()): Promise<number> {
    const stale = await this.db.accountsRateLimit.findMany({
      where: { expire: { lt: new Date(now.getTime() - 3_600_000) } },
      select: { key: true },
      take: COUNTER_PRUNE_BATCH,
    });
    if (stale.length === 0) return 0;
    const { count } = await this.db.accountsRateLimit.deleteMany({ where: { key: { in: stale.map(({ key }) => key) } } });
    return count;
  }

  private async consume(kind: AttemptKind, by: 'email' | 'address', value: string): Promise<void> {
    try {
      await this.limiters[kind][by]!.consume(this.keyOf(value));
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      throw new DomainError('RATE_LIMITED', tooManyAttemptsMessage(kind, by, retryAfterSeconds), { retryAfterSeconds });
    }
  }
}
