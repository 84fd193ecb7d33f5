import { PRODUCTION_SETTINGS } from '../../testing/environment/production-settings';
import { withEnvironment } from '../../testing/environment/with-environment';
import { CookieClient } from '../../testing/http/cookie-client';
import { SetCookie, setCookiesOf } from '../../testing/http/set-cookie';
import { startTestServer, TestServer } from '../../testing/start-test-server';

/** NODE_ENV=production and what it requires (a CSRF secret, SMTP_URL, APP_URL). */
const PRODUCTION = PRODUCTION_SETTINGS;

/** What a reverse proxy that terminates HTTPS adds to the requests it passes on. */
const FROM_TLS_PROXY = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };

/**
 * The cookies a browser gets going through the app as a newcomer does: the
 * sign-up form, signing up, signing in (sign-up starts no session), the page
 * it leads to (which shows and clears the flash message), signing out. Every
 * Set-Cookie of every response, as sent.
 */
async function cookiesOfAVisit(baseUrl: string): Promise<SetCookie[]> {
  const browser = new CookieClient(baseUrl);
  const seen: SetCookie[] = [];
  const keep = (response: Response) => {
    seen.push(...setCookiesOf(response));
    return response;
  };
  const account = { email: `cookies-${Date.now()}-${Math.random()}@example.test`, password: 'a long enough password' };
  const form = await keep(await browser.get('/accounts/sign-up', FROM_TLS_PROXY)).text();
  const signedUp = keep(
    await browser.postForm(
      '/accounts/sign-up',
      { _csrf: CookieClient.csrfTokenIn(form), displayName: 'Cookie Carla', ...account },
      FROM_TLS_PROXY,
    ),
  );
  expect(signedUp.status).toBe(303);
  const signInForm = await keep(await browser.get('/accounts/sign-in', FROM_TLS_PROXY)).text();
  const signedIn = keep(
    await browser.postForm('/accounts/sign-in', { _csrf: CookieClient.csrfTokenIn(signInForm), ...account }, FROM_TLS_PROXY),
  );
  expect(signedIn.status).toBe(303);
  const home = await keep(await browser.get('/', FROM_TLS_PROXY)).text();
  const signedOut = keep(await browser.postForm('/accounts/sign-out', { _csrf: CookieClient.csrfTokenIn(home) }, FROM_TLS_PROXY));
  expect(signedOut.status).toBe(303);
  return seen;
}

describe.each([
  ['behind a TLS proxy it trusts (TRUST_PROXY=1)', { ...PRODUCTION, TRUST_PROXY: '1' }],
  ['behind a TLS proxy it was not told about (no TRUST_PROXY)', PRODUCTION],
])('every cookie in production, %s', (_, environment) => {
  let server: TestServer;
  let cookies: SetCookie[];

  beforeAll(async () => {
    server = await withEnvironment(environment, () => startTestServer());
    cookies = await cookiesOfAVisit(server.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('is one of the four the operations guide lists, each named with the __Host- prefix', () => {
    expect(new Set(cookies.map(({ name }) => name))).toEqual(
      new Set(['__Host-browser-id', '__Host-csrf-token', '__Host-session', '__Host-flash']),
    );
  });

  it('is Secure, HttpOnly, SameSite=Lax and Path=/, without Domain, whether set or cleared', () => {
    for (const cookie of cookies) {
      expect({ name: cookie.name, ...cookie.attributes }).toMatchObject({
        name: cookie.name,
        secure: '',
        httponly: '',
        samesite: 'Lax',
        path: '/',
      });
      expect(cookie.attributes).not.toHaveProperty('domain');
    }
  });

  it('carries the flash message signed, for a minute, and clears it on the page that shows it', () => {
    const flashes = cookies.filter(({ name }) => name === '__Host-flash');
    const [welcome, cleared, signedOut] = flashes;

    // The first flash was the sign-up's welcome; sign-up now sets none, and the sign-in after it says who is signed in.
    expect(flashes).toHaveLength(3);
    expect(decodeURIComponent(welcome.value)).toMatch(/^s:Signed in as Cookie Carla\./);
    expect(welcome.attributes['max-age']).toBe('60');
    expect(cleared.value).toBe('');
    expect(new Date(cleared.attributes.expires).getTime()).toBeLessThan(Date.now());
    expect(decodeURIComponent(signedOut.value)).toMatch(/^s:You are signed out\./);
  });
});
