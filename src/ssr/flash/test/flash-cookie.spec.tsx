import { Body, Controller, Get, Header, Module, Post, Query, Redirect, Res } from '@nestjs/common';
import type { Response as ExpressResponse } from 'express';
import { CookieClient } from '../../../testing/http/cookie-client';
import { startTestServer, TestServer } from '../../../testing/start-test-server';
import { CsrfField } from '../../kit';
import { PageContext } from '../../page-context';
import type { RenderContext } from '../../render-context';
import { renderPage } from '../../render-page';
import { setFlash } from '../flash-cookie';

/** An action that succeeds and says so, the way a component's controller does. */
@Controller('flash-fixture')
class FlashFixtureController {
  @Get('page')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@PageContext() context: RenderContext): string {
    return renderPage(
      <form method="post" action="/flash-fixture/act">
        <CsrfField />
        <input name="text" />
      </form>,
      { title: 'Fixture', context },
    );
  }

  @Post('act')
  act(@Body('text') text: string, @Query('via') via: string | undefined, @Res() res: ExpressResponse): void {
    setFlash(res, text);
    res.redirect(303, via === 'hop' ? '/flash-fixture/hop' : '/flash-fixture/page');
  }

  /** A redirect that renders no page: the message must wait for the next page. */
  @Get('hop')
  @Redirect('/flash-fixture/page', 303)
  hop(): void {}
}

@Module({ controllers: [FlashFixtureController] })
class FlashFixtureModule {}

/** The flash messages a page shows, as text. */
const flashesOf = (html: string) => [...html.matchAll(/<div class="flash" role="status">([^<]*)<\/div>/g)].map(([, text]) => text);

const flashCookieOf = (response: Response) => response.headers.getSetCookie().find((cookie) => cookie.startsWith('flash='));

/** Cleared the way Express's clearCookie does it. */
const clears = (cookie: string | undefined) => cookie !== undefined && /^flash=;/.test(cookie) && /Expires=Thu, 01 Jan 1970/.test(cookie);

describe('flash messages over HTTP', () => {
  let server: TestServer;
  let browser: CookieClient;

  beforeAll(async () => {
    server = await startTestServer({ imports: [FlashFixtureModule] });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    browser = new CookieClient(server.baseUrl);
  });

  /** Submits the fixture's form as a browser would; answers the redirect. */
  async function act(text: string, via?: 'hop'): Promise<Response> {
    const form = await (await browser.get('/flash-fixture/page')).text();
    const response = await browser.postForm(`/flash-fixture/act${via ? `?via=${via}` : ''}`, {
      text,
      _csrf: CookieClient.csrfTokenIn(form),
    });
    expect(response.status).toBe(303);
    return response;
  }

  /** The flash cookie of a real action, as the browser would send it back. */
  async function signedCookieFor(text: string): Promise<string> {
    const cookie = flashCookieOf(await act(text));
    if (!cookie) throw new Error('the action set no flash cookie');
    return cookie.split(';')[0].slice('flash='.length);
  }

  const pageWithCookie = (value: string) => fetch(`${server.baseUrl}/flash-fixture/page`, { headers: { cookie: `flash=${value}` } });

  it('shows the message once, on the page the action redirects to, and not on the one after', async () => {
    await act('Post “First steps” added.');

    const next = await browser.get('/flash-fixture/page');
    const later = await browser.get('/flash-fixture/page');

    expect(flashesOf(await next.text())).toEqual(['Post “First steps” added.']);
    expect(clears(flashCookieOf(next))).toBe(true);
    expect(flashesOf(await later.text())).toEqual([]);
  });

  it('keeps the message through a redirect that renders no page, for the page after it', async () => {
    const response = await act('Saved.', 'hop');
    const hop = await browser.get(response.headers.get('location') ?? '');

    expect(hop.status).toBe(303);
    expect(flashesOf(await (await browser.get('/flash-fixture/page')).text())).toEqual(['Saved.']);
  });

  it('sets the message in a signed, HttpOnly, SameSite=Lax cookie for the whole site that lasts a minute', async () => {
    const cookie = flashCookieOf(await act('Saved.')) ?? '';

    expect(cookie).toMatch(/^flash=s%3ASaved\.\.[^;]+;/);
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Lax');
    expect(cookie).toContain('; Path=/');
    expect(cookie).toContain('; Max-Age=60');
  });

  it('shows the message of a genuine cookie sent without the client’s jar', async () => {
    const value = await signedCookieFor('Saved.');

    expect(flashesOf(await (await pageWithCookie(value)).text())).toEqual(['Saved.']);
  });

  it.each([
    ['its message', (value: string) => value.replace('Saved', 'Saver')],
    ['its signature', (value: string) => value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A')],
  ])('shows nothing for a cookie with one character of %s changed, and clears it', async (_, tamper) => {
    const value = await signedCookieFor('Saved.');
    const tampered = tamper(value);
    expect(tampered).not.toBe(value);

    const response = await pageWithCookie(tampered);

    expect(flashesOf(await response.text())).toEqual([]);
    expect(clears(flashCookieOf(response))).toBe(true);
  });

  it('shows nothing for an unsigned flash cookie, as another site or subdomain could plant, and clears it', async () => {
    const response = await pageWithCookie('hello');
    const html = await response.text();

    expect(flashesOf(html)).toEqual([]);
    expect(html).not.toContain('hello');
    expect(clears(flashCookieOf(response))).toBe(true);
  });

  it('keeps a message of 200 characters whole and cuts a longer one to 200 with an ellipsis', async () => {
    await act('a'.repeat(200));
    const whole = flashesOf(await (await browser.get('/flash-fixture/page')).text());
    await act('b'.repeat(201));
    const cut = flashesOf(await (await browser.get('/flash-fixture/page')).text());

    expect(whole).toEqual(['a'.repeat(200)]);
    expect(cut).toEqual([`${'b'.repeat(199)}…`]);
  });

  it('cuts a long message without splitting a character made of two UTF-16 units', async () => {
    const response = await act(`${'c'.repeat(198)}😀 and more`);
    const shown = flashesOf(await (await browser.get('/flash-fixture/page')).text());

    expect(response.headers.get('location')).toBe('/flash-fixture/page');
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^c{198}(😀)?…$/);
  });

  it('escapes markup in the message', async () => {
    await act('Post “<script>alert(1)</script>” added.');
    const html = await (await browser.get('/flash-fixture/page')).text();

    expect(flashesOf(html)).toEqual(['Post “&lt;script&gt;alert(1)&lt;/script&gt;” added.']);
    expect(html).not.toContain('<script>');
  });

  it('shows no message on a page that no action redirected to', async () => {
    const response = await browser.get('/flash-fixture/page');

    expect(flashesOf(await response.text())).toEqual([]);
    expect(flashCookieOf(response)).toBeUndefined();
  });
});
