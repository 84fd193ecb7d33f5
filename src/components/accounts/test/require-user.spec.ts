import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp, TestAccount } from '../../../testing/http/sign-up';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
// Only the public surface, as another component would use it.
import { CurrentUser, RequireUser } from '../index';
import type { SignedInUser } from '../index';

/** Another component's routes, guarded the way docs/guides tell component authors to. */
@Controller('guarded-example')
class GuardedExampleController {
  @Get()
  @RequireUser()
  show(@CurrentUser() user: SignedInUser) {
    return { seen: user };
  }

  @Post()
  @HttpCode(200)
  @RequireUser()
  create(@CurrentUser() user: SignedInUser) {
    return { createdBy: user };
  }

  @Get('optional')
  optional(@CurrentUser({ optional: true }) user: SignedInUser | null) {
    return { seen: user };
  }

  /** A handler whose author forgot @RequireUser(): @CurrentUser() alone must still keep it from running signed out. */
  @Get('unguarded')
  unguarded(@CurrentUser() user: SignedInUser) {
    return { seen: user };
  }
}

@Module({ controllers: [GuardedExampleController] })
class GuardedExampleModule {}

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const WANTS_JSON = { accept: 'application/json' };
const SIGN_IN_REQUIRED = 'Sign in to do this. If you have no account yet, create one at /accounts/sign-up.';

describe('@RequireUser() and @CurrentUser() on another component’s routes', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startAccountsTestServer({ imports: [GuardedExampleModule] });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** A CSRF token for `browser`, from a page with a form, as the guarded form's own page would give it. */
  const csrfTokenFor = async (browser: CookieClient) => CookieClient.csrfTokenIn(await (await browser.get('/accounts/sign-in')).text());

  describe('signed out', () => {
    let browser: CookieClient;

    beforeEach(() => {
      browser = new CookieClient(server.baseUrl);
    });

    it('sends a browser’s GET to sign in (303), coming back to the address afterwards', async () => {
      const response = await browser.get('/guarded-example', BROWSER);

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/accounts/sign-in?returnTo=%2Fguarded-example');
    });

    it('says on the sign-in page why the browser was sent there', async () => {
      const refused = await browser.get('/guarded-example', BROWSER);
      const signInPage = await (await browser.get(refused.headers.get('location') ?? '')).text();

      expect(signInPage).toContain(
        '<div class="flash" role="status">Sign in to do this. If you have no account yet, create one at /accounts/sign-up.</div>',
      );
    });

    it('keeps the query string in the way back, through the sign-in form, to the page after signing in', async () => {
      const account = await signUp(new CookieClient(server.baseUrl));

      const refused = await browser.get('/guarded-example?tab=drafts&page=2', BROWSER);
      const location = refused.headers.get('location') ?? '';
      const form = await (await browser.get(location)).text();
      const signedIn = await browser.postForm(location, {
        _csrf: CookieClient.csrfTokenIn(form),
        email: account.email,
        password: account.password,
        returnTo: /name="returnTo" value="([^"]*)"/.exec(form)?.[1].replace(/&amp;/g, '&') ?? '',
      });

      expect(location).toBe('/accounts/sign-in?returnTo=%2Fguarded-example%3Ftab%3Ddrafts%26page%3D2');
      expect(form).toContain('<input type="hidden" name="returnTo" value="/guarded-example?tab=drafts&amp;page=2"/>');
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.get('location')).toBe('/guarded-example?tab=drafts&page=2');
      expect((await browser.get('/guarded-example?tab=drafts&page=2', WANTS_JSON)).status).toBe(200);
    });

    it('answers an API client with 401 JSON saying to sign in', async () => {
      const response = await browser.get('/guarded-example', WANTS_JSON);

      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ statusCode: 401, error: 'Sign-in required', message: SIGN_IN_REQUIRED });
    });

    it('gives an optional @CurrentUser() null and runs the handler', async () => {
      const response = await browser.get('/guarded-example/optional', WANTS_JSON);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ seen: null });
    });

    it('refuses a handler that has @CurrentUser() without the guard as the guard would', async () => {
      expect((await browser.get('/guarded-example/unguarded', WANTS_JSON)).status).toBe(401);
      const response = await browser.get('/guarded-example/unguarded', BROWSER);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/accounts/sign-in?returnTo=%2Fguarded-example%2Funguarded');
    });

    it('sends a form post to sign in, coming back to the page the form was on (its same-origin Referer)', async () => {
      const _csrf = await csrfTokenFor(browser);

      const response = await browser.postForm('/guarded-example', { _csrf }, { referer: `${server.baseUrl}/guarded-example/new?draft=7` });

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/accounts/sign-in?returnTo=%2Fguarded-example%2Fnew%3Fdraft%3D7');
    });

    it.each([
      ['another site’s Referer', { referer: 'https://evil.example/guarded-example/new' }],
      ['a Referer on another port of this host', { referer: 'http://127.0.0.1:1/guarded-example/new' }],
      ['no Referer', {}],
    ])('sends a form post with %s to sign in without a way back', async (_, headers: Record<string, string>) => {
      const _csrf = await csrfTokenFor(browser);

      const response = await browser.postForm('/guarded-example', { _csrf }, headers);

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/accounts/sign-in');
    });

    it('answers an API client’s form post with 401 JSON', async () => {
      const _csrf = await csrfTokenFor(browser);

      const response = await browser.postForm('/guarded-example', { _csrf }, WANTS_JSON);

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ statusCode: 401, message: SIGN_IN_REQUIRED });
    });
  });

  describe('signed in', () => {
    let browser: CookieClient;
    let account: TestAccount;
    let user: SignedInUser;

    beforeAll(async () => {
      browser = new CookieClient(server.baseUrl);
      account = await signUp(browser, { displayName: 'Grace Guarded' });
      user = await server.prisma.accountsUser.findUniqueOrThrow({
        where: { email: account.email },
        select: { id: true, email: true, displayName: true },
      });
    });

    it('runs the handler with the user (id, email, display name) from @CurrentUser()', async () => {
      const response = await browser.get('/guarded-example', BROWSER);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ seen: user });
      expect(user).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: account.email, displayName: 'Grace Guarded' });
    });

    it('gives an optional @CurrentUser() the user', async () => {
      expect(await (await browser.get('/guarded-example/optional')).json()).toEqual({ seen: user });
    });

    it('lets a form post through with the user', async () => {
      const _csrf = await csrfTokenFor(browser);

      const response = await browser.postForm('/guarded-example', { _csrf }, { referer: `${server.baseUrl}/guarded-example/new` });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ createdBy: user });
    });

    it('refuses the cookie of a session signed out since, as a browser that kept it would send it', async () => {
      const other = new CookieClient(server.baseUrl);
      await signUp(other);
      const keptCookie = other.cookieHeader();
      expect((await other.postForm('/accounts/sign-out', { _csrf: await csrfTokenFor(other) })).status).toBe(303);

      const response = await fetch(`${server.baseUrl}/guarded-example`, {
        headers: { ...BROWSER, cookie: keptCookie },
        redirect: 'manual',
      });

      expect(keptCookie).toMatch(/(^|; )session=[\w-]{43}/);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/accounts/sign-in?returnTo=%2Fguarded-example');
    });
  });
});
