import { Controller, Get, Header, Module } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { startTestServer, TestServer } from '../../testing/start-test-server';
import { Page } from '../page.decorator';
import { PageContext } from '../page-context';
import type { RenderContext } from '../render-context';
import { renderPage } from '../render-page';

/** Text with two-, three- and four-byte UTF-8 characters, so characters and bytes differ. */
const WIDE_TEXT = 'Crème brûlée – 東京 – 🍰 '.repeat(200);

@Controller('html-response')
class HtmlResponseController {
  @Get('page')
  @Page()
  page(@PageContext() context: RenderContext): string {
    return renderPage(<p>{WIDE_TEXT}</p>, { title: 'Wide', context });
  }

  @Get('validated')
  @Page()
  @Header('ETag', '"own-validator"')
  validated(@PageContext() context: RenderContext): string {
    return renderPage(<p>{WIDE_TEXT}</p>, { title: 'Validated', context });
  }

  @Get('json')
  json(): { text: string } {
    return { text: WIDE_TEXT };
  }
}

@Module({ controllers: [HtmlResponseController] })
class HtmlResponseModule {}

/** One raw HTTP exchange, so the answer's headers and bytes are seen as they went over the wire. */
function rawGet(baseUrl: string, path: string, method = 'GET', headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const request = httpRequest(`${baseUrl}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('how a rendered page is sent', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ imports: [HtmlResponseModule] });
  });

  afterAll(() => server.close());

  it('sends the whole page with a Content-Length of its UTF-8 bytes, not chunked, and without an ETag', async () => {
    const answer = await rawGet(server.baseUrl, '/html-response/page');
    const html = answer.body.toString('utf8');

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(answer.headers.etag).toBeUndefined();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(WIDE_TEXT.trim());
    expect(html.endsWith('</html>')).toBe(true);
  });

  it('answers HEAD for a page with its headers and no body', async () => {
    const get = await rawGet(server.baseUrl, '/html-response/page');
    const head = await rawGet(server.baseUrl, '/html-response/page', 'HEAD');

    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.body.length).toBe(0);
  });

  it('leaves a page with its own validator, and answers other than pages, to Express: ETag and 304 as before', async () => {
    const validated = await rawGet(server.baseUrl, '/html-response/validated', 'GET', { 'if-none-match': '"own-validator"' });
    const json = await rawGet(server.baseUrl, '/html-response/json');
    const jsonAgain = await rawGet(server.baseUrl, '/html-response/json', 'GET', { 'if-none-match': String(json.headers.etag) });

    expect(validated.status).toBe(304);
    expect(json.status).toBe(200);
    expect(json.headers.etag).toMatch(/^W\//);
    expect(JSON.parse(json.body.toString('utf8'))).toEqual({ text: WIDE_TEXT });
    expect(jsonAgain.status).toBe(304);
  });
});
