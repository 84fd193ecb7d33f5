import type { Browser, Page } from 'playwright-core';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { afterNavigation } from '../../../testing/browser/after-navigation';
import { launchBrowser } from '../../../testing/browser/launch-browser';
import { startTestServer, TestServer } from '../../../testing/start-test-server';

describe('the demo in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await resetWorkerSchema(server.prisma);
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the list, adds a post through the form, sees it, and deletes it after confirming', async () => {
    await page.goto(`${server.baseUrl}/demo/posts`);
    await expect(page.locator('.empty-state').textContent()).resolves.toBe('No posts yet. Add your first post above!');
    expect(await page.getAttribute('nav[aria-label="Main"] a[aria-current="page"]', 'href')).toBe('/demo/posts');

    await page.getByLabel('Title').fill('Written in Chromium');
    await page.getByLabel('Content (optional)').fill('Submitted by a real form post.');
    await page.getByLabel('Author').fill('Headless Grace');
    await page.getByLabel('Status').selectOption('DRAFT');
    // The form posts to the list's own address: wait for the new document, not the URL.
    await afterNavigation(page, () => page.getByRole('button', { name: 'Add post' }).click());
    expect(page.url()).toBe(`${server.baseUrl}/demo/posts`);

    await expect(page.getByRole('status').textContent()).resolves.toBe('Post “Written in Chromium” added.');
    const card = page.locator('article', { hasText: 'Written in Chromium' });
    await expect(card.locator('.card-meta').textContent()).resolves.toContain('by Headless Grace');
    await expect(card.locator('.status-badge').textContent()).resolves.toBe('DRAFT');

    await Promise.all([page.waitForURL(/\/delete$/), card.getByRole('link', { name: 'Delete “Written in Chromium”' }).click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Delete “Written in Chromium”?');
    expect(await server.prisma.demoPost.count()).toBe(1);
    await Promise.all([page.waitForURL(`${server.baseUrl}/demo/posts`), page.getByRole('button', { name: 'Delete post' }).click()]);

    await expect(page.getByRole('status').textContent()).resolves.toBe('Post “Written in Chromium” deleted.');
    expect(await page.locator('article').count()).toBe(0);
    expect(await server.prisma.demoPost.count()).toBe(0);
  });

  it('moves through the form with the keyboard alone', async () => {
    await page.goto(`${server.baseUrl}/demo/posts`);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Enter');
    const visited: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      // A string, evaluated in the page: this file is compiled without DOM types.
      visited.push(await page.evaluate<string>('document.activeElement.id || document.activeElement.textContent'));
    }

    expect(visited).toEqual(expect.arrayContaining(['title', 'content', 'authorName', 'status', 'Add post']));
  });
});
