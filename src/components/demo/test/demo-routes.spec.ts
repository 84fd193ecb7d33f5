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

  it('says once, on the page it redirects to, that the post was added', async () => {
    const created = await addPost({ title: 'Announced <b>post</b>', authorName: 'Ada' });
    const flashCookie = created.headers.get('set-cookie') ?? '';

    const next = await (await browser.get('/demo/posts')).text();
    const later = await (await browser.get('/demo/posts')).text();

    expect(flashCookie).toMatch(/flash=s%3A/);
    expect(flashCookie).toContain('HttpOnly');
    expect(next).toContain('<div class="flash" role="status">Post “Announced &lt;b&gt;post&lt;/b&gt;” added.</div>');
    expect(later).not.toContain('class="flash"');
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
    expect(html).toContain('<title>Error: Posts · Component Platform</title>');
    expect(html).toMatch(/<div class="error-summary" role="alert"[\s\S]*<a href="#title">Enter a title of 1 to 200 characters\.<\/a>/);
    expect(html).toMatch(/id="title"[^>]*aria-describedby="title-error"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<p id="title-error" class="field-error">.*Enter a title of 1 to 200 characters\.<\/p>/);
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

  it('asks for confirmation before deleting: the Delete link changes nothing, the confirmation form deletes', async () => {
    await addPost({ title: 'Doomed', authorName: 'Ada' });
    const post = await server.prisma.demoPost.findFirstOrThrow({ where: { title: 'Doomed' } });

    const list = await (await browser.get('/demo/posts')).text();
    expect(list).toContain(`href="/demo/posts/${post.id}/delete"`);
    const confirmation = await browser.get(`/demo/posts/${post.id}/delete`);
    const page = await confirmation.text();
    expect(confirmation.status).toBe(200);
    expect(page).toContain('<h1>Delete “Doomed”?</h1>');
    expect(page).toMatch(new RegExp(`<form [^>]*action="/demo/posts/${post.id}/delete" method="post">`));
    expect(page).toContain('<a href="/demo/posts" class="button button-secondary">Cancel</a>');
    expect(await server.prisma.demoPost.count()).toBe(1);

    const deleted = await browser.postForm(`/demo/posts/${post.id}/delete`, { _csrf: CookieClient.csrfTokenIn(page) });

    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/demo/posts');
    expect(await server.prisma.demoPost.count()).toBe(0);
    expect(await (await browser.get('/demo/posts')).text()).toContain('Post “Doomed” deleted.');
  });

  it('answers the confirmation page of an unknown post with 404, and its delete with a redirect saying so', async () => {
    const _csrf = await openList();

    const missingPage = await browser.get(`/demo/posts/${randomUUID()}/delete`);
    const unknown = await browser.postForm(`/demo/posts/${randomUUID()}/delete`, { _csrf });
    const malformed = await browser.postForm('/demo/posts/not-a-uuid/delete', { _csrf });

    expect(missingPage.status).toBe(404);
    expect(await missingPage.text()).toContain('This post does not exist, or it has been deleted already.');
    expect([unknown.status, malformed.status]).toEqual([303, 303]);
    expect(malformed.headers.get('location')).toBe('/demo/posts');
    expect(await (await browser.get('/demo/posts')).text()).toContain('That post had already been deleted.');
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

  it('shows 50 posts on one page with ?size=50, and 20 for any size it does not offer', async () => {
    const author = await server.prisma.demoUser.create({ data: { name: 'Verbose', email: 'verbose@example.test' } });
    await server.prisma.demoPost.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({ title: `Entry ${i + 1}`, authorId: author.id })),
    });

    const fifty = await (await browser.get('/demo/posts?size=50')).text();
    const counts = await Promise.all(
      ['?size=1000', '?size=0', '?size=abc', '?size=50&size=20'].map(
        async (query) => (await (await browser.get(`/demo/posts${query}`)).text()).match(/<article/g)?.length,
      ),
    );

    expect(fifty.match(/<article/g)).toHaveLength(50);
    expect(fifty).toContain('href="/demo/posts?page=2&amp;size=50"');
    expect(counts).toEqual([20, 20, 20, 20]);
  });

  it('redirects /demo to the post list', async () => {
    const response = await browser.get('/demo');

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/demo/posts');
  });
});
