import { randomBytes } from 'node:crypto';
import { eventScenario } from '../../../testing/events/event-scenario';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { AccountDeleted } from '../account-events';
import {
  ACCOUNT_DELETED,
  PASSWORD_CHANGED,
  WRONG_CURRENT_PASSWORD,
  WRONG_PASSWORD_TO_DELETE,
} from '../account-settings/account-settings.controller';
import { NEW_PASSWORD_MESSAGE } from '../account-settings/account-settings-forms';
import { WRONG_CREDENTIALS } from '../component.controller';
import { csrfTokenFrom, isSignedIn, sessionSetCookie, storeAccount, type StoredAccount } from './account-fixtures';
import { startAccountsTestServer } from './accounts-test-server';

const NEW_PASSWORD = 'a brand new long password';

describe('the account settings over HTTP', () => {
  let server: TestServer;
  let account: StoredAccount;
  let laptop: CookieClient;
  let phone: CookieClient;

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    account = await storeAccount(server.prisma, { email: 'ada@example.test' });
    laptop = new CookieClient(server.baseUrl);
    phone = new CookieClient(server.baseUrl);
    expect((await signIn(laptop, account)).status).toBe(303);
    expect((await signIn(phone, account)).status).toBe(303);
  });

  const stored = () => server.prisma.accountsUser.findUniqueOrThrow({ where: { id: account.id } });

  function storeEmailToken(userId: string, purpose: 'PASSWORD_RESET' | 'VERIFY_EMAIL') {
    return server.prisma.accountsEmailToken.create({
      data: { userId, purpose, tokenHash: randomBytes(32), email: 'ada@example.test', expiresAt: new Date(Date.now() + 1_800_000) },
    });
  }

  async function changePassword(browser: CookieClient, fields: Record<string, string>): Promise<Response> {
    return browser.postForm('/accounts/me/password', { _csrf: await csrfTokenFrom(browser, '/accounts/me/password'), ...fields });
  }

  async function deleteAccount(browser: CookieClient, password: string): Promise<Response> {
    return browser.postForm('/accounts/me/delete', { _csrf: await csrfTokenFrom(browser, '/accounts/me/delete'), password });
  }

  it('links to both from the account page, and sends a signed-out browser to sign in first', async () => {
    const page = await (await laptop.get('/accounts/me')).text();
    expect(page).toContain('<a href="/accounts/me/password">Change your password</a>');
    expect(page).toContain('<a href="/accounts/me/delete">Delete your account</a>');

    const signedOut = new CookieClient(server.baseUrl);
    for (const path of ['/accounts/me/password', '/accounts/me/delete']) {
      const response = await signedOut.get(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/accounts/sign-in?returnTo=${encodeURIComponent(path)}`);
    }
  });

  describe('changing the password', () => {
    it('refuses a wrong current password with 400 and one message, and changes nothing', async () => {
      const before = await stored();
      const reset = await storeEmailToken(account.id, 'PASSWORD_RESET');

      const response = await changePassword(laptop, { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD });

      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(WRONG_CURRENT_PASSWORD);
      expect(html).not.toContain(NEW_PASSWORD);
      expect((await stored()).passwordHash).toBe(before.passwordHash);
      expect({ laptop: await isSignedIn(laptop), phone: await isSignedIn(phone) }).toEqual({ laptop: true, phone: true });
      expect(await server.prisma.accountsEmailToken.count({ where: { id: reset.id } })).toBe(1);
    });

    it('holds the new password to the sign-up rules and changes nothing', async () => {
      const before = await stored();

      const response = await changePassword(laptop, { currentPassword: account.password, newPassword: 'too short' });

      expect(response.status).toBe(400);
      expect(await response.text()).toContain(NEW_PASSWORD_MESSAGE);
      expect((await stored()).passwordHash).toBe(before.passwordHash);
    });

    it('sets the new password: the old one no longer signs in, the new one does', async () => {
      const response = await changePassword(laptop, { currentPassword: account.password, newPassword: NEW_PASSWORD });

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/accounts/me');
      expect(await (await laptop.get('/accounts/me')).text()).toContain(PASSWORD_CHANGED);
      const elsewhere = new CookieClient(server.baseUrl);
      const withOld = await signIn(elsewhere, account);
      expect(withOld.status).toBe(400);
      expect(await withOld.text()).toContain(WRONG_CREDENTIALS);
      expect((await signIn(elsewhere, { email: account.email, password: NEW_PASSWORD })).status).toBe(303);
    });

    it('signs out every other browser of the account, keeps this one, and leaves other accounts alone', async () => {
      const someoneElse = new CookieClient(server.baseUrl);
      await signIn(someoneElse, await storeAccount(server.prisma));

      await changePassword(laptop, { currentPassword: account.password, newPassword: NEW_PASSWORD });

      expect({ laptop: await isSignedIn(laptop), phone: await isSignedIn(phone), someoneElse: await isSignedIn(someoneElse) }).toEqual({
        laptop: true,
        phone: false,
        someoneElse: true,
      });
    });

    it("voids the account's password-reset links, and keeps its verification link and other accounts' links", async () => {
      const other = await storeAccount(server.prisma);
      const reset = await storeEmailToken(account.id, 'PASSWORD_RESET');
      const verify = await storeEmailToken(account.id, 'VERIFY_EMAIL');
      const othersReset = await storeEmailToken(other.id, 'PASSWORD_RESET');

      await changePassword(laptop, { currentPassword: account.password, newPassword: NEW_PASSWORD });

      const left = await server.prisma.accountsEmailToken.findMany({ select: { id: true } });
      expect(left.map(({ id }) => id).sort()).toEqual([verify.id, othersReset.id].sort());
      expect(left.map(({ id }) => id)).not.toContain(reset.id);
    });

    it('counts current-password checks as sign-in attempts for the account: the eleventh wrong one is refused, and so is a sign-in', async () => {
      for (let attempt = 1; attempt <= 10; attempt++) {
        expect((await changePassword(laptop, { currentPassword: `wrong guess ${attempt}`, newPassword: NEW_PASSWORD })).status).toBe(400);
      }

      const limited = await changePassword(laptop, { currentPassword: account.password, newPassword: NEW_PASSWORD });

      expect(limited.status).toBe(429);
      expect(await limited.text()).toContain('Too many sign-in attempts for this email address.');
      expect((await signIn(new CookieClient(server.baseUrl), account)).status).toBe(429);
      expect((await signIn(new CookieClient(server.baseUrl), { email: account.email, password: NEW_PASSWORD })).status).toBe(429);
    });
  });

  describe('deleting the account', () => {
    it('shows a page of its own naming the account, with a password field and a button that says what it does', async () => {
      const response = await laptop.get('/accounts/me/delete');
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(html).toContain('Your account ada@example.test is deleted for good');
      expect(html).toContain('name="password"');
      expect(html).toContain('Delete my account for good</button>');
    });

    it('refuses a wrong password with 400 on the same page, and leaves the account, its sessions and links as they were', async () => {
      const scenario = eventScenario(server.app);
      scenario.record(AccountDeleted);
      const before = await stored();
      await storeEmailToken(account.id, 'VERIFY_EMAIL');

      const response = await deleteAccount(laptop, 'not the password at all');

      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(WRONG_PASSWORD_TO_DELETE);
      expect(html).toContain('Delete my account for good</button>');
      expect(await stored()).toEqual(before);
      expect(await server.prisma.accountsEmailToken.count()).toBe(1);
      expect({ laptop: await isSignedIn(laptop), phone: await isSignedIn(phone) }).toEqual({ laptop: true, phone: true });
      expect(await scenario.published(AccountDeleted)).toEqual([]);
    });

    it('deletes it in one go: signed out everywhere, no password, the address freed, links gone, the event published once', async () => {
      const scenario = eventScenario(server.app);
      scenario.record(AccountDeleted);
      await storeEmailToken(account.id, 'PASSWORD_RESET');
      await storeEmailToken(account.id, 'VERIFY_EMAIL');
      const other = await storeAccount(server.prisma);
      await storeEmailToken(other.id, 'PASSWORD_RESET');

      const response = await deleteAccount(laptop, account.password);

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/');
      expect(sessionSetCookie(response)).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect(await (await laptop.get('/')).text()).toContain(ACCOUNT_DELETED);
      expect({ laptop: await isSignedIn(laptop), phone: await isSignedIn(phone) }).toEqual({ laptop: false, phone: false });
      expect(await stored()).toMatchObject({
        deletedAt: expect.any(Date),
        passwordHash: null,
        email: `deleted-${account.id}@accounts.invalid`,
      });
      expect(await server.prisma.accountsSession.count({ where: { userId: account.id, revokedAt: null } })).toBe(0);
      expect(await server.prisma.accountsEmailToken.findMany({ select: { userId: true } })).toEqual([{ userId: other.id }]);
      const events = await scenario.published(AccountDeleted);
      expect(events.map(({ payload }) => payload)).toEqual([{ accountId: account.id }]);
    });

    it('refuses sign-in with the old credentials afterwards, with the usual message', async () => {
      await deleteAccount(laptop, account.password);

      const response = await signIn(new CookieClient(server.baseUrl), account);

      expect(response.status).toBe(400);
      expect(await response.text()).toContain(WRONG_CREDENTIALS);
    });

    it('leaves the address free: it can sign up again, as a new account', async () => {
      await deleteAccount(laptop, account.password);
      const browser = new CookieClient(server.baseUrl);

      const response = await browser.postForm('/accounts/sign-up', {
        _csrf: await csrfTokenFrom(browser, '/accounts/sign-up'),
        email: 'Ada@Example.test',
        displayName: 'Ada again',
        password: 'another long password',
      });

      expect(response.status).toBe(303);
      const again = await server.prisma.accountsUser.findUniqueOrThrow({ where: { email: 'ada@example.test' } });
      expect(again).toMatchObject({ displayName: 'Ada again', deletedAt: null });
      expect(again.id).not.toBe(account.id);
    });
  });
});
