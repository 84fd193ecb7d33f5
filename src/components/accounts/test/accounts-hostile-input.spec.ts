import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp, TestAccount } from '../../../testing/http/sign-up';
import { CapturedLogger } from '../../../testing/logging/captured-logger';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { AccountsComponentService } from '../component.service';

const TOO_LARGE = 'The request is larger than the 100 kB this site accepts';
const PASSWORD_LENGTH = 'Enter a password of 12 to 256 characters. A few unrelated words make a strong one.';
/** One code point, two UTF-16 units: a password of them is as long as the person typing it sees it. */
const EMOJI = '\u{1F511}';

/** What a cleared cookie looks like in Set-Cookie (Express's clearCookie). */
const clearsSessionCookie = (response: Response) =>
  response.headers.getSetCookie().some((header) => /^session=;/.test(header) && /expires=Thu, 01 Jan 1970/i.test(header));

describe('accounts against hostile input', () => {
  let server: TestServer;
  const logger = new CapturedLogger();
  let browser: CookieClient;
  let account: TestAccount;
  let service: AccountsComponentService;

  beforeAll(async () => {
    server = await startAccountsTestServer({ logger });
    service = server.app.get(AccountsComponentService);
  });

  afterAll(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    account = await signUp(new CookieClient(server.baseUrl));
    browser = new CookieClient(server.baseUrl);
    logger.lines.length = 0;
  });

  afterEach(() => {
    jest.restoreAllMocks();
    // Refusing hostile input is routine: nothing for the operator, and never a database error.
    expect(logger.lines.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
  });

  const csrfTokenOf = async (path: string) => CookieClient.csrfTokenIn(await (await browser.get(path)).text());
  /** Attempts counted, over every counter (email and address) whose key starts with `kind`. */
  const attemptsCounted = async (kind = '') =>
    (await server.prisma.accountsRateLimit.aggregate({ where: { key: { startsWith: kind } }, _sum: { points: true } }))._sum.points ?? 0;

  describe('passwords', () => {
    it.each([
      ['sign-in', { email: 'someone@example.test' }],
      ['sign-up', { email: 'someone@example.test', displayName: 'Someone' }],
    ])('refuses a 10 MB password at %s with 413 by the body limit, before any attempt is counted or argon2 runs', async (form, fields) => {
      const path = `/accounts/${form}`;
      const _csrf = await csrfTokenOf(path);
      const hashing = [jest.spyOn(service, 'signIn'), jest.spyOn(service, 'signUp')];
      const countedBefore = await attemptsCounted();

      const response = await browser.postForm(path, { _csrf, ...fields, password: 'x'.repeat(10 * 1024 * 1024) });

      expect(response.status).toBe(413);
      expect(await response.text()).toContain(TOO_LARGE);
      for (const spy of hashing) expect(spy).not.toHaveBeenCalled();
      expect(await attemptsCounted()).toBe(countedBefore);
    });

    it('refuses a sign-up password of 257 characters with 400 and the length message, counting characters as typed', async () => {
      const _csrf = await csrfTokenOf('/accounts/sign-up');
      const email = 'long-password@example.test';

      const tooLong = await browser.postForm('/accounts/sign-up', { _csrf, email, displayName: 'Long', password: EMOJI.repeat(257) });
      const html = await tooLong.text();

      expect(tooLong.status).toBe(400);
      expect(html).toContain(PASSWORD_LENGTH);
      expect(html).toContain(`value="${email}"`);
      expect(html).not.toContain(EMOJI);
      expect(await server.prisma.accountsUser.count({ where: { email } })).toBe(0);
    });

    it('accepts 256 characters of two UTF-16 units each (512 units), since the limit is in characters', async () => {
      const _csrf = await csrfTokenOf('/accounts/sign-up');

      const response = await browser.postForm('/accounts/sign-up', {
        _csrf,
        email: 'emoji-password@example.test',
        displayName: 'Emoji',
        password: EMOJI.repeat(256),
      });

      expect(response.status).toBe(303);
    });

    it('refuses a sign-in password of 257 characters with 400 and its own message, without verifying it', async () => {
      const _csrf = await csrfTokenOf('/accounts/sign-in');
      const signIn = jest.spyOn(service, 'signIn');

      const response = await browser.postForm('/accounts/sign-in', { _csrf, email: account.email, password: EMOJI.repeat(257) });

      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Enter your password; it is at most 256 characters long.');
      expect(signIn).not.toHaveBeenCalled();
    });
  });

  describe('email addresses with NUL', () => {
    it('refuses one at sign-up with 400 and the email field’s message', async () => {
      const _csrf = await csrfTokenOf('/accounts/sign-up');

      const response = await browser.postForm('/accounts/sign-up', {
        _csrf,
        email: 'nul\u0000@example.test',
        displayName: 'Nul',
        password: 'a long enough password',
      });

      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Enter an email address like name@example.com.');
    });

    it('refuses one at sign-in with 400 and the sign-in form’s message, before the database or the count sees it', async () => {
      const _csrf = await csrfTokenOf('/accounts/sign-in');
      // signUp() in beforeEach signed in once (sign-up itself starts no session): its counters are there already.
      const countedBefore = await attemptsCounted('sign-in');

      const response = await browser.postForm('/accounts/sign-in', { _csrf, email: `${account.email}\u0000`, password: account.password });
      const html = await response.text();

      expect(response.status).toBe(400);
      expect(html).toContain('<h1>Sign in</h1>');
      expect(html).toContain('Remove the invisible control characters (such as NUL or a line break) from the email address.');
      expect(await attemptsCounted('sign-in')).toBe(countedBefore);
    });
  });

  describe('display names with control characters', () => {
    // Moved here from the platform's hostile-input tests: the name is the accounts component's field.
    it.each([
      ['NUL', '%00'],
      ['an escape character', '%1B'],
      ['a line break', '%0A'],
    ])('refuses %s in the name of a new account with 400 and the field’s message, and adds no account', async (_, escaped) => {
      const _csrf = await csrfTokenOf('/accounts/sign-up');
      const accountsBefore = await server.prisma.accountsUser.count();

      const response = await browser.send('/accounts/sign-up', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(
          `_csrf=${encodeURIComponent(_csrf)}&email=hostile%40example.test&displayName=a${escaped}b&password=a+long+enough+password`,
        ),
      });

      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Remove the invisible control characters (such as NUL or a line break) from the name.');
      expect(await server.prisma.accountsUser.count()).toBe(accountsBefore);
    });
  });

  describe('session cookies this app never issued', () => {
    it.each([
      ['garbage', 'not a token at all'],
      ['10 kB', 'A'.repeat(10 * 1024)],
      ['SQL', `' OR '1'='1'; DROP TABLE "AccountsSession"; --`],
      ['a malformed %-escape', '%E0%A4%A'],
      ['the shape of a token, but unknown', 'A'.repeat(43)],
      ['a NUL byte, %-escaped', `${'A'.repeat(21)}%00${'A'.repeat(21)}`],
    ])('treats %s as signed out: 200, the cookie cleared, no database error', async (_, value) => {
      const response = await fetch(`${server.baseUrl}/`, { headers: { cookie: `session=${encodeURIComponent(value)}` } });
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(html).toContain('>Sign in</a>');
      expect(clearsSessionCookie(response)).toBe(true);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    });

    it.each([
      ['JSON, by its j: prefix', 'j:{"id":"x"}'],
      ['a signed cookie, by its s: prefix', 's:token.signature'],
    ])('treats a value cookie-parser takes for %s (so never a token) as signed out and clears it', async (_, value) => {
      const response = await fetch(`${server.baseUrl}/`, { headers: { cookie: `session=${encodeURIComponent(value)}` } });

      expect(response.status).toBe(200);
      expect(await response.text()).toContain('>Sign in</a>');
      expect(clearsSessionCookie(response)).toBe(true);
    });
  });
});
