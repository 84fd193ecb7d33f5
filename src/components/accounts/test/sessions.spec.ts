import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { sessionTokenHash } from '../sessions/session-token';
import {
  browserWithToken,
  csrfTokenFrom,
  isSignedIn,
  SESSION_COOKIE_NAME,
  sessionRowOf,
  sessionSetCookie,
  SIGNED_IN_MARKER,
} from './account-fixtures';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('sessions over HTTP', () => {
  let server: TestServer;
  let browser: CookieClient;
  let token: string;

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    browser = new CookieClient(server.baseUrl);
    await signUp(browser, { displayName: 'Session Holder' });
    token = new RegExp(`${SESSION_COOKIE_NAME}=([^;]+)`).exec(browser.cookieHeader())![1];
  });

  const thisSession = () => ({ tokenHash: sessionTokenHash(token) });

  /** The Set-Cookie that ends the session cookie in the browser, as Express's clearCookie writes it. */
  const CLEARED = /^session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/;

  it('keeps the browser signed in from one request to the next', async () => {
    expect(await isSignedIn(browser)).toBe(true);
    expect(await isSignedIn(browser)).toBe(true);
  });

  it.each([
    ['idle too long', { idleExpiresAt: new Date(Date.now() - 1000) }],
    ['past its absolute expiry', { absoluteExpiresAt: new Date(Date.now() - 1000) }],
  ])('signs the browser out when its session is %s, and clears the cookie', async (_, expired) => {
    await server.prisma.accountsSession.update({ where: thisSession(), data: expired });

    const response = await browser.get('/');

    expect(await response.text()).not.toContain(SIGNED_IN_MARKER);
    expect(sessionSetCookie(response)).toMatch(CLEARED);
    expect(browser.cookieHeader()).not.toContain(`${SESSION_COOKIE_NAME}=`);
    expect((await browser.get('/accounts/me')).status).toBe(303);
  });

  it('signs the browser out when its account was deleted', async () => {
    await server.prisma.accountsUser.updateMany({ data: { deletedAt: new Date() } });

    const response = await browser.get('/');

    expect(await response.text()).not.toContain(SIGNED_IN_MARKER);
    expect(sessionSetCookie(response)).toMatch(CLEARED);
  });

  it.each([['not-a-token'], ['A'.repeat(43)]])('treats the cookie %j as signed out and clears it', async (value) => {
    const response = await browserWithToken(server.baseUrl, value).get('/');

    expect(await response.text()).toContain('<a href="/accounts/sign-in">Sign in</a>');
    expect(sessionSetCookie(response)).toMatch(CLEARED);
  });

  it('moves last seen at most once a minute: two requests within the minute leave it as it was', async () => {
    const before = await sessionRowOf(server.prisma, token);

    await browser.get('/');
    await browser.get('/elsewhere');

    const after = await sessionRowOf(server.prisma, token);
    expect(after.lastSeenAt).toEqual(before.lastSeenAt);
    expect(after.idleExpiresAt).toEqual(before.idleExpiresAt);
  });

  it('moves last seen and the idle expiry forward on a request over a minute after the last', async () => {
    const twoMinutesAgo = new Date(Date.now() - 2 * MINUTE);
    await server.prisma.accountsSession.update({
      where: thisSession(),
      data: { lastSeenAt: twoMinutesAgo, idleExpiresAt: new Date(twoMinutesAgo.getTime() + 7 * DAY) },
    });

    const requested = Date.now();
    await browser.get('/');

    const after = await sessionRowOf(server.prisma, token);
    expect(after.lastSeenAt.getTime()).toBeGreaterThanOrEqual(requested - 1000);
    expect(after.idleExpiresAt.getTime() - after.lastSeenAt.getTime()).toBe(7 * DAY);
    expect(after.idleExpiresAt.getTime()).toBeLessThanOrEqual(after.absoluteExpiresAt.getTime());
  });

  it('never moves the idle expiry past the absolute one', async () => {
    const absoluteExpiresAt = new Date(Date.now() + 60 * MINUTE);
    await server.prisma.accountsSession.update({
      where: thisSession(),
      data: { lastSeenAt: new Date(Date.now() - 2 * MINUTE), idleExpiresAt: new Date(Date.now() + 30 * MINUTE), absoluteExpiresAt },
    });

    const requested = Date.now();
    await browser.get('/');

    const after = await sessionRowOf(server.prisma, token);
    expect(after.lastSeenAt.getTime()).toBeGreaterThanOrEqual(requested - 1000);
    expect(after.idleExpiresAt).toEqual(absoluteExpiresAt);
  });

  it('signs out: revokes the session, clears the cookie, says so, and the old cookie no longer works when replayed', async () => {
    const response = await browser.postForm('/accounts/sign-out', { _csrf: await csrfTokenFrom(browser, '/') });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(sessionSetCookie(response)).toMatch(CLEARED);
    expect((await sessionRowOf(server.prisma, token)).revokedAt).not.toBeNull();
    const home = await (await browser.get('/')).text();
    expect(home).toContain('You are signed out.');
    expect(home).not.toContain(SIGNED_IN_MARKER);
    const replayed = browserWithToken(server.baseUrl, token);
    expect(await isSignedIn(replayed)).toBe(false);
    expect((await replayed.get('/accounts/me')).status).toBe(303);
  });

  it('refuses a sign-out without a CSRF token with 403 and keeps the session', async () => {
    const response = await browser.postForm('/accounts/sign-out', {});

    expect(response.status).toBe(403);
    expect((await sessionRowOf(server.prisma, token)).revokedAt).toBeNull();
    expect(await isSignedIn(browser)).toBe(true);
  });

  it('signs a browser without a session out without complaint', async () => {
    const anonymous = new CookieClient(server.baseUrl);

    const response = await anonymous.postForm('/accounts/sign-out', { _csrf: await csrfTokenFrom(anonymous, '/accounts/sign-in') });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect((await sessionRowOf(server.prisma, token)).revokedAt).toBeNull();
  });
});
