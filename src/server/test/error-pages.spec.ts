import { request as httpRequest } from 'node:http';
import { Controller, ForbiddenException, Get, Module, Post } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain.error';
import { CookieClient } from '../../testing/http/cookie-client';
import { startTestServer, TestServer } from '../../testing/start-test-server';

/** A route that fails the way a bug would, with internals in the message. */
@Controller('test-failure')
class FailingController {
  @Get()
  fail(): never {
    throw new Error('SELECT * FROM "BillingInvoice" -- secret detail');
  }

  /** A component's "not allowed", as it should say it. */
  @Get('forbidden')
  forbidden(): never {
    throw new DomainError('FORBIDDEN', 'Only the author can change this post.');
  }

  /** The same with Nest's exception, which lint keeps out of components but a library may still throw. */
  @Get('nest-forbidden')
  nestForbidden(): never {
    throw new ForbiddenException('Only the author can change this post.');
  }

  /** Reached only with a valid CSRF token, which the tests never send. */
  @Post('form')
  submit(): string {
    return 'saved';
  }
}

@Module({ controllers: [FailingController] })
class FailingModule {}

/** The links an error page offers, in order. */
const actionsOf = (html: string) => {
  const list = /<ul class="error-actions">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(([, href, label]) => ({ href, label }));
};

const HOME = { href: '/', label: 'Go to the home page' };

/**
 * A GET with an absolute-form request target (`GET http://other.example/path`),
 * which browsers send only to proxies but any client may send to the app.
 */
function getAbsoluteForm(baseUrl: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ hostname, port, path: target, method: 'GET', headers: { accept: 'text/html' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('error pages', () => {
  let server: TestServer;
  let client: CookieClient;

  beforeAll(async () => {
    server = await startTestServer({ imports: [FailingModule] });
    client = new CookieClient(server.baseUrl);
  });

  afterAll(() => server.close());

  it('renders an unknown route as a 404 page inside the layout', async () => {
    const response = await client.get('/no/such/page');
    const html = await response.text();

    expect(response.status).toBe(404);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1 id="error-heading">Page not found</h1>');
    expect(html).toContain('aria-label="Main"');
  });

  it('answers JSON to a client that asks for JSON', async () => {
    const response = await client.get('/no/such/page', { accept: 'application/json' });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Page not found',
      message: expect.stringContaining('no page at this address'),
    });
  });

  it('renders an unexpected error as a generic 500 page without stack or SQL', async () => {
    const response = await client.get('/test-failure');
    const html = await response.text();

    expect(response.status).toBe(500);
    expect(html).toContain('Something went wrong');
    expect(html).not.toContain('SELECT');
    expect(html).not.toContain('secret detail');
    expect(html).not.toMatch(/at \w+ \(/);
  });

  it('names the status in a caption above the heading and in the document title of a 404', async () => {
    const html = await (await client.get('/no/such/page')).text();

    expect(html).toMatch(
      /<header class="page-header"><p class="page-caption">Error 404<\/p><h1 id="error-heading">Page not found<\/h1><\/header>/,
    );
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<title>Page not found (error 404) · Component Platform</title>');
    expect(actionsOf(html)).toEqual([HOME]);
  });

  it('links a rejected form (403) back to the page of this site it was posted from, then home', async () => {
    const response = await client.postForm('/test-failure/form', { note: 'kept?' }, { referer: `${server.baseUrl}/fixture/notes?page=2` });
    const html = await response.text();

    expect(response.status).toBe(403);
    expect(html).toContain('<title>Not allowed (error 403) · Component Platform</title>');
    expect(html).toContain('The form has expired or did not come from this site.');
    expect(actionsOf(html)).toEqual([{ href: '/fixture/notes?page=2', label: 'Go back to the form and submit it again' }, HOME]);
  });

  it.each([
    ["a component's DomainError('FORBIDDEN')", '/test-failure/forbidden'],
    ["Nest's ForbiddenException", '/test-failure/nest-forbidden'],
  ])('answers %s with 403 and its message, and never tells the user to submit a form again', async (_, path) => {
    const response = await client.get(path, { referer: `${server.baseUrl}/fixture/notes?page=2` });
    const html = await response.text();

    expect(response.status).toBe(403);
    expect(html).toContain('Only the author can change this post.');
    expect(html).not.toContain('submit it again');
    expect(actionsOf(html)).toEqual([{ href: '/fixture/notes?page=2', label: 'Go back to the previous page' }, HOME]);
  });

  it.each([
    ['from another site', 'https://evil.example/fixture/notes'],
    ['without a Referer', undefined],
  ])('links a rejected form (403) posted %s only home', async (_, referer) => {
    const response = await client.postForm('/test-failure/form', { note: 'x' }, referer ? { referer } : {});
    const html = await response.text();

    expect(response.status).toBe(403);
    expect(actionsOf(html)).toEqual([HOME]);
    expect(html).not.toContain('evil.example');
  });

  it('offers to try a failed GET again at the same address', async () => {
    const html = await (await client.get('/test-failure?attempt=1')).text();

    expect(actionsOf(html)).toEqual([{ href: '/test-failure?attempt=1', label: 'Try again' }, HOME]);
  });

  it('never offers to try again at another site when the request target names one', async () => {
    const { status, body } = await getAbsoluteForm(server.baseUrl, 'http://evil.example/test-failure');

    expect(status).toBe(500);
    expect(body).not.toContain('evil.example');
    expect(actionsOf(body).every((action) => action.href.startsWith('/') && !action.href.startsWith('//'))).toBe(true);
  });

  it('tells the browser to send the Referer to this site only (Referrer-Policy: same-origin)', async () => {
    const page = await client.get('/');
    const error = await client.get('/no/such/page');

    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(error.headers.get('referrer-policy')).toBe('same-origin');
  });
});
