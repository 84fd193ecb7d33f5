import { randomUUID } from 'node:crypto';
import { AccountDeleted } from '../../accounts';
import { eventScenario } from '../../../testing/events/event-scenario';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, type TestAccount } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { startComponentTestServer, type TestServer } from '../../../testing/start-test-server';
import { AccountDeletedListener } from '../account-deleted.listener';
import { DemoComponentService } from '../component.service';

const LIST = '/demo/posts';

type StoredAccount = TestAccount & { id: string };

/** A page's CSRF token, loading it as a browser would. */
const csrfTokenFrom = async (browser: CookieClient, path: string) => CookieClient.csrfTokenIn(await (await browser.get(path)).text());

/** The titles of the cards a page shows, in order. */
const titlesIn = (html: string) =>
  [...html.matchAll(/<h3 id="post-[^"]+-title" class="card-title">([^<]*)<\/h3>/g)].map(([, title]) => title);

describe('which posts a reader sees, over HTTP', () => {
  let server: TestServer;
  let author: StoredAccount;
  let other: StoredAccount;

  beforeAll(async () => {
    server = await startComponentTestServer('demo');
  });

  // The next file of this worker may count posts without knowing who sees which.
  afterAll(async () => {
    await resetWorkerSchema(server.prisma);
    await server.close();
  });

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    author = await createAccount('Author');
    other = await createAccount('Other');
  });

  /**
   * An account made through the sign-up form, which then does not matter:
   * whether it signs the browser in or asks to check the mail, signIn() below
   * signs in (unverified accounts may). The demo cannot reach into accounts'
   * tables or hashing to store one (its test fixtures are accounts' own).
   */
  async function createAccount(displayName: string): Promise<StoredAccount> {
    const browser = new CookieClient(server.baseUrl);
    const account = { email: `${displayName.toLowerCase()}-${randomUUID()}@example.test`, displayName, password: 'a long enough password' };
    const response = await browser.postForm('/accounts/sign-up', { _csrf: await csrfTokenFrom(browser, '/accounts/sign-up'), ...account });
    expect(response.status).toBe(303);
    const { id } = await server.prisma.accountsUser.findUniqueOrThrow({ where: { email: account.email }, select: { id: true } });
    return { ...account, id };
  }

  async function signedIn(account: StoredAccount): Promise<CookieClient> {
    const browser = new CookieClient(server.baseUrl);
    expect((await signIn(browser, account)).status).toBe(303);
    return browser;
  }

  function storePost(authorId: string, title: string, status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' = 'PUBLISHED') {
    return server.prisma.demoPost.create({ data: { authorId, title, status }, select: { id: true } });
  }

  const listed = async (browser: CookieClient, path = LIST) => titlesIn(await (await browser.get(path)).text());

  describe('drafts', () => {
    it('lists a draft to its author only, not to another account nor to a signed-out reader', async () => {
      await storePost(author.id, 'Published by the author');
      await storePost(author.id, 'Draft by the author', 'DRAFT');
      await storePost(other.id, 'Archived by the other', 'ARCHIVED');

      expect(await listed(await signedIn(author))).toEqual(['Archived by the other', 'Draft by the author', 'Published by the author']);
      expect(await listed(await signedIn(other))).toEqual(['Archived by the other', 'Published by the author']);
      expect(await listed(new CookieClient(server.baseUrl))).toEqual(['Archived by the other', 'Published by the author']);
    });

    it('answers 404 at a draft’s address to another account, as for a post that does not exist, and shows it to its author', async () => {
      const draft = await storePost(author.id, 'Draft by the author', 'DRAFT');
      const address = `/demo/posts/${draft.id}/delete`;

      const toOther = await (await signedIn(other)).get(address);
      expect(toOther.status).toBe(404);
      expect(await toOther.text()).not.toContain('Draft by the author');
      expect((await new CookieClient(server.baseUrl).get(address)).status).toBe(303);
      const toAuthor = await (await signedIn(author)).get(address);
      expect(toAuthor.status).toBe(200);
      expect(await toAuthor.text()).toContain('Delete “Draft by the author”?');
    });

    it('does not let another account delete a draft it cannot see, and says nothing about it', async () => {
      const draft = await storePost(author.id, 'Draft by the author', 'DRAFT');
      const browser = await signedIn(other);

      const response = await browser.postForm(`/demo/posts/${draft.id}/delete`, { _csrf: await csrfTokenFrom(browser, LIST) });

      expect(response.status).toBe(303);
      expect(await server.prisma.demoPost.count({ where: { id: draft.id } })).toBe(1);
      expect(await (await browser.get(LIST)).text()).not.toContain('Draft by the author');
    });

    it('counts only the posts the reader may see, so the pages add up and a page past the end is the last one', async () => {
      await server.prisma.demoPost.createMany({
        data: [
          ...Array.from({ length: 20 }, (_, i) => ({ authorId: other.id, title: `Published ${i}`, status: 'PUBLISHED' as const })),
          ...Array.from({ length: 5 }, (_, i) => ({ authorId: author.id, title: `Draft ${i}`, status: 'DRAFT' as const })),
        ],
      });
      const signedOut = new CookieClient(server.baseUrl);

      // React separates text from values with empty comments: "Page <!-- -->2<!-- --> of …".
      const textOf = async (response: Promise<Response>) => (await (await response).text()).replaceAll('<!-- -->', '');
      const outsider = await textOf(signedOut.get(`${LIST}?page=2`));
      expect(titlesIn(outsider)).toHaveLength(20);
      expect(outsider).not.toContain('Page 1 of');
      const theirs = await textOf((await signedIn(author)).get(`${LIST}?page=9`));
      expect(theirs).toContain('Page 2 of 2');
      expect(titlesIn(theirs)).toHaveLength(5);
    });
  });

  describe('a deleted author', () => {
    async function deleteAccountOf(account: StoredAccount): Promise<void> {
      const browser = await signedIn(account);
      const response = await browser.postForm('/accounts/me/delete', {
        _csrf: await csrfTokenFrom(browser, '/accounts/me/delete'),
        password: account.password,
      });
      expect(response.status).toBe(303);
    }

    it('hides their posts, drafts and all, once accounts/account-deleted is delivered, and keeps another author’s', async () => {
      const scenario = eventScenario(server.app);
      scenario.record(AccountDeleted);
      const published = await storePost(author.id, 'By the leaver');
      await storePost(author.id, 'Draft by the leaver', 'DRAFT');
      await storePost(other.id, 'By the one who stays');
      const reader = await signedIn(other);

      await deleteAccountOf(author);
      expect(await scenario.published(AccountDeleted)).toHaveLength(1);
      await scenario.runPendingJobs();

      expect(await listed(reader)).toEqual(['By the one who stays']);
      expect(await listed(new CookieClient(server.baseUrl))).toEqual(['By the one who stays']);
      expect((await reader.get(`/demo/posts/${published.id}/delete`)).status).toBe(404);
      expect(await server.prisma.demoPost.count({ where: { authorId: author.id, authorDeletedAt: { not: null } } })).toBe(2);
    });

    it('changes nothing when the event is delivered again, and refuses to edit a hidden post', async () => {
      const post = await storePost(author.id, 'By the leaver');
      await deleteAccountOf(author);
      await eventScenario(server.app).runPendingJobs();
      const { authorDeletedAt } = await server.prisma.demoPost.findUniqueOrThrow({ where: { id: post.id } });

      const event = {
        id: 'again',
        component: 'accounts',
        name: 'account-deleted',
        version: 1,
        payload: { accountId: author.id },
        publishedAt: new Date(),
        attempt: 2,
      };
      await server.prisma.$transaction((tx) => server.app.get(AccountDeletedListener).hideTheirPosts(event, tx));

      expect(await server.prisma.demoPost.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({
        authorDeletedAt,
        title: 'By the leaver',
      });
      expect(await server.app.get(DemoComponentService).updatePost(post.id, { title: 'Changed' })).toBeNull();
      expect((await server.prisma.demoPost.findUniqueOrThrow({ where: { id: post.id } })).title).toBe('By the leaver');
    });
  });
});
