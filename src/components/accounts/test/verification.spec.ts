import { randomUUID } from 'node:crypto';
import { eventScenario } from '../../../testing/events/event-scenario';
import { queuedJobs } from '../../../testing/events/queued-jobs';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, signUp, type TestAccount } from '../../../testing/http/sign-up';
import { mailbox, pathOf } from '../../../testing/mail/mailbox';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { ATTEMPT_LIMITS } from '../rate-limits/attempt-limits';
import { VERIFICATION_LINK_INVALID } from '../verification/ui/VerificationLinkInvalidPage';
import { csrfTokenFrom } from './account-fixtures';
import { startAccountsTestServer } from './accounts-test-server';

const RESEND = ATTEMPT_LIMITS['verification-resend'];
const PENDING = 'Verification pending';

describe('verifying an email address', () => {
  let server: TestServer;
  let browser: CookieClient;
  let account: TestAccount;

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    browser = new CookieClient(server.baseUrl);
    account = await signUp(browser, { email: `verify-${randomUUID()}@example.test`, displayName: 'Vera Fied' });
  });

  const verifiedAt = async (email = account.email) =>
    (await server.prisma.accountsUser.findUniqueOrThrow({ where: { email }, select: { emailVerifiedAt: true } })).emailVerifiedAt;

  /** The path of the newest verification link mailed to the account, after the queued jobs ran. */
  async function mailedLink(email = account.email): Promise<string> {
    await eventScenario(server.app).runPendingJobs();
    const mail = await mailbox(server.app).latestTo(email);
    expect(mail.subject).toBe('Confirm your email address');
    return pathOf(mail.links[0]);
  }

  /** Presses the button of a link's page: its form's CSRF token and hidden token, posted as the page would. */
  async function confirm(client: CookieClient, token: string): Promise<Response> {
    const _csrf = await csrfTokenFrom(client, '/accounts/sign-up');
    return client.postForm('/accounts/verify-email', { _csrf, token });
  }

  const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token')!;
  const flashOf = async (client: CookieClient, path: string) =>
    /<div class="flash" role="status">([^<]*)<\/div>/.exec(await (await client.get(path)).text())?.[1];

  it('verifies the address when the mailed link is followed: the link shows a button, pressing it verifies', async () => {
    const link = await mailedLink();
    expect(link).toMatch(/^\/accounts\/verify-email\?token=[A-Za-z0-9_-]{43}$/);

    const page = await browser.get(link);
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(`<input type="hidden" name="token" value="${tokenOf(link)}"/>`);
    expect(html).toContain('Confirm my address</button>');
    expect(await verifiedAt()).toBeNull();

    const _csrf = CookieClient.csrfTokenIn(html);
    const response = await browser.postForm('/accounts/verify-email', { _csrf, token: tokenOf(link) });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/me');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await verifiedAt()).toBeInstanceOf(Date);
    expect(await flashOf(browser, '/accounts/me')).toBe(`Thank you: ${account.email} is confirmed as your email address.`);
    expect(await (await browser.get('/accounts/me')).text()).not.toContain(PENDING);
  });

  it('sends a signed-out browser that verifies to sign in, saying the address is confirmed', async () => {
    const link = await mailedLink();
    const elsewhere = new CookieClient(server.baseUrl);

    const response = await confirm(elsewhere, tokenOf(link));

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/accounts/sign-in');
    expect(await flashOf(elsewhere, '/accounts/sign-in')).toBe(
      `Thank you: ${account.email} is confirmed as your email address. Sign in to continue.`,
    );
    expect(await verifiedAt()).toBeInstanceOf(Date);
  });

  it('verifies nothing on the GET alone, as when a mail scanner fetches the link', async () => {
    const link = await mailedLink();

    await new CookieClient(server.baseUrl).get(link);
    await new CookieClient(server.baseUrl).get(link);

    expect(await verifiedAt()).toBeNull();
    expect((await confirm(browser, tokenOf(link))).status).toBe(303);
  });

  describe('refuses with one clear page, saying how to get a new link', () => {
    async function expectInvalidPage(response: Response): Promise<void> {
      const html = await response.text();
      expect(response.status).toBe(400);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain(VERIFICATION_LINK_INVALID);
      expect(html).toContain('press “Send a new link” there');
      expect(html).not.toContain('Confirm my address');
    }

    it('a link used once already, on its page and on its button', async () => {
      const link = await mailedLink();
      expect((await confirm(browser, tokenOf(link))).status).toBe(303);
      const firstVerified = await verifiedAt();

      await expectInvalidPage(await browser.get(link));
      await expectInvalidPage(await confirm(browser, tokenOf(link)));
      expect(await verifiedAt()).toEqual(firstVerified);
    });

    it('an expired link', async () => {
      const link = await mailedLink();
      await server.prisma.accountsEmailToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });

      await expectInvalidPage(await browser.get(link));
      await expectInvalidPage(await confirm(browser, tokenOf(link)));
      expect(await verifiedAt()).toBeNull();
    });

    it.each([
      ['with one character changed', (token: string) => `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`],
      ['cut short', (token: string) => token.slice(0, 30)],
      ['empty', () => ''],
    ])('a token %s', async (_, tamper) => {
      const link = await mailedLink();
      const token = tamper(tokenOf(link));

      await expectInvalidPage(await browser.get(`/accounts/verify-email?token=${encodeURIComponent(token)}`));
      await expectInvalidPage(await confirm(browser, token));
      expect(await verifiedAt()).toBeNull();
    });

    it('a link without a token', async () => {
      await expectInvalidPage(await browser.get('/accounts/verify-email'));
    });

    it('a link for an address the account no longer has, which verifies neither address', async () => {
      const link = await mailedLink();
      const moved = `moved-${randomUUID()}@example.test`;
      await server.prisma.accountsUser.update({ where: { email: account.email }, data: { email: moved } });

      await expectInvalidPage(await confirm(browser, tokenOf(link)));
      expect(await verifiedAt(moved)).toBeNull();
    });
  });

  describe('while the address is not verified', () => {
    it('shows "verification pending" with the address and a button for a new link on the account page', async () => {
      const html = await (await browser.get('/accounts/me')).text();

      expect(html).toContain(PENDING);
      expect(html).toContain(`We sent a link to ${account.email}: open it to confirm the address is yours.`);
      expect(html).toMatch(/<form action="\/accounts\/me\/verification" method="post">[\s\S]*?Send a new link<\/button>/);
    });

    it('lets the account sign out, sign in again and open its account page', async () => {
      const signOut = await browser.postForm('/accounts/sign-out', { _csrf: await csrfTokenFrom(browser, '/accounts/me') });
      expect(signOut.status).toBe(303);
      expect((await browser.get('/accounts/me')).status).toBe(303);

      expect((await signIn(browser, account)).status).toBe(303);
      expect((await browser.get('/accounts/me')).status).toBe(200);
      expect(await verifiedAt()).toBeNull();
    });

    it('mails a new, working link when asked, and says so', async () => {
      await mailedLink();
      const _csrf = await csrfTokenFrom(browser, '/accounts/me');

      const response = await browser.postForm('/accounts/me/verification', { _csrf });

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/accounts/me');
      expect(await flashOf(browser, '/accounts/me')).toBe(`We sent a new link to ${account.email}. It works for 24 hours.`);
      expect(await queuedJobs(server.app)).toHaveLength(1);
      const link = await mailedLink();
      expect(await mailbox(server.app).to(account.email)).toHaveLength(2);
      expect((await confirm(browser, tokenOf(link))).status).toBe(303);
      expect(await verifiedAt()).toBeInstanceOf(Date);
    });

    it(`refuses more than ${RESEND.email.points} new links an hour for one address with 429, counted per email address, not per browser`, async () => {
      const laptop = browser;
      const phone = new CookieClient(server.baseUrl);
      expect((await signIn(phone, account)).status).toBe(303);
      const ask = async (client: CookieClient) =>
        client.postForm('/accounts/me/verification', { _csrf: await csrfTokenFrom(client, '/accounts/me') });

      for (let attempt = 0; attempt < RESEND.email.points; attempt += 1) {
        expect((await ask(attempt % 2 === 0 ? laptop : phone)).status).toBe(303);
      }
      const refused = await ask(phone);
      const html = await refused.text();

      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(html).toMatch(/Too many requests for a verification mail for this email address\. Wait \d+ minutes, then try again\./);
      expect(await queuedJobs(server.app)).toHaveLength(1 + RESEND.email.points);
    });
  });

  it('answers a request for a new link for a verified address with a flash saying so, and queues nothing', async () => {
    await confirm(browser, tokenOf(await mailedLink()));
    const _csrf = await csrfTokenFrom(browser, '/accounts/me');

    const response = await browser.postForm('/accounts/me/verification', { _csrf });

    expect(response.status).toBe(303);
    expect(await flashOf(browser, '/accounts/me')).toBe(
      `Your email address ${account.email} is confirmed already; there is nothing more to do.`,
    );
    expect(await queuedJobs(server.app)).toHaveLength(0);
  });

  it('sends a signed-out browser asking for a new link to sign in', async () => {
    await eventScenario(server.app).runPendingJobs();
    const stranger = new CookieClient(server.baseUrl);
    const _csrf = await csrfTokenFrom(stranger, '/accounts/sign-in');

    const response = await stranger.postForm('/accounts/me/verification', { _csrf });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/accounts\/sign-in/);
    expect(await queuedJobs(server.app)).toHaveLength(0);
  });
});
