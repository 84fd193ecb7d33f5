import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../../testing/browser/launch-browser';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { storeAccount } from './account-fixtures';
import { startAccountsTestServer } from './accounts-test-server';
import { deliveredResetMail, resetPathIn } from './password-reset-flow';

describe('password reset in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const url = (path: string) => `${server.baseUrl}${path}`;

  beforeAll(async () => {
    server = await startAccountsTestServer();
    await resetWorkerSchema(server.prisma);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });

  afterEach(() => context?.close());

  /** Signs in through the sign-in page's form; resolves once the page it leads to has loaded. */
  async function signInThroughForm(email: string, password: string, landsOn: string): Promise<void> {
    await page.goto(url('/accounts/sign-in'));
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await Promise.all([page.waitForURL(url(landsOn)), page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  it('takes a person from "Forgot your password?" through the mailed link to being signed in with the new password', async () => {
    const account = await storeAccount(server.prisma, { password: 'the password they forgot' });
    const newPassword = 'remembered this time, surely';

    await page.goto(url('/accounts/sign-in'));
    await Promise.all([
      page.waitForURL(url('/accounts/password-reset')),
      page.getByRole('link', { name: 'Forgot your password?' }).click(),
    ]);
    await page.getByLabel('Email address', { exact: true }).fill(account.email);
    await Promise.all([page.waitForURL(url('/accounts/password-reset/sent')), page.getByRole('button', { name: 'Send the link' }).click()]);
    await expect(page.locator('main').textContent()).resolves.toContain('If an account exists for that email address');

    const path = resetPathIn(await deliveredResetMail(server.app, account.email));
    await page.goto(url(path));
    await expect(page.locator('h1').textContent()).resolves.toBe('Choose a new password');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await Promise.all([page.waitForURL(url('/accounts/me')), page.getByRole('button', { name: 'Set the new password' }).click()]);

    await expect(page.getByRole('status').textContent()).resolves.toBe(
      'Your new password is set and you are signed in as Stored Account. Every other browser was signed out.',
    );
    await expect(page.locator('.site-account p').textContent()).resolves.toBe('Signed in as Stored Account');

    await Promise.all([page.waitForURL(url('/')), page.getByRole('button', { name: 'Sign out', exact: true }).click()]);
    await expect(page.getByRole('status').textContent()).resolves.toBe('You are signed out.');

    await signInThroughForm(account.email, account.password, '/accounts/sign-in');
    await expect(page.locator('main').textContent()).resolves.toContain('The email address or password is not right.');
    await signInThroughForm(account.email, newPassword, '/');
    await expect(page.locator('.site-account p').textContent()).resolves.toBe('Signed in as Stored Account');
  });
});
