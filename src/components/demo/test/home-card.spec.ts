import { CookieClient } from '../../../testing/http/cookie-client';
import { startTestServer, TestServer } from '../../../testing/start-test-server';

// Moved from the system component's home-page test, which no longer assumes the demo is installed.
describe('the demo on the home page', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(() => server.close());

  it('is called "Posts", as the navigation calls it, with its description and a link to the list', async () => {
    const html = await (await new CookieClient(server.baseUrl).get('/')).text();
    const card = /<article class="card" aria-labelledby="component-demo-title">([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';

    expect(card).toContain('<h2 id="component-demo-title" class="card-title">Posts</h2>');
    expect(card).toContain('<p>Posts by signed-in authors: the whole path from Prisma schema to browser.</p>');
    expect(card).toContain('<a href="/demo/posts"');
    expect(html).not.toContain('Demo posts');
  });
});
