import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../../../database/runtime/prisma.service';
import { CookieClient } from '../../../testing/http/cookie-client';
import { normaliseEmail } from '../email-address';
import { hashPassword } from '../passwords/password-hasher';
import { sessionTokenHash } from '../sessions/session-token';

/** The development cookie's name (the test server runs without NODE_ENV=production). */
export const SESSION_COOKIE_NAME = 'session';

/** The Set-Cookie header that sets or clears the session cookie, or undefined when the response does not touch it. */
export function sessionSetCookie(response: Response): string | undefined {
  return response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE_NAME}=`));
}

/** The session token a response gave the browser; fails the test when it gave none. */
export function sessionTokenOf(response: Response): string {
  const header = sessionSetCookie(response);
  const token = header?.slice(SESSION_COOKIE_NAME.length + 1).split(';')[0];
  if (!token) throw new Error(`the response (${response.status}) set no session cookie: ${response.headers.getSetCookie().join(' | ')}`);
  return token;
}

/** The stored row of a session token, looked up as the app does: by the token's SHA-256. */
export function sessionRowOf(prisma: PrismaService, token: string) {
  return prisma.accountsSession.findUniqueOrThrow({ where: { tokenHash: sessionTokenHash(token) } });
}

/**
 * What the layout shows a signed-in browser. Not just "Signed in as": the
 * flash after signing in says "Signed in as Ada." once, on whatever page
 * comes next, even when that browser's session has ended since.
 */
export const SIGNED_IN_MARKER = 'Signed in as <a href="/accounts/me">';

/** Whether the layout of `path` shows this browser as signed in. */
export async function isSignedIn(browser: { get: (path: string) => Promise<Response> }, path = '/'): Promise<boolean> {
  return (await (await browser.get(path)).text()).includes(SIGNED_IN_MARKER);
}

/** A page's CSRF token, loading it as a browser would. */
export async function csrfTokenFrom(browser: CookieClient, path: string): Promise<string> {
  return CookieClient.csrfTokenIn(await (await browser.get(path)).text());
}

/** A browser whose only cookie is `session=<token>`: what a stolen or replayed cookie looks like. */
export function browserWithToken(baseUrl: string, token: string): { get: (path: string) => Promise<Response> } {
  return { get: (path) => fetch(baseUrl + path, { redirect: 'manual', headers: { cookie: `${SESSION_COOKIE_NAME}=${token}` } }) };
}

export interface StoredAccount {
  id: string;
  email: string;
  password: string;
}

/**
 * An account written straight into the database, for the states the pages
 * cannot make: a placeholder (no password hash), a deleted account, a hash
 * made with other parameters.
 */
export async function storeAccount(
  prisma: PrismaService,
  {
    password = 'a stored account password',
    passwordHash,
    deletedAt = null,
    email = `stored-${randomUUID()}@example.test`,
  }: { password?: string; passwordHash?: string | null; deletedAt?: Date | null; email?: string } = {},
): Promise<StoredAccount> {
  const user = await prisma.accountsUser.create({
    data: {
      email: normaliseEmail(email),
      displayName: 'Stored Account',
      passwordHash: passwordHash === undefined ? await hashPassword(password) : passwordHash,
      deletedAt,
    },
    select: { id: true, email: true },
  });
  return { ...user, password };
}
