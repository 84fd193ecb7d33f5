import { CookieClient } from '../../../testing/http/cookie-client';
import { startComponentTestServer, TestServer } from '../../../testing/start-test-server';

// Moved from the system component's home-page test, which no longer assumes the demo is installed.
// The home page is the system component's; it lists every component of the registry, the demo's card among them,
// so this test starts that component only (and the platform), not the demo's controllers or accounts.
describe('the demo on the home page', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startComponentTestServer('system');
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
