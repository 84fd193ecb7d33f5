import { Body, Controller, Get, Header, Module, Post, Res } from '@nestjs/common';
import type { Response as ExpressResponse } from 'express';
import { CookieClient } from '../../testing/http/cookie-client';
import { startTestServer, TestServer } from '../../testing/start-test-server';
import { CsrfField } from '../../ssr/kit';
import { PageContext } from '../../ssr/page-context';
import type { RenderContext } from '../../ssr/render-context';
import { renderPage } from '../../ssr/render-page';

@Controller('csrf-reuse')
class CsrfReuseController {
  readonly received: string[] = [];

  @Get('form')
  @Header('Content-Type', 'text/html; charset=utf-8')
  form(@PageContext() context: RenderContext): string {
    return renderPage(
      <form method="post" action="/csrf-reuse/form">
        <CsrfField />
        <input name="note" />
      </form>,
      { title: 'Form', context },
    );
  }

  @Post('form')
  submit(@Body() body: Record<string, string>, @Res() res: ExpressResponse): void {
    this.received.push(body.note);
    res.redirect(303, '/csrf-reuse/form');
  }
}

@Module({ controllers: [CsrfReuseController] })
class CsrfReuseModule {}

const cookieNames = (response: Response) => response.headers.getSetCookie().map((line) => line.slice(0, line.indexOf('=')));

/** `name=value` of one cookie in a client's Cookie header. */
function cookiePair(client: CookieClient, name: string): string {
  const pair = client
    .cookieHeader()
    .split('; ')
    .find((p) => p.startsWith(`${name}=`));
  if (!pair) throw new Error(`the browser holds no ${name} cookie: ${client.cookieHeader()}`);
  return pair;
}

describe('CSRF tokens of a browser that already has one', () => {
  let server: TestServer;
  let fixture: CsrfReuseController;

  beforeAll(async () => {
    server = await startTestServer({ imports: [CsrfReuseModule] });
    fixture = server.app.get(CsrfReuseController);
  });

  afterAll(() => server.close());

  beforeEach(() => {
    fixture.received.length = 0;
  });

  async function formPage(cookie?: string): Promise<{ response: Response; token: string }> {
    const response = await fetch(`${server.baseUrl}/csrf-reuse/form`, { headers: cookie ? { cookie } : {} });
    expect(response.status).toBe(200);
    return { response, token: CookieClient.csrfTokenIn(await response.text()) };
  }

  it('gives a second page the token of the first without setting any cookie again, and a form posted with it passes', async () => {
    const browser = new CookieClient(server.baseUrl);
    const first = CookieClient.csrfTokenIn(await (await browser.get('/csrf-reuse/form')).text());

    const second = await browser.get('/csrf-reuse/form');
    const token = CookieClient.csrfTokenIn(await second.text());
    const posted = await browser.postForm('/csrf-reuse/form', { _csrf: token, note: 'second page' });

    expect(token).toBe(first);
    expect(cookieNames(second)).toEqual([]);
    expect(posted.status).toBe(303);
    expect(fixture.received).toEqual(['second page']);
  });

  it('replaces a forged token cookie, or another browser’s, with a new one of its own, and refuses the foreign token on POST', async () => {
    const browser = new CookieClient(server.baseUrl);
    const other = new CookieClient(server.baseUrl);
    await browser.get('/csrf-reuse/form');
    const foreignToken = CookieClient.csrfTokenIn(await (await other.get('/csrf-reuse/form')).text());
    const ownId = cookiePair(browser, 'browser-id');

    const withForeign = await formPage(`${ownId}; ${cookiePair(other, 'csrf-token')}`);
    const withForged = await formPage(`${ownId}; csrf-token=forged.token`);
    const post = (token: string, cookieToken: string, note: string) =>
      fetch(`${server.baseUrl}/csrf-reuse/form`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: `${ownId}; csrf-token=${cookieToken}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, note }).toString(),
      });
    const foreign = await post(foreignToken, foreignToken, 'foreign');
    const replaced = await post(withForeign.token, withForeign.token, 'replaced');

    expect([withForeign.token, withForged.token]).not.toContain(foreignToken);
    expect(withForged.token).not.toBe('forged.token');
    expect(cookieNames(withForeign.response)).toEqual(['csrf-token']);
    expect(cookieNames(withForged.response)).toEqual(['csrf-token']);
    expect(foreign.status).toBe(403);
    expect(replaced.status).toBe(303);
    expect(fixture.received).toEqual(['replaced']);
  });
});
