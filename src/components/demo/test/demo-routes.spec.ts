import { randomUUID } from 'node:crypto';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { CookieClient } from '../../../testing/http/cookie-client';
import { startTestServer, TestServer } from '../../../testing/start-test-server';

describe('demo routes over HTTP', () => {
  let server: TestServer;
  let browser: CookieClient;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    browser = new CookieClient(server.baseUrl);
  });

  /** Loads the list (as a browser would) and returns its CSRF token. */
  async function openList(): Promise<string> {
    const response = await browser.get('/demo/posts');
    expect(response.status).toBe(200);
    return CookieClient.csrfTokenIn(await response.text());
  }

  async function addPost(fields: Record<string, string>): Promise<Response> {
    const _csrf = await openList();
    return browser.postForm('/demo/posts', { _csrf, status: 'PUBLISHED', content: '', ...fields });
  }

  it('shows the empty state when there are no posts', async () => {
    const html = await (await browser.get('/demo/posts')).text();

    expect(html).toContain('No posts yet. Add your first post above!');
  });

  it('creates a post, redirects with 303 and lists it newest first', async () => {
    const first = await addPost({ title: 'First post', authorName: 'Ada' });
    await addPost({ title: 'Second post', authorName: 'Ada', content: 'More words' });

    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/demo/posts');
    const html = await (await browser.get('/demo/posts')).text();
    expect(html.indexOf('Second post')).toBeGreaterThan(-1);
    expect(html.indexOf('Second post')).toBeLessThan(html.indexOf('First post'));
    expect(html).toContain('by <!-- -->Ada');
  });

  it('re-renders an invalid form with 400, messages by the fields and the input kept, and saves nothing', async () => {
    const response = await addPost({ title: '   ', authorName: 'Kept Author', content: 'Kept content' });
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).toMatch(/id="title"[^>]*aria-invalid="true"[^>]*aria-describedby="title-error"/);
    expect(html).toContain('<p id="title-error" class="field-error">Enter a title of 1 to 200 characters.</p>');
    expect(html).toContain('value="Kept Author"');
    expect(html).toContain('Kept content</textarea>');
    expect(await server.prisma.demoPost.count()).toBe(0);
  });

  it.each([
    ['a title over 200 characters', { title: 'x'.repeat(201), authorName: 'Ada' }, 'title-error'],
    ['content over 10,000 characters', { title: 'T', authorName: 'Ada', content: 'c'.repeat(10_001) }, 'content-error'],
    ['an author name over 100 characters', { title: 'T', authorName: 'a'.repeat(101) }, 'authorName-error'],
    ['an unknown status', { title: 'T', authorName: 'Ada', status: 'DELETED' }, 'status-error'],
  ])('rejects %s with 400', async (_, fields, errorId) => {
    const response = await addPost(fields);

    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`id="${errorId}"`);
    expect(await server.prisma.demoPost.count()).toBe(0);
  });

  it('creates one author when two first posts by a new name arrive at the same moment', async () => {
    const _csrf = await openList();
    const authorName = `Simultaneous ${randomUUID()}`;

    const responses = await Promise.all(
      ['A', 'B'].map((title) => browser.postForm('/demo/posts', { _csrf, title, authorName, status: 'DRAFT' })),
    );

    expect(responses.map((r) => r.status)).toEqual([303, 303]);
    expect(await server.prisma.demoUser.count({ where: { name: authorName } })).toBe(1);
    expect(await server.prisma.demoPost.count({ where: { author: { name: authorName } } })).toBe(2);
  });

  it('deletes a post and redirects; an unknown or malformed id redirects without error', async () => {
    await addPost({ title: 'Doomed', authorName: 'Ada' });
    const post = await server.prisma.demoPost.findFirstOrThrow({ where: { title: 'Doomed' } });
    const _csrf = await openList();

    const deleted = await browser.postForm(`/demo/posts/${post.id}/delete`, { _csrf });
    const unknown = await browser.postForm(`/demo/posts/${randomUUID()}/delete`, { _csrf });
    const malformed = await browser.postForm('/demo/posts/not-a-uuid/delete', { _csrf });

    expect([deleted.status, unknown.status, malformed.status]).toEqual([303, 303, 303]);
    expect(malformed.headers.get('location')).toBe('/demo/posts');
    expect(await server.prisma.demoPost.count()).toBe(0);
  });

  it('rejects a form without a CSRF token, or with a forged one, with 403 and changes nothing', async () => {
    await openList();

    const missing = await browser.postForm('/demo/posts', { title: 'Forged', authorName: 'Mallory' });
    const forged = await browser.postForm('/demo/posts', { _csrf: 'forged.token', title: 'Forged', authorName: 'Mallory' });
    const stranger = new CookieClient(server.baseUrl);
    const otherToken = CookieClient.csrfTokenIn(await (await stranger.get('/demo/posts')).text());
    const borrowed = await browser.postForm('/demo/posts', { _csrf: otherToken, title: 'Forged', authorName: 'Mallory' });

    expect([missing.status, forged.status, borrowed.status]).toEqual([403, 403, 403]);
    expect(await missing.text()).toContain('Reload the page and submit it again.');
    expect(await server.prisma.demoPost.count()).toBe(0);
  });

  it('paginates after 20 posts, newest on the first page', async () => {
    const author = await server.prisma.demoUser.create({ data: { name: 'Prolific', email: 'prolific@example.test' } });
    await server.prisma.demoPost.createMany({
      data: Array.from({ length: 21 }, (_, i) => ({
        title: `Post ${i + 1}`,
        authorId: author.id,
        createdAt: new Date(Date.UTC(2025, 0, i + 1)),
      })),
    });

    const first = await (await browser.get('/demo/posts')).text();
    const second = await (await browser.get('/demo/posts?page=2')).text();

    expect(first.match(/<article/g)).toHaveLength(20);
    expect(first).toContain('Post 21');
    expect(first).toContain('href="/demo/posts?page=2"');
    expect(second.match(/<article/g)).toHaveLength(1);
    expect(second).toContain('Post 1<');
    expect(second).toContain('Page <!-- -->2<!-- --> of <!-- -->2');
  });

  it('redirects /demo to the post list', async () => {
    const response = await browser.get('/demo');

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/demo/posts');
  });
});
