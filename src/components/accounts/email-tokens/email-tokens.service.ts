import { Injectable } from '@nestjs/common';
import type { AccountsEmailTokenPurpose } from '@prisma/client';
import type { ComponentData } from '../../../surface';
import { normaliseEmail } from '../email-address';
import { emailTokenHash, isEmailTokenShape, newEmailToken } from './email-token';

/** What a mailed link lets its holder do, once. */
export type EmailTokenPurpose = 'PASSWORD_RESET' | 'VERIFY_EMAIL';

/** The account a valid link belongs to, and the address the link was mailed to. */
export interface EmailTokenHolder {
  userId: string;
  email: string;
}

type Db = ComponentData<'accounts'>;

/** Expired tokens deleted per statement by {@link EmailTokensService.pruneExpired}. */
export const TOKEN_PRUNE_BATCH = 500;

// Fails to compile when the schema's enum and EmailTokenPurpose part ways.
const PURPOSES = { PASSWORD_RESET: 'PASSWORD_RESET', VERIFY_EMAIL: 'VERIFY_EMAIL' } as const satisfies Record<
  EmailTokenPurpose,
  AccountsEmailTokenPurpose
> &
  Record<AccountsEmailTokenPurpose, EmailTokenPurpose>;

/**
 * Single-use tokens for links sent by mail (password reset, address
 * verification). The link holds 32 random bytes (base64url); only their
 * SHA-256 is stored, so the table alone opens nothing. Every method takes the
 * caller's transaction: a token exists with the mail that carries it, and is
 * used up with the change it allows, or neither happens.
 */
@Injectable()
export class EmailTokensService {
  /**
   * A new token for `userId`, valid for `ttlMs` milliseconds. `email` is the
   * address the link goes to (verifying confirms that address).
   * @returns the raw token, for the link only: never log or store it
   */
  async issue(tx: Db, userId: string, purpose: EmailTokenPurpose, email: string, ttlMs: number, now = new Date()): Promise<string> {
    const token = newEmailToken();
    await tx.accountsEmailToken.create({
      data: {
        userId,
        purpose: PURPOSES[purpose],
        tokenHash: emailTokenHash(token),
        email: normaliseEmail(email),
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
      },
      select: { id: true },
    });
    return token;
  }

  /**
   * Uses the token up: its account and address, or null when it is unknown,
   * malformed, expired, already used, issued for another purpose or its
   * account deleted. Conditional (`… WHERE usedAt IS NULL`): of two uses at
   * the same moment one gets the holder, the other null. Rolled back with
   * `tx`, the token stays usable.
   */
  async consume(tx: Db, token: unknown, purpose: EmailTokenPurpose, now = new Date()): Promise<EmailTokenHolder | null> {
    if (!isEmailTokenShape(token)) return null;
    const tokenHash = emailTokenHash(token);
    const { count } = await tx.accountsEmailToken.updateMany({
      where: usable(tokenHash, purpose, now),
      data: { usedAt: now },
    });
    if (count === 0) return null;
    return tx.accountsEmailToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, email: true } });
  }

  /** What consume would return, without using the token up: for the page a link opens, before its form is sent. */
  async peek(db: Db, token: unknown, purpose: EmailTokenPurpose, now = new Date()): Promise<EmailTokenHolder | null> {
    if (!isEmailTokenShape(token)) return null;
    return db.accountsEmailToken.findFirst({ where: usable(emailTokenHash(token), purpose, now), select: { userId: true, email: true } });
  }

  /**
   * Deletes the account's tokens of `purpose` (every purpose when left out),
   * used or not: after a password change no reset link mailed before it works.
   * @returns how many were deleted
   */
  async deleteFor(tx: Db, userId: string, purpose?: EmailTokenPurpose): Promise<number> {
    const { count } = await tx.accountsEmailToken.deleteMany({ where: { userId, ...(purpose ? { purpose: PURPOSES[purpose] } : {}) } });
    return count;
  }

  /**
   * Deletes up to TOKEN_PRUNE_BATCH tokens past their expiry (used or not):
   * they can never open anything again, and a link to a deleted one shows
   * the same page as an expired one. @returns how many were deleted
   */
  async pruneExpired(db: Db, now = new Date()): Promise<number> {
    const expired = await db.accountsEmailToken.findMany({
      where: { expiresAt: { lte: now } },
      select: { id: true },
      take: TOKEN_PRUNE_BATCH,
    });
    if (expired.length === 0) return 0;
    const { count } = await db.accountsEmailToken.deleteMany({ where: { id: { in: expired.map(({ id }) => id) } } });
    return count;
  }
}

function usable(tokenHash: Uint8Array<ArrayBuffer>, purpose: EmailTokenPurpose, now: Date) {
  return { tokenHash, purpose: PURPOSES[purpose], usedAt: null, expiresAt: { gt: now }, user: { deletedAt: null } };
}
