import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CookieClient } from '../../testing/http/cookie-client';
import { startFixtureServer, type FixtureServer } from '../../testing/fixture-component/start-fixture-server';

const cookieNames = (response: Response) => response.headers.getSetCookie().map((header) => header.slice(0, header.indexOf('=')));

/**
 * A response a shared cache may keep, or that no browser reads as a page,
 * sets no cookie: a cache would hand the browser id it carries to every
 * browser it serves. Pages with a form still set theirs.
 */
describe('responses without cookies', () => {
  let server: FixtureServer;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'cookie-free-static-'));
    writeFileSync(join(staticDir, 'site.0123abcd.css'), 'body { margin: 0; }\n');
    server = await startFixtureServer({ staticDir });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('serves a static asset cacheable by anyone for a year, without Set-Cookie', async () => {
    const response = await fetch(`${server.baseUrl}/static/site.0123abcd.css`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it.each(['/health', '/health/live', '/health/ready'])('answers the probe %s without Set-Cookie', async (path) => {
    const response = await fetch(server.baseUrl + path);

    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('still gives a page with a form the browser id and the CSRF token its form needs, and accepts the form', async () => {
    const browser = new CookieClient(server.baseUrl);
    const page = await browser.get('/fixture/notes');

    expect(page.status).toBe(200);
    expect(cookieNames(page).sort()).toEqual(['browser-id', 'csrf-token']);
    const submitted = await browser.postForm('/fixture/notes', { _csrf: CookieClient.csrfTokenIn(await page.text()), title: '' });
    // The form got past the CSRF check (a 403 otherwise) to the form's own rules.
    expect(submitted.status).toBe(400);
  });

  it('keeps the browser id a browser already has on its next page with a form', async () => {
    const browser = new CookieClient(server.baseUrl);
    await browser.get('/fixture/notes');
    const second = await browser.get('/fixture/notes?page=2');
    const submitted = await browser.postForm('/fixture/notes', { _csrf: CookieClient.csrfTokenIn(await second.text()), title: '' });

    expect(second.status).toBe(200);
    expect(cookieNames(second)).not.toContain('browser-id');
    // The token of the second page belongs to the browser id of the first: the form passes the CSRF check.
    expect(submitted.status).toBe(400);
  });
});
