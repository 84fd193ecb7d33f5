import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { EMAIL_TAKEN } from '../component.controller';
import { verifyPassword } from '../passwords/password-hasher';
import { sessionTokenHash } from '../sessions/session-token';
import { csrfTokenFrom, sessionSetCookie, sessionTokenOf } from './account-fixtures';

describe('signing up over HTTP', () => {
  let server: TestServer;
  let browser: CookieClient;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    browser = new CookieClient(server.baseUrl);
  });

  async function postSignUp(fields: Record<string, string>, client = browser): Promise<Response> {
    const _csrf = await csrfTokenFrom(client, '/accounts/sign-up');
    return client.postForm('/accounts/sign-up', { _csrf, ...fields });
  }

  const nothingCreated = async () => ({
    users: await server.prisma.accountsUser.count(),
    sessions: await server.prisma.accountsSession.count(),
  });

  it('creates one user with a normalised email, an argon2id hash and a session, and sends the browser home', async () => {
    const response = await postSignUp({ email: '  Ada@Example.COM ', displayName: 'Ada Lovelace', password });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const users = await server.prisma.accountsUser.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: 'ada@example.com', displayName: 'Ada Lovelace', deletedAt: null });
    expect(users[0].passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(users[0].passwordHash!, password)).toBe(true);
    const sessions = await server.prisma.accountsSession.findMany();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].userId).toBe(users[0].id);
    expect(Buffer.from(sessions[0].tokenHash)).toEqual(Buffer.from(sessionTokenHash(sessionTokenOf(response))));
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, without Secure in development, until the absolute expiry', async () => {
    const response = await postSignUp({ email: 'cookie@example.com', displayName: 'Cookie', password });
    const header = sessionSetCookie(response) ?? '';
    const session = await server.prisma.accountsSession.findFirstOrThrow();

    expect(header).toMatch(/^session=[A-Za-z0-9_-]{43}; /);
    expect(header).toContain('; HttpOnly');
    expect(header).toContain('; SameSite=Lax');
    expect(header).toContain('; Path=/');
    expect(header).not.toMatch(/secure/i);
    expect(header).not.toMatch(/domain=/i);
    const expires = new Date(/Expires=([^;]+)/.exec(header)![1]);
    expect(Math.abs(expires.getTime() - session.absoluteExpiresAt.getTime())).toBeLessThan(1000);
  });

  it('shows "Signed in as" the new name and a welcome on the next page', async () => {
    await postSignUp({ email: 'layout@example.com', displayName: 'Ada <Lovelace>', password });

    const html = await (await browser.get('/')).text();

    expect(html).toContain('Signed in as <a href="/accounts/me">Ada &lt;Lovelace&gt;</a>');
    expect(html).toContain('Welcome, Ada &lt;Lovelace&gt;. Your account is ready and you are signed in.');
  });

  it('goes on to a safe returnTo after signing up', async () => {
    const response = await postSignUp({ email: 'back@example.com', displayName: 'Back', password, returnTo: '/demo/posts?page=2' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/demo/posts?page=2');
  });

  it('refuses an invalid form with 400 and messages, keeps the email and the name, and creates nothing', async () => {
    const response = await postSignUp({ email: 'not an email', displayName: 'Kept Name', password: 'too short' });
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).toContain('Enter an email address like name@example.com.');
    expect(html).toContain('Enter a password of 12 to 256 characters. A few unrelated words make a strong one.');
    expect(html).toMatch(/name="email"[^>]*value="not an email"/);
    expect(html).toMatch(/name="displayName"[^>]*value="Kept Name"/);
    expect(html).not.toContain('too short');
    expect(sessionSetCookie(response)).toBeUndefined();
    expect(await nothingCreated()).toEqual({ users: 0, sessions: 0 });
  });

  it('never puts a valid password back into a refused form', async () => {
    const response = await postSignUp({ email: 'nobody', displayName: 'Kept Name', password: 'a perfectly fine passphrase' });
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).not.toContain('a perfectly fine passphrase');
    expect(html).toMatch(/<input[^>]*name="password"(?![^>]*value=)[^>]*>/);
  });

  it.each([
    ['without a CSRF token', {}],
    ['with a forged CSRF token', { _csrf: 'forged-token' }],
  ])('refuses a sign-up %s with 403 and creates nothing', async (_, token) => {
    await browser.get('/accounts/sign-up');

    const response = await browser.postForm('/accounts/sign-up', { email: 'csrf@example.com', displayName: 'C', password, ...token });

    expect(response.status).toBe(403);
    expect(sessionSetCookie(response)).toBeUndefined();
    expect(await nothingCreated()).toEqual({ users: 0, sessions: 0 });
  });

  it("refuses another browser's CSRF token with 403 and creates nothing", async () => {
    const stolen = await csrfTokenFrom(new CookieClient(server.baseUrl), '/accounts/sign-up');
    await browser.get('/accounts/sign-up');

    const response = await browser.postForm('/accounts/sign-up', { _csrf: stolen, email: 'csrf@example.com', displayName: 'C', password });

    expect(response.status).toBe(403);
    expect(await nothingCreated()).toEqual({ users: 0, sessions: 0 });
  });

  it('ends the session of the account the browser was signed in to when it signs up for another', async () => {
    await signUp(browser);
    const first = await server.prisma.accountsSession.findFirstOrThrow({ select: { id: true } });

    await signUp(browser);

    const old = await server.prisma.accountsSession.findUniqueOrThrow({ where: { id: first.id }, select: { revokedAt: true } });
    expect(old.revokedAt).not.toBeNull();
    expect(await server.prisma.accountsSession.count({ where: { revokedAt: null } })).toBe(1);
  });

  it('answers 409 "already registered" to an email that differs only in case and spaces, and keeps one user', async () => {
    await signUp(new CookieClient(server.baseUrl), { email: 'taken@example.com', password });

    const response = await postSignUp({ email: '  TAKEN@Example.com ', displayName: 'Second', password: 'another long password' });
    const html = await response.text();

    expect(response.status).toBe(409);
    expect(html).toContain(EMAIL_TAKEN);
    expect(html).toMatch(/name="displayName"[^>]*value="Second"/);
    expect(html).not.toContain('another long password');
    expect(sessionSetCookie(response)).toBeUndefined();
    expect(await server.prisma.accountsUser.count()).toBe(1);
    expect(await server.prisma.accountsSession.count()).toBe(1);
  });

  it('creates exactly one account when five sign-ups with one email arrive at once, and tells the others it is taken', async () => {
    const _csrf = await csrfTokenFrom(browser, '/accounts/sign-up');
    const attempts = [1, 2, 3, 4, 5].map((n) =>
      browser.postForm('/accounts/sign-up', {
        _csrf,
        // Half of them spelled differently: the normalised form is what must be unique.
        email: n % 2 === 0 ? 'race@example.com' : ' RACE@Example.com ',
        displayName: `Racer ${n}`,
        password,
      }),
    );

    const responses = await Promise.all(attempts);
    const statuses = responses.map((response) => response.status).sort();

    expect(statuses).toEqual([303, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409)) expect(await response.text()).toContain(EMAIL_TAKEN);
    expect(await server.prisma.accountsUser.count()).toBe(1);
    expect(await server.prisma.accountsSession.count()).toBe(1);
  });
});
