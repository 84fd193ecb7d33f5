import { randomUUID } from 'node:crypto';
import { normaliseEmail } from '../../src/components/accounts/email-address';
import { hashPassword } from '../../src/components/accounts/passwords/password-hasher';
import { CookieClient } from '../../src/testing/http/cookie-client';
import { signUp } from '../../src/testing/http/sign-up';
import type { LoadDatabase } from '../load/load-database';
import type { SignInKind } from './sign-in-timing-report';

/** Every email the bench uses starts with this, so an earlier run's accounts are found (and removed) by prefix. */
export const BENCH_EMAIL_PREFIX = 'sign-in-bench-';

/** The password of the real account; every timed sign-in sends another one. */
const REAL_PASSWORD = 'the sign-in bench account password';
export const WRONG_PASSWORD = 'not the password of any account';

/** The email each kind of failed sign-in is tried with. */
export type KindEmails = Record<SignInKind, string>;

const benchEmail = (what: string) => `${BENCH_EMAIL_PREFIX}${what}-${randomUUID()}@example.test`;

/**
 * Removes earlier runs' accounts and every rate-limit counter. The cluster
 * is the bench's own (.data/bench-sign-in); nothing else is touched.
 */
export function forgetEarlierRuns(database: LoadDatabase): Promise<void> {
  return database.asOwner(async (client) => {
    await client.query('DELETE FROM "AccountsUser" WHERE starts_with(email, $1)', [BENCH_EMAIL_PREFIX]);
    await client.query('DELETE FROM "AccountsRateLimit"');
  });
}

/**
 * The accounts of the four kinds: a real one signed up through the app's
 * sign-up form (its hash made by the app), then checked to sign in with its
 * password, so its wrong password verifies a real hash; a placeholder (no
 * password hash) and a deleted account (a hash made with today's
 * parameters, `deletedAt` set) written into the database as the seeds and
 * test fixtures do; and an email nobody has.
 */
export async function createKindAccounts(database: LoadDatabase, baseUrl: string): Promise<KindEmails> {
  const real = await signUp(new CookieClient(baseUrl), { email: benchEmail('real'), password: REAL_PASSWORD });
  const check = new CookieClient(baseUrl);
  const page = await check.get('/accounts/sign-in');
  const signedIn = await check.postForm('/accounts/sign-in', {
    _csrf: CookieClient.csrfTokenIn(await page.text()),
    email: real.email,
    password: REAL_PASSWORD,
  });
  if (signedIn.status !== 303) {
    throw new Error(
      `the account the bench signed up (${real.email}) could not sign in with its password: POST /accounts/sign-in answered ${signedIn.status}, not 303; see the app's log`,
    );
  }
  const placeholder = normaliseEmail(benchEmail('placeholder'));
  const deleted = normaliseEmail(benchEmail('deleted'));
  const deletedHash = await hashPassword(REAL_PASSWORD);
  // `2025-06-01T09:00:00.000`: the columns are `timestamp(3)` in UTC, as Prisma writes them.
  const now = new Date().toISOString().slice(0, -1);
  await database.asOwner((client) =>
    client.query(
      `INSERT INTO "AccountsUser" (id, email, "displayName", "passwordHash", "deletedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, 'Sign-in bench placeholder', NULL, NULL, $6::timestamp(3), $6::timestamp(3)),
              ($3, $4, 'Sign-in bench deleted', $5, $6::timestamp(3), $6::timestamp(3), $6::timestamp(3))`,
      [randomUUID(), placeholder, randomUUID(), deleted, deletedHash, now],
    ),
  );
  return { wrongPassword: real.email, unknownEmail: benchEmail('nobody'), placeholder, deleted };
}
