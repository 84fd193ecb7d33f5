import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { afterNavigation } from '../../../testing/browser/after-navigation';
import { launchBrowser } from '../../../testing/browser/launch-browser';
import { StandInPagesModule } from '../../../testing/stand-in-pages.module';
import { startComponentTestServer, TestServer } from '../../../testing/start-test-server';

describe('the demo in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const url = (path: string) => `${server.baseUrl}${path}`;
  const newcomer = (displayName: string) => ({ displayName, email: `${randomUUID()}@example.test`, password: 'a long enough password' });

  beforeAll(async () => {
    // Signing out lands on the home page, system's, which demo does not depend on: a stand-in serves it.
    server = await startComponentTestServer('demo', { imports: [StandInPagesModule] });
    await resetWorkerSchema(server.prisma);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // A context per test: cookies (the session) do not carry over, so each test starts as a newcomer.
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterEach(() => context?.close());

  /**
   * Fills in the sign-up form the page shows and submits it, then follows the
   * "check your email" page's sign-in link and signs in (sign-up starts no
   * session); the browser then holds a session.
   */
  async function signUpThroughForm(account: ReturnType<typeof newcomer>, landsOn: string): Promise<void> {
    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Name to show on your posts').fill(account.displayName);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await Promise.all([
      page.waitForURL(url(`/accounts/sign-up/sent?returnTo=${encodeURIComponent(landsOn)}`)),
      page.getByRole('button', { name: 'Create account' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Check your email');
    await Promise.all([
      page.waitForURL(url(`/accounts/sign-in?returnTo=${encodeURIComponent(landsOn)}`)),
      page.getByRole('link', { name: 'sign in', exact: true }).click(),
    ]);
    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await Promise.all([page.waitForURL(url(landsOn)), page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  /** Adds a post through the list's form and waits for the list it redirects to. */
  async function addPost(title: string, status = 'PUBLISHED'): Promise<void> {
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Content (optional)').fill('Submitted by a real form post.');
    await page.getByLabel('Status').selectOption(status);
    // The form posts to the list's own address: wait for the new document, not the URL.
    await afterNavigation(page, () => page.getByRole('button', { name: 'Add post' }).click());
    expect(page.url()).toBe(url('/demo/posts'));
  }

  it('lets a newcomer sign up from the list, add a post that shows as theirs, and delete it after confirming', async () => {
    const grace = newcomer('Headless Grace');
    await page.goto(url('/demo/posts'));
    await expect(page.locator('.empty-state').textContent()).resolves.toBe('No posts yet. Sign in to write the first one.');
    expect(await page.getAttribute('nav[aria-label="Main"] a[aria-current="page"]', 'href')).toBe('/demo/posts');
    expect(await page.getByLabel('Title').count()).toBe(0);

    await Promise.all([page.waitForURL(url('/accounts/sign-in?returnTo=%2Fdemo%2Fposts')), page.locator('.sign-in-prompt a').click()]);
    await Promise.all([
      page.waitForURL(url('/accounts/sign-up?returnTo=%2Fdemo%2Fposts')),
      page.getByRole('link', { name: 'Create one' }).click(),
    ]);
    await signUpThroughForm(grace, '/demo/posts');

    // Was the sign-up's welcome; sign-up now starts no session, and the sign-in after it says who is signed in.
    await expect(page.getByRole('status').textContent()).resolves.toBe('Signed in as Headless Grace.');
    await expect(page.locator('.site-account p').textContent()).resolves.toBe('Signed in as Headless Grace');
    await addPost('Written in Chromium', 'DRAFT');

    await expect(page.getByRole('status').textContent()).resolves.toBe('Post “Written in Chromium” added.');
    const card = page.locator('article', { hasText: 'Written in Chromium' });
    await expect(card.locator('.card-meta').textContent()).resolves.toContain('by Headless Grace');
    await expect(card.locator('.status-badge').textContent()).resolves.toBe('DRAFT');
    const saved = await server.prisma.demoPost.findFirstOrThrow({ where: { title: 'Written in Chromium' }, include: { author: true } });
    expect(saved.author.email).toBe(grace.email);

    await Promise.all([page.waitForURL(/\/delete$/), card.getByRole('link', { name: 'Delete “Written in Chromium”' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Delete “Written in Chromium”?');
    expect(await server.prisma.demoPost.count({ where: { id: saved.id } })).toBe(1);
    await Promise.all([page.waitForURL(url('/demo/posts')), page.getByRole('button', { name: 'Delete post' }).click()]);

    await expect(page.getByRole('status').textContent()).resolves.toBe('Post “Written in Chromium” deleted.');
    expect(await page.locator('article').count()).toBe(0);
    expect(await server.prisma.demoPost.count({ where: { id: saved.id } })).toBe(0);
  });

  it('after signing out from the header cannot post, and is led to sign in and back to the list', async () => {
    const alan = newcomer('Headless Alan');
    await page.goto(url('/accounts/sign-up?returnTo=%2Fdemo%2Fposts'));
    await signUpThroughForm(alan, '/demo/posts');
    await addPost('Still mine');

    await Promise.all([page.waitForURL(url('/')), page.locator('.site-account').getByRole('button', { name: 'Sign out' }).click()]);
    await expect(page.getByRole('status').textContent()).resolves.toBe('You are signed out.');
    await page.goto(url('/demo/posts'));

    expect(await page.getByLabel('Title').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add post' }).count()).toBe(0);
    await expect(page.locator('.sign-in-prompt').textContent()).resolves.toBe('Sign in to add a post or delete your own.');
    const card = page.locator('article', { hasText: 'Still mine' });
    await expect(card.locator('.card-meta').textContent()).resolves.toContain('by Headless Alan');
    expect(await card.getByRole('link', { name: /^Delete/ }).count()).toBe(0);

    await Promise.all([page.waitForURL(url('/accounts/sign-in?returnTo=%2Fdemo%2Fposts')), page.locator('.sign-in-prompt a').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in');
    await page.getByLabel('Email address').fill(alan.email);
    await page.getByLabel('Password', { exact: true }).fill(alan.password);
    await Promise.all([page.waitForURL(url('/demo/posts')), page.getByRole('button', { name: 'Sign in' }).click()]);

    await expect(page.getByRole('status').textContent()).resolves.toBe('Signed in as Headless Alan.');
    expect(await page.getByLabel('Title').count()).toBe(1);
    expect(await card.getByRole('link', { name: 'Delete “Still mine”' }).count()).toBe(1);
  });

  it('moves through the form with the keyboard alone', async () => {
    await page.goto(url('/accounts/sign-up?returnTo=%2Fdemo%2Fposts'));
    await signUpThroughForm(newcomer('Headless Keyboard'), '/demo/posts');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Enter');
    const visited: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      // A string, evaluated in the page: this file is compiled without DOM types.
      visited.push(await page.evaluate<string>('document.activeElement.id || document.activeElement.textContent'));
    }

    expect(visited).toEqual(expect.arrayContaining(['title', 'content', 'status', 'Add post']));
  });
});
