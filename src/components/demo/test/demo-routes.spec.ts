import { randomUUID } from 'node:crypto';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp, TestAccount } from '../../../testing/http/sign-up';
import { startComponentTestServer, TestServer } from '../../../testing/start-test-server';

const LIST = '/demo/posts';
const SIGN_IN_FOR_LIST = '/accounts/sign-in?returnTo=%2Fdemo%2Fposts';
const NOT_YOUR_POST = 'Only the author of a post can delete it. You can delete the posts you wrote yourself.';

/** Every Delete link on a page. */
const deleteLinks = (html: string) => html.match(/href="\/demo\/posts\/[^"]+\/delete"/g) ?? [];

describe('demo routes over HTTP', () => {
  let server: TestServer;
  let browser: CookieClient;

  beforeAll(async () => {
    server = await startComponentTestServer('demo');
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    browser = new CookieClient(server.baseUrl);
  });

  it('starts with accounts and the platform only: the home page belongs to system, which a demo test does not start', async () => {
    const home = await browser.get('/');

    expect(home.status).toBe(404);
    expect(await home.text()).toContain(
      "/ is served by component system, which this test did not start: startComponentTestServer('demo') starts accounts, demo and the platform",
    );
    expect((await browser.get('/accounts/sign-in')).status).toBe(200);
  });

  /** The Referer a browser sends with a form posted from the list (the guard takes the way back to the form from it). */
  const fromList = () => ({ referer: `${server.baseUrl}${LIST}` });

  /** Loads the list (as a browser would) and returns its CSRF token; the list has a form only when signed in. */
  async function openList(client = browser): Promise<string> {
    const response = await client.get(LIST);
    expect(response.status).toBe(200);
    return CookieClient.csrfTokenIn(await response.text());
  }

  async function addPost(fields: Record<string, string>, client = browser): Promise<Response> {
    const _csrf = await openList(client);
    return client.postForm(LIST, { _csrf, status: 'PUBLISHED', content: '', ...fields }, fromList());
  }

  /** An account nobody signs in as (no password), for posts a test needs in bulk. */
  function placeholderAccount(displayName: string) {
    return server.prisma.accountsUser.create({
      data: { email: `${randomUUID()}@placeholder.invalid`, displayName, passwordHash: null },
    });
  }

  const accountOf = ({ email }: TestAccount) => server.prisma.accountsUser.findUniqueOrThrow({ where: { email } });

  describe('signed out', () => {
    it('shows the empty state when there are no posts', async () => {
      const html = await (await browser.get(LIST)).text();

      expect(html).toContain('No posts yet. Sign in to write the first one.');
    });

    it('shows a link to sign in that comes back to the list instead of the form, and no Delete links', async () => {
      const author = await placeholderAccount('Ada Lovelace');
      await server.prisma.demoPost.create({ data: { title: 'Visible to all', authorId: author.id } });

      const response = await browser.get(LIST);
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(html).toContain('Visible to all');
      expect(html).toContain(`<p class="sign-in-prompt"><a href="${SIGN_IN_FOR_LIST}">Sign in</a> to add a post or delete your own.</p>`);
      expect(html).not.toContain('<form');
      expect(html).not.toContain('Add a post');
      expect(deleteLinks(html)).toEqual([]);
    });

    it('sends a form left open after signing out to sign in (303), coming back to the list afterwards, and saves nothing', async () => {
      const account = await signUp(browser);
      const _csrf = await openList();
      expect((await browser.postForm('/accounts/sign-out', { _csrf })).status).toBe(303);

      const response = await browser.postForm(LIST, { _csrf, title: 'Too late', content: '', status: 'PUBLISHED' }, fromList());

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(SIGN_IN_FOR_LIST);
      expect(await server.prisma.demoPost.count()).toBe(0);
      const signInPage = await (await browser.get(SIGN_IN_FOR_LIST)).text();
      expect(signInPage).toContain(`<input type="hidden" name="returnTo" value="${LIST}"/>`);
      const signedIn = await browser.postForm('/accounts/sign-in', {
        _csrf: CookieClient.csrfTokenIn(signInPage),
        email: account.email,
        password: account.password,
        returnTo: LIST,
      });
      expect(signedIn.headers.get('location')).toBe(LIST);
    });

    it('answers an API client (Accept: application/json) 401 JSON and saves nothing', async () => {
      const _csrf = CookieClient.csrfTokenIn(await (await browser.get('/accounts/sign-in')).text());

      const response = await browser.postForm(LIST, { _csrf, title: 'No session' }, { ...fromList(), accept: 'application/json' });

      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        statusCode: 401,
        error: 'Sign-in required',
        message: 'Sign in to do this. If you have no account yet, create one at /accounts/sign-up.',
      });
      expect(await server.prisma.demoPost.count()).toBe(0);
    });

    it('sends the confirmation page to sign in, coming back to it, and its delete too, changing nothing', async () => {
      const post = await server.prisma.demoPost.create({ data: { title: 'Stays', authorId: (await placeholderAccount('Ada')).id } });
      const _csrf = CookieClient.csrfTokenIn(await (await browser.get('/accounts/sign-in')).text());

      const page = await browser.get(`/demo/posts/${post.id}/delete`);
      const deleted = await browser.postForm(`/demo/posts/${post.id}/delete`, { _csrf }, fromList());

      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe(`/accounts/sign-in?returnTo=${encodeURIComponent(`/demo/posts/${post.id}/delete`)}`);
      expect(deleted.status).toBe(303);
      expect(deleted.headers.get('location')).toBe(SIGN_IN_FOR_LIST);
      expect(await server.prisma.demoPost.count()).toBe(1);
    });

    it('paginates after 20 posts, newest on the first page', async () => {
      const author = await placeholderAccount('Prolific');
      await server.prisma.demoPost.createMany({
        data: Array.from({ length: 21 }, (_, i) => ({
          title: `Post ${i + 1}`,
          authorId: author.id,
          createdAt: new Date(Date.UTC(2025, 0, i + 1)),
        })),
      });

      const first = await (await browser.get(LIST)).text();
      const second = await (await browser.get('/demo/posts?page=2')).text();

      expect(first.match(/<article/g)).toHaveLength(20);
      expect(first).toContain('Post 21');
      expect(first).toContain('href="/demo/posts?page=2"');
      expect(second.match(/<article/g)).toHaveLength(1);
      expect(second).toContain('Post 1<');
      expect(second).toContain('Page <!-- -->2<!-- --> of <!-- -->2');
    });

    it('shows 50 posts on one page with ?size=50, and 20 for any size it does not offer', async () => {
      const author = await placeholderAccount('Verbose');
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
      expect(response.headers.get('location')).toBe(LIST);
    });
  });

  describe('signed in', () => {
    let me: TestAccount;

    beforeEach(async () => {
      me = await signUp(browser, { displayName: 'Ada Lovelace' });
    });

    it('shows the add-post form and no sign-in prompt', async () => {
      const html = await (await browser.get(LIST)).text();

      expect(html).toMatch(
        /<h2 id="post-form-title" class="card-title">Add a post<\/h2><\/div><form class="post-form" action="\/demo\/posts" method="post">/,
      );
      expect(html).not.toContain('sign-in-prompt');
    });

    it('saves a post with the signed-in account as its author, shown by display name, with Delete on it', async () => {
      const response = await addPost({ title: 'Mine', content: 'My words' });
      const html = await (await browser.get(LIST)).text();

      const post = await server.prisma.demoPost.findFirstOrThrow({ where: { title: 'Mine' } });
      expect(response.status).toBe(303);
      expect(post.authorId).toBe((await accountOf(me)).id);
      expect(html).toMatch(/<article [^>]*>[\s\S]*?Mine[\s\S]*?by <!-- -->Ada Lovelace[\s\S]*?<\/article>/);
      expect(deleteLinks(html)).toEqual([`href="/demo/posts/${post.id}/delete"`]);
    });

    it('ignores an author or author id sent with the form and saves the post as the signed-in user’s', async () => {
      const other = await placeholderAccount('Somebody Else');

      const response = await addPost({ title: 'Spoofed?', authorName: 'Somebody Else', authorId: other.id });

      expect(response.status).toBe(303);
      const post = await server.prisma.demoPost.findFirstOrThrow({ where: { title: 'Spoofed?' }, include: { author: true } });
      expect(post.author).toMatchObject({ email: me.email, displayName: 'Ada Lovelace' });
    });

    it('says once, on the page it redirects to, that the post was added', async () => {
      const created = await addPost({ title: 'Announced <b>post</b>' });
      const flashCookie = created.headers.get('set-cookie') ?? '';

      const next = await (await browser.get(LIST)).text();
      const later = await (await browser.get(LIST)).text();

      expect(flashCookie).toMatch(/flash=s%3A/);
      expect(flashCookie).toContain('HttpOnly');
      expect(next).toContain('<div class="flash" role="status">Post “Announced &lt;b&gt;post&lt;/b&gt;” added.</div>');
      expect(later).not.toContain('class="flash"');
    });

    it('creates a post, redirects with 303 and lists it newest first', async () => {
      const first = await addPost({ title: 'First post' });
      await addPost({ title: 'Second post', content: 'More words' });

      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe(LIST);
      const html = await (await browser.get(LIST)).text();
      expect(html.indexOf('Second post')).toBeGreaterThan(-1);
      expect(html.indexOf('Second post')).toBeLessThan(html.indexOf('First post'));
    });

    it('re-renders an invalid form with 400, messages by the fields and the input kept, and saves nothing', async () => {
      const response = await addPost({ title: '   ', content: 'Kept content', status: 'DRAFT' });
      const html = await response.text();

      expect(response.status).toBe(400);
      expect(html).toContain('<title>Error: Posts · Component Platform</title>');
      expect(html).toMatch(/<div class="error-summary" role="alert"[\s\S]*<a href="#title">Enter a title of 1 to 200 characters\.<\/a>/);
      expect(html).toMatch(/id="title"[^>]*aria-describedby="title-error"[^>]*aria-invalid="true"/);
      expect(html).toMatch(/<p id="title-error" class="field-error">.*Enter a title of 1 to 200 characters\.<\/p>/);
      expect(html).toContain('Kept content</textarea>');
      expect(html).toContain('<option value="DRAFT" selected="">');
      expect(await server.prisma.demoPost.count()).toBe(0);
    });

    it.each([
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title-error'],
      ['content over 10,000 characters', { title: 'T', content: 'c'.repeat(10_001) }, 'content-error'],
      ['an unknown status', { title: 'T', status: 'DELETED' }, 'status-error'],
    ])('rejects %s with 400', async (_, fields, errorId) => {
      const response = await addPost(fields);

      expect(response.status).toBe(400);
      expect(await response.text()).toContain(`id="${errorId}"`);
      expect(await server.prisma.demoPost.count()).toBe(0);
    });

    it('asks for confirmation before deleting: the Delete link changes nothing, the confirmation form deletes', async () => {
      await addPost({ title: 'Doomed' });
      const post = await server.prisma.demoPost.findFirstOrThrow({ where: { title: 'Doomed' } });

      const list = await (await browser.get(LIST)).text();
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
      expect(deleted.headers.get('location')).toBe(LIST);
      expect(await server.prisma.demoPost.count()).toBe(0);
      expect(await (await browser.get(LIST)).text()).toContain('Post “Doomed” deleted.');
    });

    it('answers the confirmation page of an unknown post with 404, and its delete with a redirect saying so', async () => {
      const _csrf = await openList();

      const missingPage = await browser.get(`/demo/posts/${randomUUID()}/delete`);
      const unknown = await browser.postForm(`/demo/posts/${randomUUID()}/delete`, { _csrf });
      const malformed = await browser.postForm('/demo/posts/not-a-uuid/delete', { _csrf });

      expect(missingPage.status).toBe(404);
      expect(await missingPage.text()).toContain('This post does not exist, or it has been deleted already.');
      expect([unknown.status, malformed.status]).toEqual([303, 303]);
      expect(malformed.headers.get('location')).toBe(LIST);
      expect(await (await browser.get(LIST)).text()).toContain('That post had already been deleted.');
    });

    it('rejects a form without a CSRF token, or with a forged one, with 403 and changes nothing', async () => {
      await openList();

      const missing = await browser.postForm(LIST, { title: 'Forged' });
      const forged = await browser.postForm(LIST, { _csrf: 'forged.token', title: 'Forged' });
      const stranger = new CookieClient(server.baseUrl);
      const otherToken = CookieClient.csrfTokenIn(await (await stranger.get('/accounts/sign-in')).text());
      const borrowed = await browser.postForm(LIST, { _csrf: otherToken, title: 'Forged' });

      expect([missing.status, forged.status, borrowed.status]).toEqual([403, 403, 403]);
      expect(await missing.text()).toContain('Reload the page and submit it again.');
      expect(await server.prisma.demoPost.count()).toBe(0);
    });
  });

  describe('another signed-in user', () => {
    it('sees no Delete on the post, is refused its confirmation page and its delete (403), and the post stays for its author to delete', async () => {
      await signUp(browser, { displayName: 'Ada Lovelace' });
      await addPost({ title: 'Written by Ada' });
      const post = await server.prisma.demoPost.findFirstOrThrow({ where: { title: 'Written by Ada' } });
      const bob = new CookieClient(server.baseUrl);
      await signUp(bob, { displayName: 'Bob' });

      const list = await (await bob.get(LIST)).text();
      const confirmation = await bob.get(`/demo/posts/${post.id}/delete`);
      const deleted = await bob.postForm(`/demo/posts/${post.id}/delete`, { _csrf: CookieClient.csrfTokenIn(list) }, fromList());

      expect(list).toMatch(/Written by Ada[\s\S]*?by <!-- -->Ada Lovelace/);
      expect(list).toContain('action="/demo/posts"');
      expect(deleteLinks(list)).toEqual([]);
      expect(confirmation.status).toBe(403);
      expect(await confirmation.text()).toContain(NOT_YOUR_POST);
      expect(deleted.status).toBe(403);
      expect(await deleted.text()).toContain(NOT_YOUR_POST);
      expect(await server.prisma.demoPost.count({ where: { id: post.id } })).toBe(1);

      const _csrf = CookieClient.csrfTokenIn(await (await browser.get(`/demo/posts/${post.id}/delete`)).text());
      const byAuthor = await browser.postForm(`/demo/posts/${post.id}/delete`, { _csrf });

      expect(byAuthor.status).toBe(303);
      expect(await server.prisma.demoPost.count({ where: { id: post.id } })).toBe(0);
    });
  });
});
