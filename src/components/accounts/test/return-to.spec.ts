import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { csrfTokenFrom, StoredAccount, storeAccount } from './account-fixtures';
import { OPEN_REDIRECT_ATTEMPTS } from './open-redirect-attempts';

describe('returnTo on the sign-in and sign-up forms', () => {
  let server: TestServer;
  let account: StoredAccount;

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    account = await storeAccount(server.prisma);
  });

  /** The redirect stays on this site: a path, not `//host`, naming no other host. */
  function expectSameSite(location: string | null): void {
    expect(location).not.toBeNull();
    expect(location!.startsWith('/')).toBe(true);
    expect(location!.startsWith('//')).toBe(false);
    expect(location).not.toMatch(/evil|\\/i);
    expect(new URL(location!, server.baseUrl).origin).toBe(server.baseUrl);
  }

  it('carries a safe returnTo from the sign-in address through the form and follows it after signing in', async () => {
    const browser = new CookieClient(server.baseUrl);
    const page = await (await browser.get('/accounts/sign-in?returnTo=%2Fdemo%2Fposts%3Fpage%3D2%23post-1')).text();
    expect(page).toContain('<input type="hidden" name="returnTo" value="/demo/posts?page=2#post-1"/>');
    expect(page).toContain('href="/accounts/sign-up?returnTo=%2Fdemo%2Fposts%3Fpage%3D2%23post-1"');

    const response = await signIn(browser, account, { returnTo: '/demo/posts?page=2#post-1' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/demo/posts?page=2#post-1');
  });

  it.each(OPEN_REDIRECT_ATTEMPTS.map((attempt) => [attempt]))('sends a sign-in with returnTo=%j home instead', async (attempt) => {
    const response = await signIn(new CookieClient(server.baseUrl), account, { returnTo: attempt });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expectSameSite(response.headers.get('location'));
  });

  it('sends a sign-in with returnTo given twice home', async () => {
    const browser = new CookieClient(server.baseUrl);
    const _csrf = await csrfTokenFrom(browser, '/accounts/sign-in');
    const body = new URLSearchParams({ _csrf, email: account.email, password: account.password });
    body.append('returnTo', '/demo/posts');
    body.append('returnTo', '//evil.example');

    const response = await browser.send('/accounts/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new TextEncoder().encode(body.toString()),
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it('never puts any of the attempts into the sign-in or sign-up form, the "check your email" page, or their links', async () => {
    const browser = new CookieClient(server.baseUrl);
    for (const attempt of OPEN_REDIRECT_ATTEMPTS) {
      for (const path of ['/accounts/sign-in', '/accounts/sign-up', '/accounts/sign-up/sent']) {
        const response = await browser.get(`${path}?returnTo=${encodeURIComponent(attempt)}`);
        const html = await response.text();

        expect({ attempt, path, status: response.status, hidden: html.includes('name="returnTo"'), links: /returnTo=/.test(html) }).toEqual(
          {
            attempt,
            path,
            status: 200,
            hidden: false,
            links: false,
          },
        );
      }
    }
  });

  // Sign-up now leads to the "check your email" page, which carries a safe returnTo on to its sign-in link.
  it.each([
    ['/%252F%252Fevil.example', '/accounts/sign-up/sent'],
    ['/accounts/me', '/accounts/sign-up/sent?returnTo=%2Faccounts%2Fme'],
    ...OPEN_REDIRECT_ATTEMPTS.map((attempt) => [attempt, '/accounts/sign-up/sent']),
  ])('sends a sign-up with returnTo=%j on to %j', async (returnTo, location) => {
    const browser = new CookieClient(server.baseUrl);
    const _csrf = await csrfTokenFrom(browser, '/accounts/sign-up');

    const response = await browser.postForm('/accounts/sign-up', {
      _csrf,
      email: 'returning@example.test',
      displayName: 'Returning',
      password: 'a long enough password',
      returnTo,
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(location);
  });

  it('keeps a safe returnTo on a refused form, so the retry still goes back there', async () => {
    const browser = new CookieClient(server.baseUrl);

    const refused = await signIn(browser, { email: account.email, password: 'wrong password' }, { returnTo: '/demo/posts' });

    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<input type="hidden" name="returnTo" value="/demo/posts"/>');
  });
});
