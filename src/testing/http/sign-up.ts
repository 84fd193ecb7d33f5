import { randomUUID } from 'node:crypto';
import { CookieClient } from './cookie-client';

export interface TestAccount {
  email: string;
  displayName: string;
  password: string;
}

/**
 * Signs `browser` up as a new account through the real pages (the sign-up
 * form, its CSRF token, the POST, which answers 303 to the "check your
 * email" page and starts no session), then signs it in through the sign-in
 * form, so it holds a session cookie afterwards, as a person who just signed
 * up and then signed in would. The address stays unverified (the link is
 * mailed by a job, which test servers run only when told). Unique email
 * unless given; an email that has an account already fails at the sign-in
 * unless the password is that account's.
 */
export async function signUp(browser: CookieClient, account: Partial<TestAccount> = {}): Promise<TestAccount> {
  const created: TestAccount = {
    email: account.email ?? `user-${randomUUID()}@example.test`,
    displayName: account.displayName ?? 'Test Author',
    password: account.password ?? 'a long enough password',
  };
  const page = await browser.get('/accounts/sign-up');
  const response = await browser.postForm('/accounts/sign-up', { _csrf: CookieClient.csrfTokenIn(await page.text()), ...created });
  if (response.status !== 303 || response.headers.get('location') !== '/accounts/sign-up/sent') {
    throw new Error(
      `signing up ${created.email} answered ${response.status} to ${response.headers.get('location')}, not 303 to /accounts/sign-up/sent: ${(await response.text()).slice(0, 500)}`,
    );
  }
  const signedIn = await signIn(browser, created);
  if (signedIn.status !== 303) {
    throw new Error(
      `signing in ${created.email} after signing up answered ${signedIn.status}, not 303: ${(await signedIn.text()).slice(0, 500)}`,
    );
  }
  return created;
}

/** Signs `browser` in through the sign-in page. @returns the response (303 on success, 400 on wrong credentials, 429 when limited) */
export async function signIn(
  browser: CookieClient,
  { email, password }: Pick<TestAccount, 'email' | 'password'>,
  extra: Record<string, string> = {},
): Promise<Response> {
  const page = await browser.get('/accounts/sign-in');
  return browser.postForm('/accounts/sign-in', { _csrf: CookieClient.csrfTokenIn(await page.text()), email, password, ...extra });
}
