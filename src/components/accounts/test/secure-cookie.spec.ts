import { PRODUCTION_SETTINGS } from '../../../testing/environment/production-settings';
import { withEnvironment } from '../../../testing/environment/with-environment';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn } from '../../../testing/http/sign-up';
import { SetCookie, setCookiesOf } from '../../../testing/http/set-cookie';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';

/** NODE_ENV=production and what it requires (a CSRF secret, SMTP_URL, APP_URL). */
const PRODUCTION = PRODUCTION_SETTINGS;

const sessionCookiesIn = (response: Response) => setCookiesOf(response).filter(({ name }) => /session/i.test(name));

/** Everything a browser checks before it accepts a `__Host-` cookie, and what keeps it from scripts and other sites. */
function expectHostOnlySessionCookie(cookie: SetCookie | undefined): void {
  expect(cookie?.name).toBe('__Host-session');
  expect(cookie?.attributes).toMatchObject({ path: '/', secure: '', httponly: '', samesite: 'Lax' });
  expect(cookie?.attributes).not.toHaveProperty('domain');
}

describe('the session cookie in production (NODE_ENV=production)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await withEnvironment(PRODUCTION, () => startAccountsTestServer());
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Signs a new account up, then in (sign-up starts no session), and returns the sign-in's response, as the browser got it. */
  async function signInResponse(browser: CookieClient): Promise<Response> {
    const account = { email: `secure-${Date.now()}-${Math.random()}@example.test`, password: 'a long enough password' };
    const page = await browser.get('/accounts/sign-up');
    const signedUp = await browser.postForm('/accounts/sign-up', {
      _csrf: CookieClient.csrfTokenIn(await page.text()),
      displayName: 'Secure Sam',
      ...account,
    });
    expect(signedUp.status).toBe(303);
    expect(sessionCookiesIn(signedUp)).toEqual([]);
    return signIn(browser, account);
  }

  it('is __Host-session, Secure, HttpOnly, SameSite=Lax, Path=/ and without Domain after signing in', async () => {
    const response = await signInResponse(new CookieClient(server.baseUrl));

    expect(response.status).toBe(303);
    const cookies = sessionCookiesIn(response);
    expect(cookies).toHaveLength(1);
    expectHostOnlySessionCookie(cookies[0]);
    expect(cookies[0].value).toMatch(/^[\w-]{43}$/);
    // Lives until the session's absolute expiry (30 days by default), not for the browser's session only.
    const expires = new Date(cookies[0].attributes.expires).getTime();
    expect(expires - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(30 * 24 * 3600 * 1000);
  });

  it('signs the browser in under that name, and not under the development name', async () => {
    const browser = new CookieClient(server.baseUrl);
    const token = sessionCookiesIn(await signInResponse(browser))[0].value;

    const underProductionName = await fetch(`${server.baseUrl}/accounts/me`, {
      headers: { cookie: `__Host-session=${token}` },
      redirect: 'manual',
    });
    const underDevelopmentName = await fetch(`${server.baseUrl}/accounts/me`, {
      headers: { cookie: `session=${token}` },
      redirect: 'manual',
    });

    expect(underProductionName.status).toBe(200);
    expect(await underProductionName.text()).toContain('Signed in as <a href="/accounts/me">Secure Sam</a>');
    expect(underDevelopmentName.status).toBe(303);
    expect(underDevelopmentName.headers.get('location')).toBe('/accounts/sign-in?returnTo=%2Faccounts%2Fme');
  });

  it('is cleared at sign-out with the same attributes, which a browser needs to replace a __Host- cookie', async () => {
    const browser = new CookieClient(server.baseUrl);
    await signInResponse(browser);
    const page = await browser.get('/accounts/me');

    const response = await browser.postForm('/accounts/sign-out', { _csrf: CookieClient.csrfTokenIn(await page.text()) });

    expect(response.status).toBe(303);
    const [cleared] = sessionCookiesIn(response);
    expectHostOnlySessionCookie(cleared);
    expect(cleared.value).toBe('');
    expect(new Date(cleared.attributes.expires).getTime()).toBeLessThan(Date.now());
  });

  it('is cleared with the same attributes when the session it names has ended', async () => {
    const response = await fetch(`${server.baseUrl}/`, { headers: { cookie: `__Host-session=${'A'.repeat(43)}` } });

    expect(response.status).toBe(200);
    expectHostOnlySessionCookie(sessionCookiesIn(response)[0]);
  });
});
