import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, signUp, TestAccount } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { WRONG_CREDENTIALS } from '../component.controller';
import * as passwordHasher from '../passwords/password-hasher';
import { hashPassword, PASSWORD_HASH_OPTIONS, verifyPassword } from '../passwords/password-hasher';
import { sessionTokenHash } from '../sessions/session-token';
import { browserWithToken, isSignedIn, sessionRowOf, sessionSetCookie, sessionTokenOf, storeAccount } from './account-fixtures';

describe('signing in over HTTP', () => {
  let server: TestServer;
  let account: TestAccount;
  let signUpToken: string;

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    const browser = new CookieClient(server.baseUrl);
    account = await signUp(browser, { displayName: 'Grace Hopper' });
    signUpToken = /session=([^;]+)/.exec(browser.cookieHeader())![1];
  });

  /** A rejected sign-in page with what differs between requests (the CSRF token, the typed email) blanked out. */
  const comparable = (html: string, email: string) =>
    html.replaceAll(email, '<email>').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

  it('with the right password starts a new session with a new token, sets lastLoginAt and goes home', async () => {
    await server.prisma.accountsUser.updateMany({ data: { lastLoginAt: null } });
    const browser = new CookieClient(server.baseUrl);

    const before = new Date();
    const response = await signIn(browser, { email: ` ${account.email.toUpperCase()} `, password: account.password });
    const after = new Date();
    const token = sessionTokenOf(response);

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(token).not.toBe(signUpToken);
    expect(await server.prisma.accountsSession.count()).toBe(2);
    expect((await sessionRowOf(server.prisma, token)).revokedAt).toBeNull();
    const user = await server.prisma.accountsUser.findFirstOrThrow();
    expect(user.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(user.lastLoginAt!.getTime()).toBeLessThanOrEqual(after.getTime());
    expect(await (await browser.get('/')).text()).toContain('Signed in as <a href="/accounts/me">Grace Hopper</a>');
  });

  it('revokes the session the browser already had, so no session id survives signing in (no fixation)', async () => {
    const browser = new CookieClient(server.baseUrl);
    const first = sessionTokenOf(await signIn(browser, account));

    const second = sessionTokenOf(await signIn(browser, account));

    expect(second).not.toBe(first);
    // Revoked, and kept until the prune-expired schedule deletes it.
    const old = await server.prisma.accountsSession.findUnique({ where: { tokenHash: sessionTokenHash(first) } });
    expect(old?.revokedAt).toBeInstanceOf(Date);
    expect((await sessionRowOf(server.prisma, second)).revokedAt).toBeNull();
    expect(await isSignedIn(browserWithToken(server.baseUrl, first))).toBe(false);
    expect(await isSignedIn(browser)).toBe(true);
  });

  it('answers a wrong password, an unknown email, a placeholder and a deleted account with the same status and page', async () => {
    const placeholder = await storeAccount(server.prisma, { passwordHash: null });
    const deleted = await storeAccount(server.prisma, { deletedAt: new Date() });
    const attempts = [
      { email: account.email, password: 'not the password' },
      { email: 'nobody@example.test', password: account.password },
      { email: placeholder.email, password: placeholder.password },
      { email: deleted.email, password: deleted.password },
    ];

    const answers = [];
    for (const attempt of attempts) {
      const response = await signIn(new CookieClient(server.baseUrl), attempt);
      answers.push({ status: response.status, page: comparable(await response.text(), attempt.email), cookie: sessionSetCookie(response) });
    }

    expect(answers[0].status).toBe(400);
    expect(answers[0].page).toContain(WRONG_CREDENTIALS);
    expect(answers[0].cookie).toBeUndefined();
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    expect(await server.prisma.accountsSession.count()).toBe(1);
  });

  it('verifies exactly one password hash with today’s parameters for an unknown email, a placeholder, a deleted account and a wrong password', async () => {
    // The answer must not tell which emails have accounts, by its content
    // (the test above) or by its time. Time is not asserted here (a shared
    // machine makes it noise; bench/sign-in-timing.bench.ts measures it):
    // what costs the time is one argon2 verification with today's
    // parameters, and every wrong case must run exactly that, no more and no
    // less. Without the dummy verification, three of the four run none.
    const placeholder = await storeAccount(server.prisma, { passwordHash: null });
    const deleted = await storeAccount(server.prisma, { deletedAt: new Date() });
    const kinds = {
      wrongPassword: account.email,
      unknownEmail: 'nobody@example.test',
      placeholder: placeholder.email,
      deleted: deleted.email,
    };
    const verifications = jest.spyOn(passwordHasher, 'verifyPassword');
    const verified: Record<string, string[]> = {};

    try {
      for (const [kind, email] of Object.entries(kinds)) {
        verifications.mockClear();
        const response = await signIn(new CookieClient(server.baseUrl), { email, password: 'not the password' });
        expect(response.status).toBe(400);
        verified[kind] = verifications.mock.calls.map(([hash]) =>
          passwordHasher.needsRehash(hash) ? 'weaker hash' : 'today’s parameters',
        );
      }
    } finally {
      verifications.mockRestore();
    }

    const one = ['today’s parameters'];
    expect(verified).toEqual({ wrongPassword: one, unknownEmail: one, placeholder: one, deleted: one });
  });

  it('replaces a hash made with weaker parameters at sign-in with one of today’s that still verifies', async () => {
    const weakHash = await hashPassword('an old but fine password', { ...PASSWORD_HASH_OPTIONS, memoryCost: 8192 });
    const old = await storeAccount(server.prisma, { password: 'an old but fine password', passwordHash: weakHash });
    expect(weakHash).toMatch(/\$m=8192,t=2,p=1\$/);

    const response = await signIn(new CookieClient(server.baseUrl), old);

    expect(response.status).toBe(303);
    const { passwordHash } = await server.prisma.accountsUser.findUniqueOrThrow({ where: { id: old.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(passwordHash!, 'an old but fine password')).toBe(true);
    expect(await verifyPassword(passwordHash!, 'another password')).toBe(false);
  });

  it('keeps a current hash as it is at sign-in', async () => {
    const { passwordHash: before } = await server.prisma.accountsUser.findFirstOrThrow();

    await signIn(new CookieClient(server.baseUrl), account);

    expect((await server.prisma.accountsUser.findFirstOrThrow()).passwordHash).toBe(before);
  });

  it('refuses the eleventh attempt for one email within 15 minutes with 429, Retry-After and what to do', async () => {
    const browser = new CookieClient(server.baseUrl);
    const firstAttempt = Date.now();
    for (let n = 0; n < 10; n++) expect((await signIn(browser, { email: account.email, password: `wrong ${n}` })).status).toBe(400);

    const limited = await signIn(browser, account);
    const elapsedSeconds = Math.ceil((Date.now() - firstAttempt) / 1000);

    // The window opened with the first attempt, however long the attempts took on this machine.
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(limited.status).toBe(429);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(retryAfter).toBeGreaterThanOrEqual(15 * 60 - elapsedSeconds - 1);
    expect(await limited.text()).toContain(
      `Too many sign-in attempts for this email address. Wait ${Math.ceil(retryAfter / 60)} minutes, then try again.`,
    );
    expect(sessionSetCookie(limited)).toBeUndefined();
  });
});
