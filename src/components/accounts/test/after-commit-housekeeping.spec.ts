import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn } from '../../../testing/http/sign-up';
import { CapturedLogger } from '../../../testing/logging/captured-logger';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { ACCOUNT_DELETED, PASSWORD_CHANGED } from '../account-settings/account-settings.controller';
import { PASSWORD_RESET_PATHS } from '../password-reset/password-reset-paths';
import { AttemptsService } from '../rate-limits/attempts.service';
import { SessionsService } from '../sessions/sessions.service';
import { csrfTokenFrom, isSignedIn, sessionSetCookie, sessionTokenOf, storeAccount } from './account-fixtures';
import { startAccountsTestServer } from './accounts-test-server';
import { deliveredResetMail, requestReset, resetPathIn, setNewPassword, tokenOf } from './password-reset-flow';

const NEW_PASSWORD = 'a new password after the hiccup';

/**
 * Forgetting the sign-in attempt count is housekeeping after a success that
 * has committed (the reset token used up, the password changed, the account
 * deleted). A database hiccup there must not answer that success with an
 * error page: the fault is injected into AttemptsService.forgetEmail for one
 * request, and the answer must be the success's, with a warning logged.
 */
describe('a failure after the commit of a reset, a password change or a deletion', () => {
  let server: TestServer;
  const logger = new CapturedLogger();

  beforeAll(async () => {
    server = await startAccountsTestServer({ logger });
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    logger.lines.length = 0;
  });

  afterEach(() => jest.restoreAllMocks());

  /** The next forgetEmail (one request's) fails as a dropped database connection would. */
  function failNextForgetEmail(): jest.SpyInstance {
    return jest
      .spyOn(server.app.get(AttemptsService), 'forgetEmail')
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
  }

  const warnings = () => logger.lines.filter((line) => line.level === 'warn').map((line) => line.text);

  it('still signs the browser in after a reset, with a working session cookie, and logs a warning without the email or token', async () => {
    const account = await storeAccount(server.prisma);
    const browser = new CookieClient(server.baseUrl);
    await requestReset(browser, account.email);
    const path = resetPathIn(await deliveredResetMail(server.app, account.email));
    const failing = failNextForgetEmail();

    const { answer } = await setNewPassword(browser, path, NEW_PASSWORD);

    expect(failing).toHaveBeenCalledTimes(1);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/accounts/me');
    expect(sessionTokenOf(answer)).toMatch(/\S/);
    const accountPage = await (await browser.get('/accounts/me')).text();
    expect(accountPage).toContain('Your new password is set and you are signed in as Stored Account.');
    expect(await isSignedIn(browser, '/accounts/me')).toBe(true);
    expect((await signIn(new CookieClient(server.baseUrl), { email: account.email, password: NEW_PASSWORD })).status).toBe(303);
    const logged = warnings().filter((text) => text.includes('after a password reset (which succeeded)'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('Connection terminated unexpectedly');
    expect(logged[0]).not.toContain(account.email);
    expect(logged[0]).not.toContain(tokenOf(path));
    expect((await browser.get(`${PASSWORD_RESET_PATHS.newPassword}?token=${tokenOf(path)}`)).status).toBe(400);
  });

  // Ending the browser's previous session is part of the reset's transaction: if it fails, the token is not used up either.
  it('leaves the reset link usable when ending the browser’s previous session fails, and the next try succeeds', async () => {
    const account = await storeAccount(server.prisma);
    const other = await storeAccount(server.prisma);
    const browser = new CookieClient(server.baseUrl);
    expect((await signIn(browser, other)).status).toBe(303);
    await requestReset(browser, account.email);
    const path = resetPathIn(await deliveredResetMail(server.app, account.email));
    jest.spyOn(server.app.get(SessionsService), 'revoke').mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));

    const { answer: failed } = await setNewPassword(browser, path, NEW_PASSWORD);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect((await browser.get(path)).status).toBe(200);

    const { answer } = await setNewPassword(browser, path, NEW_PASSWORD);
    expect(answer.status).toBe(303);
    expect(await server.prisma.accountsSession.count({ where: { userId: other.id, revokedAt: null } })).toBe(0);
  });

  it('still answers a password change with its flash, keeping this browser signed in, and logs a warning', async () => {
    const account = await storeAccount(server.prisma);
    const browser = new CookieClient(server.baseUrl);
    expect((await signIn(browser, account)).status).toBe(303);
    const _csrf = await csrfTokenFrom(browser, '/accounts/me/password');
    const failing = failNextForgetEmail();

    const answer = await browser.postForm('/accounts/me/password', { _csrf, currentPassword: account.password, newPassword: NEW_PASSWORD });

    expect(failing).toHaveBeenCalledTimes(1);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/accounts/me');
    expect(await (await browser.get('/accounts/me')).text()).toContain(PASSWORD_CHANGED);
    expect(await isSignedIn(browser, '/accounts/me')).toBe(true);
    const logged = warnings().filter((text) => text.includes('after a password change (which succeeded)'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain(account.email);
  });

  it('still answers a deletion with its flash and a cleared cookie, and logs a warning', async () => {
    const account = await storeAccount(server.prisma);
    const browser = new CookieClient(server.baseUrl);
    expect((await signIn(browser, account)).status).toBe(303);
    const _csrf = await csrfTokenFrom(browser, '/accounts/me/delete');
    const failing = failNextForgetEmail();

    const answer = await browser.postForm('/accounts/me/delete', { _csrf, password: account.password });

    expect(failing).toHaveBeenCalledTimes(1);
    expect(answer.status).toBe(303);
    expect(sessionSetCookie(answer)).toMatch(/^session=;/);
    expect(await (await browser.get(answer.headers.get('location') ?? '/')).text()).toContain(ACCOUNT_DELETED);
    expect((await server.prisma.accountsUser.findUniqueOrThrow({ where: { id: account.id } })).deletedAt).not.toBeNull();
    const logged = warnings().filter((text) => text.includes('after an account deletion (which succeeded)'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain(account.email);
  });
});
