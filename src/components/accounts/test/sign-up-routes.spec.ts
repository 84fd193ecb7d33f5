import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, signUp } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { verifyPassword } from '../passwords/password-hasher';
import { sessionTokenHash } from '../sessions/session-token';
import { csrfTokenFrom, isSignedIn, sessionSetCookie, sessionTokenOf } from './account-fixtures';
import { queuedJobs } from '../../../testing/events/queued-jobs';

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

  it('creates one unverified user with a normalised email and an argon2id hash, starts no session and sends the browser to "check your email"', async () => {
    const response = await postSignUp({ email: '  Ada@Example.COM ', displayName: 'Ada Lovelace', password });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/sign-up/sent');
    expect(sessionSetCookie(response)).toBeUndefined();
    const users = await server.prisma.accountsUser.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: 'ada@example.com', displayName: 'Ada Lovelace', deletedAt: null, emailVerifiedAt: null });
    expect(users[0].passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(users[0].passwordHash!, password)).toBe(true);
    expect(await server.prisma.accountsSession.count()).toBe(0);
    expect(await queuedJobs(server.app)).toEqual([{ task: 'job:accounts.send-verification', payload: { accountId: users[0].id } }]);
  });

  it('shows "check your email" after signing up, with nobody signed in', async () => {
    const response = await postSignUp({ email: 'sent@example.com', displayName: 'Sent', password });
    const page = await browser.get(response.headers.get('location')!);
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<h1');
    expect(html).toContain('Check your email');
    expect(html).toContain('We sent a message to the address you entered.');
    expect(html).toContain('href="/accounts/sign-in">sign in</a>');
    expect(await isSignedIn(browser)).toBe(false);
  });

  // Moved from the sign-up's response: signing up no longer starts a session; signing in after it does.
  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, without Secure in development, until the absolute expiry, when the new account signs in', async () => {
    await postSignUp({ email: 'cookie@example.com', displayName: 'Cookie', password });
    const response = await signIn(browser, { email: 'cookie@example.com', password });
    const header = sessionSetCookie(response) ?? '';
    const session = await server.prisma.accountsSession.findFirstOrThrow();

    expect(header).toMatch(/^session=[A-Za-z0-9_-]{43}; /);
    expect(header).toContain('; HttpOnly');
    expect(header).toContain('; SameSite=Lax');
    expect(header).toContain('; Path=/');
    expect(header).not.toMatch(/secure/i);
    expect(header).not.toMatch(/domain=/i);
    expect(Buffer.from(session.tokenHash)).toEqual(Buffer.from(sessionTokenHash(sessionTokenOf(response))));
    const expires = new Date(/Expires=([^;]+)/.exec(header)![1]);
    expect(Math.abs(expires.getTime() - session.absoluteExpiresAt.getTime())).toBeLessThan(1000);
  });

  it('shows "Signed in as" the new name, escaped, once the new account signs in', async () => {
    await postSignUp({ email: 'layout@example.com', displayName: 'Ada <Lovelace>', password });
    await signIn(browser, { email: 'layout@example.com', password });

    const html = await (await browser.get('/')).text();

    expect(html).toContain('Signed in as <a href="/accounts/me">Ada &lt;Lovelace&gt;</a>');
  });

  it('carries a safe returnTo to the "check your email" page, whose sign-in link goes on there', async () => {
    const response = await postSignUp({ email: 'back@example.com', displayName: 'Back', password, returnTo: '/demo/posts?page=2' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/sign-up/sent?returnTo=%2Fdemo%2Fposts%3Fpage%3D2');
    const html = await (await browser.get(response.headers.get('location')!)).text();
    expect(html).toContain('href="/accounts/sign-in?returnTo=%2Fdemo%2Fposts%3Fpage%3D2">sign in</a>');
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

  it('leaves a signed-in browser signed in to its account when it signs up for another', async () => {
    const first = await signUp(browser);
    const session = await server.prisma.accountsSession.findFirstOrThrow({ select: { id: true } });

    const response = await postSignUp({ email: 'second@example.com', displayName: 'Second', password });

    expect(response.status).toBe(303);
    expect(sessionSetCookie(response)).toBeUndefined();
    const kept = await server.prisma.accountsSession.findUniqueOrThrow({ where: { id: session.id }, select: { revokedAt: true } });
    expect(kept.revokedAt).toBeNull();
    expect(await server.prisma.accountsSession.count()).toBe(1);
    expect(await (await browser.get('/')).text()).toContain(`Signed in as <a href="/accounts/me">${first.displayName}</a>`);
  });

  it('answers a sign-up for an email that differs only in case and spaces like a new one, and keeps one user', async () => {
    await signUp(new CookieClient(server.baseUrl), { email: 'taken@example.com', password });

    const response = await postSignUp({ email: '  TAKEN@Example.com ', displayName: 'Second', password: 'another long password' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/sign-up/sent');
    expect(sessionSetCookie(response)).toBeUndefined();
    expect(await server.prisma.accountsUser.count()).toBe(1);
    expect(await server.prisma.accountsSession.count()).toBe(1);
  });

  it('creates exactly one account when five sign-ups with one email arrive at once, and answers all five alike', async () => {
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

    expect(responses.map((response) => [response.status, response.headers.get('location')])).toEqual(
      Array(5).fill([303, '/accounts/sign-up/sent']),
    );
    const [user] = await server.prisma.accountsUser.findMany();
    expect(await server.prisma.accountsUser.count()).toBe(1);
    expect(await server.prisma.accountsSession.count()).toBe(0);
    const tasks = (await queuedJobs(server.app)).map((job) => [job.task, job.payload]);
    expect(tasks.sort()).toEqual([
      ['job:accounts.send-sign-up-notice', { accountId: user.id }],
      ['job:accounts.send-sign-up-notice', { accountId: user.id }],
      ['job:accounts.send-sign-up-notice', { accountId: user.id }],
      ['job:accounts.send-sign-up-notice', { accountId: user.id }],
      ['job:accounts.send-verification', { accountId: user.id }],
    ]);
  });
});
