import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp, TestAccount } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { AccountsComponentService } from '../component.service';
import { ATTEMPT_LIMITS, AttemptKind } from '../rate-limits/attempt-limits';
import { AttemptsService } from '../rate-limits/attempts.service';

const SIGN_IN = ATTEMPT_LIMITS['sign-in'];
const SIGN_UP = ATTEMPT_LIMITS['sign-up'];
const WANTS_JSON = { accept: 'application/json' };

/** The stored key of a counter, as the app computes it (an HMAC of the email or address under a key from its secret). */
let counterKey: (prefix: `${AttemptKind}:${'email' | 'address'}`, value: string) => string;

/** One attempt as a browser makes it: the form's page (for its CSRF token), then the POST. */
async function postForm(browser: CookieClient, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const page = await browser.get(path);
  return browser.postForm(path, { _csrf: CookieClient.csrfTokenIn(await page.text()), ...fields }, headers);
}

const signInWith = (browser: CookieClient, email: string, password: string, headers?: Record<string, string>) =>
  postForm(browser, '/accounts/sign-in', { email, password }, headers);

const signUpWith = (browser: CookieClient, email: string) =>
  postForm(browser, '/accounts/sign-up', { email, displayName: 'Limited', password: 'a long enough password' });

/** The session cookie a response sets, if any (a cleared one does not count). */
const sessionCookieSet = (response: Response) =>
  response.headers.getSetCookie().some((cookie) => /^session=[^;]+/.test(cookie) && !/expires=.*1970/i.test(cookie));

/** Retry-After as a number of seconds, checked to be one: > 0 and at most the limit's window. */
function retryAfterOf(response: Response, windowSeconds: number): number {
  const header = response.headers.get('retry-after') ?? '';
  expect(header).toMatch(/^\d+$/);
  const seconds = Number(header);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
  return seconds;
}

const minutesToWait = (seconds: number) => Math.ceil(seconds / 60);

describe('sign-in and sign-up rate limits, counted in PostgreSQL and shared by every instance', () => {
  let first: TestServer;
  let second: TestServer;
  /** A client on each instance, both from the same loopback address, as one person behind a load balancer. */
  let browsers: [CookieClient, CookieClient];

  beforeAll(async () => {
    [first, second] = await Promise.all([startAccountsTestServer(), startAccountsTestServer()]);
    counterKey = (prefix, value) => {
      const [kind, by] = prefix.split(':') as [AttemptKind, 'email' | 'address'];
      return first.app.get(AttemptsService).counterKey(kind, by, value);
    };
  });

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  afterEach(() => jest.restoreAllMocks());

  beforeEach(async () => {
    // The counters are per address, and every request here comes from 127.0.0.1.
    await resetWorkerSchema(first.prisma);
    browsers = [new CookieClient(first.baseUrl), new CookieClient(second.baseUrl)];
  });

  const counters = () => first.prisma.accountsRateLimit.findMany({ select: { key: true, points: true } });
  const pointsOf = async (key: string) => (await first.prisma.accountsRateLimit.findUnique({ where: { key } }))?.points;
  const liveSessionsOf = (email: string) => first.prisma.accountsSession.count({ where: { user: { email }, revokedAt: null } });

  /** Uses up the email's sign-in attempts with wrong passwords, alternating between the two instances; each answers 400. */
  async function exhaustSignIns(email: string): Promise<void> {
    for (let attempt = 0; attempt < SIGN_IN.email.points; attempt += 1) {
      const response = await signInWith(browsers[attempt % 2], email, `wrong password number ${attempt}`);
      expect(response.status).toBe(400);
    }
  }

  describe('per email address', () => {
    let account: TestAccount;

    beforeEach(async () => {
      account = await signUp(new CookieClient(first.baseUrl));
    });

    it('refuses the next sign-in on either instance with 429, Retry-After and a page in the layout saying how long to wait', async () => {
      await exhaustSignIns(account.email);

      for (const browser of browsers) {
        const response = await signInWith(browser, account.email, 'yet another wrong password');
        const html = await response.text();

        expect(response.status).toBe(429);
        const seconds = retryAfterOf(response, SIGN_IN.email.durationSeconds);
        expect(html).toContain(
          `<p>Too many sign-in attempts for this email address. Wait ${minutesToWait(seconds)} minutes, then try again.</p>`,
        );
        expect(html).toContain('<h1 id="error-heading">Too many attempts</h1>');
        expect(html).toMatch(/<header class="site-header">[\s\S]*<main id="main"/);
      }
    });

    it('answers a JSON client with a 429 JSON body and Retry-After', async () => {
      await exhaustSignIns(account.email);

      const response = await signInWith(browsers[1], account.email, 'yet another wrong password', WANTS_JSON);

      expect(response.status).toBe(429);
      const seconds = retryAfterOf(response, SIGN_IN.email.durationSeconds);
      expect(await response.json()).toEqual({
        statusCode: 429,
        error: 'Too many attempts',
        message: `Too many sign-in attempts for this email address. Wait ${minutesToWait(seconds)} minutes, then try again.`,
      });
    });

    it('refuses even the right password while limited: no session is started and the account is not touched', async () => {
      const before = await first.prisma.accountsUser.findUniqueOrThrow({ where: { email: account.email } });
      const sessionsBefore = await liveSessionsOf(account.email);
      await exhaustSignIns(account.email);
      const verifications = [first, second].map((server) => jest.spyOn(server.app.get(AccountsComponentService), 'signIn'));

      const answers = await Promise.all(browsers.map((browser) => signInWith(browser, account.email, account.password)));

      expect(answers.map((response) => response.status)).toEqual([429, 429]);
      // Refused before the password is looked at: no argon2 work for a limited email.
      for (const signIn of verifications) expect(signIn).not.toHaveBeenCalled();
      expect(answers.some(sessionCookieSet)).toBe(false);
      expect(await liveSessionsOf(account.email)).toBe(sessionsBefore);
      const after = await first.prisma.accountsUser.findUniqueOrThrow({ where: { email: account.email } });
      expect(after.lastLoginAt).toEqual(before.lastLoginAt);
      expect((await browsers[0].get('/accounts/me')).status).toBe(303);
    });

    it('still lets another email sign in from the same address', async () => {
      const other = await signUp(new CookieClient(second.baseUrl));
      await exhaustSignIns(account.email);

      const response = await signInWith(browsers[1], other.email, other.password);

      expect(response.status).toBe(303);
      expect(sessionCookieSet(response)).toBe(true);
    });

    it('forgets the email’s failed attempts after a successful sign-in, so its owner gets the whole allowance again', async () => {
      const key = counterKey('sign-in:email', account.email);
      for (const browser of [...browsers, browsers[0]]) {
        expect((await signInWith(browser, account.email, 'a wrong password')).status).toBe(400);
      }
      expect(await pointsOf(key)).toBe(3);

      expect((await signInWith(browsers[1], account.email, account.password)).status).toBe(303);

      expect(await pointsOf(key)).toBeUndefined();
      // The address keeps its count: a success for one email says nothing about the others tried from there.
      // 5: the sign-in of signUp() in beforeEach (sign-up itself starts no session), the three failures and this success.
      expect(await pointsOf(counterKey('sign-in:address', '127.0.0.1'))).toBe(5);
      await exhaustSignIns(account.email);
    });

    it('counts the email case- and space-insensitively, as the account is looked up', async () => {
      await exhaustSignIns(account.email);

      const response = await signInWith(browsers[0], `  ${account.email.toUpperCase()} `, account.password);

      expect(response.status).toBe(429);
    });
  });

  it('refuses sign-ups from one address past its limit on either instance, whatever the email', async () => {
    for (let attempt = 0; attempt < SIGN_UP.address.points; attempt += 1) {
      const response = await signUpWith(browsers[attempt % 2], `newcomer-${attempt}@example.test`);
      expect(response.status).toBe(303);
    }

    for (const browser of browsers) {
      const response = await signUpWith(browser, `one-too-many-${browser === browsers[0] ? 'a' : 'b'}@example.test`);
      const html = await response.text();

      expect(response.status).toBe(429);
      const seconds = retryAfterOf(response, SIGN_UP.address.durationSeconds);
      expect(html).toContain(
        `<p>Too many sign-up attempts from your network address. Wait ${minutesToWait(seconds)} minutes, then try again.</p>`,
      );
    }
    expect(await first.prisma.accountsUser.count({ where: { email: { startsWith: 'one-too-many-' } } })).toBe(0);
  });

  it('stores only hashes of emails and addresses in the counters table', async () => {
    const account = await signUp(browsers[0], { email: 'Counted.Person@Example.test' });
    await signInWith(browsers[1], account.email, 'a wrong password');

    const rows = await counters();
    const everything = JSON.stringify(await first.prisma.$queryRaw`SELECT * FROM "AccountsRateLimit"`);

    expect(rows.map(({ key }) => key).sort()).toEqual(
      [
        counterKey('sign-up:address', '127.0.0.1'),
        counterKey('sign-up:email', 'counted.person@example.test'),
        counterKey('sign-in:address', '127.0.0.1'),
        counterKey('sign-in:email', 'counted.person@example.test'),
      ].sort(),
    );
    expect(everything).not.toMatch(/counted|person|example|127\.0\.0\.1|::1/i);
  });

  it('counts 20 simultaneous attempts for one email on two instances exactly: never a 500, 400 up to the limit, 429 after', async () => {
    const email = 'under-attack@example.test';
    const attackers = Array.from({ length: 20 }, (_, i) => new CookieClient(i % 2 === 0 ? first.baseUrl : second.baseUrl));
    const tokens = await Promise.all(
      attackers.map(async (browser) => CookieClient.csrfTokenIn(await (await browser.get('/accounts/sign-in')).text())),
    );

    const answers = await Promise.all(
      attackers.map((browser, i) => browser.postForm('/accounts/sign-in', { _csrf: tokens[i], email, password: `guess number ${i}` })),
    );
    const statuses = answers.map((response) => response.status);

    expect(statuses.filter((status) => status === 400)).toHaveLength(SIGN_IN.email.points);
    expect(statuses.filter((status) => status === 429)).toHaveLength(attackers.length - SIGN_IN.email.points);
    expect(await pointsOf(counterKey('sign-in:email', email))).toBe(attackers.length);
    expect(await pointsOf(counterKey('sign-in:address', '127.0.0.1'))).toBe(attackers.length);
  });
});
