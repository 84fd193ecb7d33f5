import { componentRegistry } from '../../../generated/component-registry';
import { CookieClient } from '../../../testing/http/cookie-client';
import { startComponentTestServer, TestServer } from '../../../testing/start-test-server';

/** The home page's cards as a reader meets them: heading, description, link. */
function cardsOf(html: string) {
  return [...html.matchAll(/<article class="card" aria-labelledby="([^"]*)">([\s\S]*?)<\/article>/g)].map(([, labelledBy, body]) => ({
    title: new RegExp(`<h2 id="${labelledBy}"[^>]*>([^<]*)</h2>`).exec(body)?.[1],
    description: /<p>([^<]*)<\/p>/.exec(body)?.[1],
    href: /<a href="([^"]*)"/.exec(body)?.[1],
  }));
}

describe('home page over HTTP', () => {
  let server: TestServer;
  let html: string;

  beforeAll(async () => {
    server = await startComponentTestServer('system');
    const response = await new CookieClient(server.baseUrl).get('/');
    expect(response.status).toBe(200);
    html = await response.text();
  });

  afterAll(() => server.close());

  it('shows one card per navigation entry except Home, in navigation order, titled and linked as in the navigation', () => {
    const descriptions = new Map(componentRegistry.components.map((component) => [component.id, component.description]));
    const expected = componentRegistry.navigation
      .filter((entry) => entry.path !== '/')
      .map((entry) => ({ title: entry.label, description: descriptions.get(entry.componentId), href: entry.path }));

    expect(cardsOf(html)).toEqual(expected);
    // Whichever components this installation has (none besides system and accounts once the demo is deleted):
    // without an entry, the page says how to add one instead of an empty grid.
    expect({ cards: expected.length, saysNoneYet: html.includes('No components yet.') }).toEqual({
      cards: expected.length,
      saysNoneYet: expected.length === 0,
    });
  });

  it('has one h1 and cards headed by h2 under it', () => {
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<h1>Components</h1>');
    expect(html.match(/<h2 /g) ?? []).toHaveLength(cardsOf(html).length);
  });
});
