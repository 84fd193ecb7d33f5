import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, signUp, TestAccount } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { SIGN_IN_REQUIRED_MESSAGE } from '../guards/require-user.guard';
import { csrfTokenFrom, isSignedIn } from './account-fixtures';

describe('the account page over HTTP', () => {
  let server: TestServer;
  let laptop: CookieClient;
  let account: TestAccount;

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    laptop = new CookieClient(server.baseUrl);
    account = await signUp(laptop, { email: 'Mary@Example.test', displayName: 'Mary <Shelley>' });
  });

  it('shows the name, the normalised email and on how many browsers the user is signed in, and never the hash', async () => {
    const phone = new CookieClient(server.baseUrl);
    expect((await signIn(phone, account)).status).toBe(303);

    const response = await laptop.get('/accounts/me');
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(html).toContain('<dd>Mary &lt;Shelley&gt;</dd>');
    expect(html).toContain('<dd>mary@example.test</dd>');
    expect(html).toContain('You are signed in on 2 devices or browsers.');
    expect(html).not.toContain('$argon2');
    const { passwordHash } = await server.prisma.accountsUser.findFirstOrThrow();
    expect(html).not.toContain(passwordHash!.split('$').at(-1));
  });

  it('counts one browser in the singular', async () => {
    expect(await (await laptop.get('/accounts/me')).text()).toContain('You are signed in on 1 device or browser.');
  });

  it('sends a signed-out browser to sign in, coming back to the account page', async () => {
    const response = await new CookieClient(server.baseUrl).get('/accounts/me');

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/sign-in?returnTo=%2Faccounts%2Fme');
  });

  it('answers a signed-out JSON client 401 with the message', async () => {
    const response = await new CookieClient(server.baseUrl).get('/accounts/me', { accept: 'application/json' });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ statusCode: 401, error: 'Sign-in required', message: SIGN_IN_REQUIRED_MESSAGE });
  });

  it('signs out everywhere: every session of the user ends, on every browser, and another user stays signed in', async () => {
    const phone = new CookieClient(server.baseUrl);
    await signIn(phone, account);
    const someoneElse = new CookieClient(server.baseUrl);
    await signUp(someoneElse);

    const response = await laptop.postForm('/accounts/me/sign-out-everywhere', { _csrf: await csrfTokenFrom(laptop, '/accounts/me') });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/sign-in');
    expect(await (await laptop.get('/accounts/sign-in')).text()).toContain(
      'You are signed out everywhere (2 sessions ended). Sign in again to continue.',
    );
    expect({ laptop: await isSignedIn(laptop), phone: await isSignedIn(phone), someoneElse: await isSignedIn(someoneElse) }).toEqual({
      laptop: false,
      phone: false,
      someoneElse: true,
    });
    const mary = await server.prisma.accountsUser.findUniqueOrThrow({ where: { email: 'mary@example.test' } });
    expect(await server.prisma.accountsSession.count({ where: { userId: mary.id, revokedAt: null } })).toBe(0);
    expect(await server.prisma.accountsSession.count({ where: { userId: { not: mary.id }, revokedAt: null } })).toBe(1);
  });

  it('refuses signing out everywhere without a CSRF token with 403, and ends nothing', async () => {
    const response = await laptop.postForm('/accounts/me/sign-out-everywhere', {});

    expect(response.status).toBe(403);
    expect(await server.prisma.accountsSession.count({ where: { revokedAt: null } })).toBe(1);
    expect(await isSignedIn(laptop)).toBe(true);
  });

  it('sends a signed-out browser that posts sign-out-everywhere to sign in', async () => {
    const anonymous = new CookieClient(server.baseUrl);

    const response = await anonymous.postForm(
      '/accounts/me/sign-out-everywhere',
      { _csrf: await csrfTokenFrom(anonymous, '/accounts/sign-in') },
      { referer: `${server.baseUrl}/accounts/me` },
    );

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/sign-in?returnTo=%2Faccounts%2Fme');
    expect(await server.prisma.accountsSession.count({ where: { revokedAt: null } })).toBe(1);
  });

  it('redirects /accounts to the account page', async () => {
    const response = await laptop.get('/accounts');

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/accounts/me');
  });
});
