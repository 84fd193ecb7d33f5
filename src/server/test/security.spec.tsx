import { Body, Controller, Get, Header, Module, Post, Res } from '@nestjs/common';
import type { Response as ExpressResponse } from 'express';
import { CookieClient } from '../../testing/http/cookie-client';
import { startTestServer, TestServer } from '../../testing/start-test-server';
import { CsrfField } from '../../ssr/kit';
import { PageContext } from '../../ssr/page-context';
import type { RenderContext } from '../../ssr/render-context';
import { renderPage } from '../../ssr/render-page';

/** Pages of the test's own, so the platform's protections are tested without any component. */
@Controller('security-fixture')
class SecurityFixtureController {
  readonly received: string[] = [];

  @Get('form')
  @Header('Content-Type', 'text/html; charset=utf-8')
  form(@PageContext() context: RenderContext): string {
    return renderPage(
      <form method="post" action="/security-fixture/form">
        <CsrfField />
        <input name="note" />
      </form>,
      { title: 'Form', context },
    );
  }

  @Get('plain')
  @Header('Content-Type', 'text/html; charset=utf-8')
  plain(@PageContext() context: RenderContext): string {
    return renderPage(<p>Nothing to submit</p>, { title: 'Plain', context });
  }

  @Post('form')
  submit(@Body() body: Record<string, string>, @Res() res: ExpressResponse): void {
    this.received.push(body.note);
    res.redirect(303, '/security-fixture/form');
  }
}

@Module({ controllers: [SecurityFixtureController] })
class SecurityFixtureModule {}

describe('security of every page', () => {
  let server: TestServer;
  let browser: CookieClient;
  let fixture: SecurityFixtureController;

  beforeAll(async () => {
    server = await startTestServer({ imports: [SecurityFixtureModule] });
    fixture = server.app.get(SecurityFixtureController);
  });

  afterAll(() => server.close());

  beforeEach(() => {
    browser = new CookieClient(server.baseUrl);
    fixture.received.length = 0;
  });

  async function tokenOfForm(client = browser): Promise<string> {
    const response = await client.get('/security-fixture/form');
    expect(response.status).toBe(200);
    return CookieClient.csrfTokenIn(await response.text());
  }

  it('sends security headers with a CSP that allows no scripts', async () => {
    const response = await browser.get('/security-fixture/plain');

    expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sets one CSRF token cookie for a page with a form and none for a page without', async () => {
    const tokenCookies = (response: Response) => response.headers.getSetCookie().filter((cookie) => cookie.startsWith('csrf-token='));

    const plain = await browser.get('/security-fixture/plain');
    const form = await browser.get('/security-fixture/form');

    expect(tokenCookies(plain)).toEqual([]);
    expect(tokenCookies(form)).toHaveLength(1);
  });

  it('accepts a form posted with the token of its page', async () => {
    const _csrf = await tokenOfForm();

    const response = await browser.postForm('/security-fixture/form', { _csrf, note: 'hello' });

    expect(response.status).toBe(303);
    expect(fixture.received).toEqual(['hello']);
  });

  it('rejects a form without a CSRF token, with a forged one or with another browser’s, with 403, and the handler never runs', async () => {
    await tokenOfForm();
    const otherToken = await tokenOfForm(new CookieClient(server.baseUrl));

    const missing = await browser.postForm('/security-fixture/form', { note: 'missing' });
    const forged = await browser.postForm('/security-fixture/form', { _csrf: 'forged.token', note: 'forged' });
    const borrowed = await browser.postForm('/security-fixture/form', { _csrf: otherToken, note: 'borrowed' });

    expect([missing.status, forged.status, borrowed.status]).toEqual([403, 403, 403]);
    expect(await missing.text()).toContain('Reload the page and submit it again.');
    expect(fixture.received).toEqual([]);
  });
});
