import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { startFixtureServer, type FixtureServer } from '../../../testing/fixture-component/start-fixture-server';

describe("the layout's account area", () => {
  let server: FixtureServer;

  beforeAll(async () => {
    // Another component's pages: the platform's fixture component (/fixture/notes), so this test needs no demo.
    server = await startFixtureServer();
  });

  afterAll(() => server.close());

  beforeEach(() => resetWorkerSchema(server.prisma));

  it('shows the signed-in user and a sign-out form on the home page, a component page and a 404 page', async () => {
    const browser = new CookieClient(server.baseUrl);
    await signUp(browser, { displayName: 'Layout <Tester>' });

    for (const path of ['/', '/fixture/notes', '/no-such-page']) {
      const html = await (await browser.get(path)).text();

      expect({ path, signedIn: html.includes('Signed in as <a href="/accounts/me">Layout &lt;Tester&gt;</a>') }).toEqual({
        path,
        signedIn: true,
      });
      expect(html).toMatch(/<form action="\/accounts\/sign-out" method="post"><input type="hidden" name="_csrf" value="[^"]+"\/?>/);
    }
  });

  it('offers sign-in, coming back to the page, and sign-up when nobody is signed in', async () => {
    const html = await (await new CookieClient(server.baseUrl).get('/fixture/notes?page=2')).text();

    expect(html).toContain('<a href="/accounts/sign-in?returnTo=%2Ffixture%2Fnotes%3Fpage%3D2">Sign in</a>');
    expect(html).toContain('<a href="/accounts/sign-up">Create an account</a>');
    expect(html).not.toContain('Signed in as');
  });

  /** The layout's "Sign in" link of a page, as the browser gets it. */
  async function signInLinkOf(response: Response): Promise<string | undefined> {
    return /<a href="([^"]*)">Sign in<\/a>/.exec(await response.text())?.[1];
  }

  it('leads the sign-in of a 404 page home, not back to the missing address', async () => {
    const response = await new CookieClient(server.baseUrl).get('/no-such-page?x=1');

    expect(response.status).toBe(404);
    expect(await signInLinkOf(response)).toBe('/accounts/sign-in');
  });

  it('leads the sign-in of a 404 page back to the page of this site that linked to it', async () => {
    const referer = `${server.baseUrl}/fixture/notes?page=2`;

    const response = await new CookieClient(server.baseUrl).get('/fixture/notes/no-such-note', { referer });

    expect(response.status).toBe(404);
    expect(await signInLinkOf(response)).toBe('/accounts/sign-in?returnTo=%2Ffixture%2Fnotes%3Fpage%3D2');
  });

  it('leads the sign-in of a 404 page home when another site linked to it', async () => {
    const response = await new CookieClient(server.baseUrl).get('/no-such-page', { referer: 'https://other.example/fixture/notes' });

    expect(await signInLinkOf(response)).toBe('/accounts/sign-in');
  });

  it('leads the sign-in of a refused form post back to the page of the form, not to the address it posted to', async () => {
    const response = await new CookieClient(server.baseUrl).postForm(
      '/fixture/notes',
      { title: 'No token' },
      { referer: `${server.baseUrl}/fixture/notes?page=2` },
    );

    expect(response.status).toBe(403);
    expect(await signInLinkOf(response)).toBe('/accounts/sign-in?returnTo=%2Ffixture%2Fnotes%3Fpage%3D2');
  });

  it('keeps pages of a signed-in user out of shared caches', async () => {
    const browser = new CookieClient(server.baseUrl);
    await signUp(browser);

    const signedIn = await browser.get('/');
    const anonymous = await new CookieClient(server.baseUrl).get('/');

    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(anonymous.headers.get('cache-control')).not.toBe('private, no-store');
  });
});
