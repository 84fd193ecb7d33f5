import { Controller, Get, Module } from '@nestjs/common';
import { CookieClient } from '../../testing/http/cookie-client';
import { startTestServer, TestServer } from '../../testing/start-test-server';

/** A route that fails the way a bug would, with internals in the message. */
@Controller('test-failure')
class FailingController {
  @Get()
  fail(): never {
    throw new Error('SELECT * FROM "BillingInvoice" -- secret detail');
  }
}

@Module({ controllers: [FailingController] })
class FailingModule {}

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
});
