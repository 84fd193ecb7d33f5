import type { INestApplication } from '@nestjs/common';
import { JOBS_DATABASE, type JobsDatabase, quoted } from '../../../platform/jobs/jobs-database';
import { queueSchemaFor } from '../../../platform/jobs/queue-schema';
import { eventScenario } from '../../../testing/events/event-scenario';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn } from '../../../testing/http/sign-up';
import { CapturedLogger } from '../../../testing/logging/captured-logger';
import { mailbox } from '../../../testing/mail/mailbox';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { emailTokenHash } from '../email-tokens/email-token';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { PASSWORD_RESET_PATHS } from '../password-reset/password-reset-paths';
import { RESET_LINK_INVALID_TITLE } from '../password-reset/ui/ResetLinkInvalidPage';
import { ATTEMPT_LIMITS } from '../rate-limits/attempt-limits';
import { AttemptsService } from '../rate-limits/attempts.service';
import { isSignedIn, sessionRowOf, sessionTokenOf, storeAccount, type StoredAccount } from './account-fixtures';
import { startAccountsTestServer } from './accounts-test-server';
import { deliveredResetMail, requestReset, resetPathIn, setNewPassword, tokenOf } from './password-reset-flow';

const NEW_PASSWORD = 'a brand new reset passphrase';

/** The jobs waiting in this test server's queue (not yet run), oldest first. */
async function queuedJobs(app: INestApplication): Promise<{ task: string; payload: unknown }[]> {
  const database = app.get<JobsDatabase>(JOBS_DATABASE);
  const schema = quoted(queueSchemaFor(database.config.schema));
  return database.$queryRawUnsafe(
    `SELECT t.identifier AS task, j.payload FROM ${schema}._private_jobs AS j JOIN ${schema}._private_tasks AS t ON t.id = j.task_id
     WHERE j.attempts = 0 ORDER BY j.id`,
  );
}

/** What the page shows in `main`, without the CSRF token (random per page). */
const mainOf = (html: string) => (/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '').replace(/name="_csrf" value="[^"]+"/g, '');

describe('password reset over HTTP', () => {
  let server: TestServer;
  const logger = new CapturedLogger();

  beforeAll(async () => {
    server = await startAccountsTestServer({ logger });
  });

  afterAll(() => server.close());

  beforeEach(() => resetWorkerSchema(server.prisma));

  const passwordHashOf = async (id: string) => (await server.prisma.accountsUser.findUniqueOrThrow({ where: { id } })).passwordHash;
  const liveSessionsOf = (userId: string) => server.prisma.accountsSession.count({ where: { userId, revokedAt: null } });

  /** Requests a reset for the account and returns the mailed link's path. */
  async function mailedResetPath(account: StoredAccount, browser = new CookieClient(server.baseUrl)): Promise<string> {
    expect((await requestReset(browser, account.email)).status).toBe(303);
    return resetPathIn(await deliveredResetMail(server.app, account.email));
  }

  it('mails a single-use link whose form sets the new password, signs this browser in and every other browser out', async () => {
    const account = await storeAccount(server.prisma);
    const elsewhere = new CookieClient(server.baseUrl);
    expect((await signIn(elsewhere, account)).status).toBe(303);
    const browser = new CookieClient(server.baseUrl);

    const requested = await requestReset(browser, account.email);
    expect(requested.status).toBe(303);
    expect(requested.headers.get('location')).toBe(PASSWORD_RESET_PATHS.sent);
    const sent = await (await browser.get(PASSWORD_RESET_PATHS.sent)).text();
    expect(sent).toContain('If an account exists for that email address, we have sent it a link');
    expect(sent).toContain('for 30 minutes');
    expect(await mailbox(server.app).to(account.email)).toHaveLength(0);

    const mail = await deliveredResetMail(server.app, account.email);
    expect(mail.subject).toBe('Reset your password');
    const path = resetPathIn(mail);
    expect(path).toMatch(/^\/accounts\/password-reset\/new\?token=[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain('The link works once, for 30 minutes.');
    expect(mail.text).toContain('If you did not ask for this, ignore this mail; your password is unchanged.');
    expect(mail.html).toContain(`href="${mail.links[0].replace(/&/g, '&amp;')}"`);
    expect(mail.html).toContain('your password is unchanged');

    const { page, answer } = await setNewPassword(browser, path, NEW_PASSWORD);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain(`<input type="hidden" name="token" value="${tokenOf(path)}"/>`);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/accounts/me');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    const session = sessionTokenOf(answer);
    expect((await sessionRowOf(server.prisma, session)).userId).toBe(account.id);
    const accountPage = await (await browser.get('/accounts/me')).text();
    expect(accountPage).toContain('Your new password is set and you are signed in as Stored Account. Every other browser was signed out.');

    expect(await isSignedIn(elsewhere)).toBe(false);
    expect(await liveSessionsOf(account.id)).toBe(1);
    expect((await signIn(new CookieClient(server.baseUrl), account)).status).toBe(400);
    expect((await signIn(new CookieClient(server.baseUrl), { email: account.email, password: NEW_PASSWORD })).status).toBe(303);
    const stored = await server.prisma.accountsUser.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await server.prisma.accountsEmailToken.count({ where: { userId: account.id } })).toBe(0);
  });

  it('voids every earlier reset link of the account once one of them sets a password', async () => {
    const account = await storeAccount(server.prisma);
    const first = await mailedResetPath(account);
    const second = await mailedResetPath(account);

    expect((await setNewPassword(new CookieClient(server.baseUrl), second, NEW_PASSWORD)).answer.status).toBe(303);
    const { page } = await setNewPassword(new CookieClient(server.baseUrl), first, 'yet another new passphrase');

    expect(page.status).toBe(400);
    expect(await page.text()).toContain(RESET_LINK_INVALID_TITLE);
    expect((await signIn(new CookieClient(server.baseUrl), { email: account.email, password: NEW_PASSWORD })).status).toBe(303);
  });

  it('shows the form again for a password the rules refuse, and the link still works afterwards', async () => {
    const account = await storeAccount(server.prisma);
    const path = await mailedResetPath(account);
    const browser = new CookieClient(server.baseUrl);

    const { answer } = await setNewPassword(browser, path, 'too short');
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('Enter a password of 12 to 256 characters.');
    expect(html).toContain(`name="token" value="${tokenOf(path)}"`);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await passwordHashOf(account.id)).not.toBeNull();

    expect((await setNewPassword(browser, path, NEW_PASSWORD)).answer.status).toBe(303);
  });

  describe('a link that cannot set a password', () => {
    /** A reused, expired, tampered or foreign link, with the account it was mailed for. */
    const cases: [string, () => Promise<{ account: StoredAccount; path: string }>][] = [
      [
        'a used link',
        async () => {
          const account = await storeAccount(server.prisma);
          const path = await mailedResetPath(account);
          expect((await setNewPassword(new CookieClient(server.baseUrl), path, 'the first new passphrase')).answer.status).toBe(303);
          return { account: { ...account, password: 'the first new passphrase' }, path };
        },
      ],
      [
        'an expired link',
        async () => {
          const account = await storeAccount(server.prisma);
          const path = await mailedResetPath(account);
          await server.prisma.accountsEmailToken.updateMany({
            where: { userId: account.id },
            data: { expiresAt: new Date(Date.now() - 1000) },
          });
          return { account, path };
        },
      ],
      [
        'a link with one character changed',
        async () => {
          const account = await storeAccount(server.prisma);
          const path = await mailedResetPath(account);
          const token = tokenOf(path);
          const changed = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
          return { account, path: `${PASSWORD_RESET_PATHS.newPassword}?token=${changed}` };
        },
      ],
      [
        'a verification link (another purpose)',
        async () => {
          const account = await storeAccount(server.prisma);
          const tokens = server.app.get(EmailTokensService);
          const token = await server.prisma.$transaction((tx) => tokens.issue(tx, account.id, 'VERIFY_EMAIL', account.email, 30 * 60_000));
          return { account, path: `${PASSWORD_RESET_PATHS.newPassword}?token=${token}` };
        },
      ],
      ['a link without a token', async () => ({ account: await storeAccount(server.prisma), path: PASSWORD_RESET_PATHS.newPassword })],
    ];

    it.each(cases)('shows %s the one "not valid any more" page, with a way to ask again, and changes nothing', async (_, make) => {
      const { account, path } = await make();
      const elsewhere = new CookieClient(server.baseUrl);
      expect((await signIn(elsewhere, account)).status).toBe(303);
      const hashBefore = await passwordHashOf(account.id);
      const tokensBefore = await server.prisma.accountsEmailToken.findMany({ where: { userId: account.id }, orderBy: { id: 'asc' } });
      const browser = new CookieClient(server.baseUrl);

      const { page, answer } = await setNewPassword(browser, path, 'an attacker chosen passphrase');

      for (const response of [page, answer]) {
        expect(response.status).toBe(400);
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.getSetCookie().filter((cookie) => cookie.startsWith('session='))).toEqual([]);
      }
      const shown = mainOf(await page.text());
      expect(shown).toContain(RESET_LINK_INVALID_TITLE);
      expect(shown).toContain('This password reset link is not valid any more.');
      expect(shown).toContain(`href="${PASSWORD_RESET_PATHS.request}"`);
      expect(shown).not.toContain('name="password"');
      expect(mainOf(await answer.text())).toBe(shown);
      expect(await passwordHashOf(account.id)).toBe(hashBefore);
      expect(await server.prisma.accountsEmailToken.findMany({ where: { userId: account.id }, orderBy: { id: 'asc' } })).toEqual(
        tokensBefore,
      );
      expect(await isSignedIn(elsewhere)).toBe(true);
      expect(await isSignedIn(browser)).toBe(false);
    });

    it('shows every such link the same page', async () => {
      const pages = new Set<string>();
      for (const [, make] of cases) {
        const { path } = await make();
        pages.add(mainOf(await (await new CookieClient(server.baseUrl).get(path)).text()));
      }
      expect(pages.size).toBe(1);
    });
  });

  it('mails nothing and issues no token for a deleted or a placeholder account', async () => {
    const deleted = await storeAccount(server.prisma, { deletedAt: new Date() });
    const placeholder = await storeAccount(server.prisma, { passwordHash: null });

    for (const account of [deleted, placeholder])
      expect((await requestReset(new CookieClient(server.baseUrl), account.email)).status).toBe(303);
    const report = await eventScenario(server.app).runPendingJobs();

    expect(report).toEqual({ ran: 2, failed: 0, deadLettered: 0 });
    expect(await server.prisma.accountsEmailToken.count()).toBe(0);
    expect(await mailbox(server.app).to(deleted.email)).toHaveLength(0);
    expect(await mailbox(server.app).to(placeholder.email)).toHaveLength(0);
  });

  /**
   * Left out of the comparison: `Date` and `X-Request-Id` (random per
   * request), the two headers that differ between any two requests whatever
   * the address, and the values of cookies (a CSRF cookie set afresh is
   * random; their names and attributes are compared). Everything else,
   * ETag and Content-Length included, must match.
   */
  const VARYING_HEADERS = ['date', 'x-request-id'];
  const shapeOf = async (response: Response) => ({
    status: response.status,
    body: await response.text(),
    headers: [...response.headers]
      .filter(([name]) => !VARYING_HEADERS.includes(name) && name !== 'set-cookie')
      .map(([name, value]) => `${name}: ${value}`),
    cookies: response.headers.getSetCookie().map((cookie) => cookie.replace(/^([^=]+)=[^;]*/, '$1=…')),
  });

  it('answers a request identically for an address with an account, without one, deleted and placeholder', async () => {
    const addresses = {
      known: (await storeAccount(server.prisma)).email,
      unknown: 'nobody-here@example.test',
      deleted: (await storeAccount(server.prisma, { deletedAt: new Date() })).email,
      placeholder: (await storeAccount(server.prisma, { passwordHash: null })).email,
    };
    const answers = [];
    for (const email of Object.values(addresses)) {
      const browser = new CookieClient(server.baseUrl);
      const answer = await requestReset(browser, email);
      const next = await browser.get(answer.headers.get('location')!);
      const nextShape = await shapeOf(next);
      answers.push({ answer: await shapeOf(answer), next: { ...nextShape, body: mainOf(nextShape.body) } });
    }

    expect(answers[0].answer.status).toBe(303);
    expect(answers[0].next.status).toBe(200);
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0]);
  });

  /**
   * What a timing attacker could measure is the request's own work. This
   * pins it: for every kind of address the request leaves exactly one queued
   * accounts job with the same payload shape, issues no token, and moves the
   * same rate-limit counters by the same amounts. A handler that looked the
   * account up and then did more or less (issued the token inline, skipped
   * the queue for unknown addresses, hashed something only for known ones)
   * would change one of these and fail here. The differing work (lookup,
   * token, mail) happens in the job, after the answer was sent, on a worker.
   */
  it('does the same work for every address: one queued job, no token, the same counters moved', async () => {
    const attempts = server.app.get(AttemptsService);
    const addresses = {
      known: (await storeAccount(server.prisma)).email,
      unknown: 'Nobody-Here@Example.test',
      deleted: (await storeAccount(server.prisma, { deletedAt: new Date() })).email,
      placeholder: (await storeAccount(server.prisma, { passwordHash: null })).email,
    };
    const counters = async () =>
      new Map((await server.prisma.accountsRateLimit.findMany()).map(({ key, points }) => [key, points] as const));

    const work = [];
    for (const [kind, email] of Object.entries(addresses)) {
      const countersBefore = await counters();
      const jobsBefore = (await queuedJobs(server.app)).length;

      expect((await requestReset(new CookieClient(server.baseUrl), email)).status).toBe(303);

      const jobs = (await queuedJobs(server.app)).slice(jobsBefore);
      const countersAfter = await counters();
      const moved = [...countersAfter]
        .filter(([key, points]) => countersBefore.get(key) !== points)
        .map(([key, points]) => ({
          counter:
            key === attempts.counterKey('password-reset', 'address', '127.0.0.1')
              ? 'this address'
              : key === attempts.counterKey('password-reset', 'email', email)
                ? 'this email'
                : key,
          by: points - (countersBefore.get(key) ?? 0),
        }))
        // findMany has no order: without the sort the two counters came back either way round (an intermittent failure).
        .sort((a, b) => a.counter.localeCompare(b.counter));
      work.push({
        kind,
        jobs: jobs.map(({ task, payload }) => ({ task, payloadKeys: Object.keys(payload as object) })),
        payloadIsTheNormalisedEmail: jobs.every(({ payload }) => (payload as { email: string }).email === email.toLowerCase()),
        tokens: await server.prisma.accountsEmailToken.count(),
        moved,
      });
    }

    for (const done of work) {
      expect(done).toEqual({
        kind: done.kind,
        jobs: [{ task: 'job:accounts.send-password-reset', payloadKeys: ['email'] }],
        payloadIsTheNormalisedEmail: true,
        tokens: 0,
        moved: [
          { counter: 'this address', by: 1 },
          { counter: 'this email', by: 1 },
        ],
      });
    }
  });

  it('limits requests per email to 5 an hour with a 429 page, for an address with or without an account, queueing nothing more', async () => {
    const known = await storeAccount(server.prisma);
    for (const email of [known.email, 'nobody-limited@example.test']) {
      for (let request = 0; request < ATTEMPT_LIMITS['password-reset'].email.points; request += 1) {
        expect((await requestReset(new CookieClient(server.baseUrl), email)).status).toBe(303);
      }
      const jobsBefore = (await queuedJobs(server.app)).length;

      const limited = await requestReset(new CookieClient(server.baseUrl), email);

      expect(limited.status).toBe(429);
      expect(await limited.text()).toMatch(
        /Too many password reset requests for this email address\. Wait (60|59) minutes, then try again\./,
      );
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await queuedJobs(server.app)).length).toBe(jobsBefore);
    }
  });

  it('lets the owner locked out by failed sign-ins reset, be signed in, and then sign in normally', async () => {
    const account = await storeAccount(server.prisma);
    for (let attempt = 0; attempt < ATTEMPT_LIMITS['sign-in'].email.points; attempt += 1) {
      expect((await signIn(new CookieClient(server.baseUrl), { email: account.email, password: `wrong guess ${attempt}` })).status).toBe(
        400,
      );
    }
    expect((await signIn(new CookieClient(server.baseUrl), account)).status).toBe(429);

    const browser = new CookieClient(server.baseUrl);
    const { answer } = await setNewPassword(browser, await mailedResetPath(account, browser), NEW_PASSWORD);
    expect(answer.status).toBe(303);
    expect(await isSignedIn(browser, '/accounts/me')).toBe(true);
    await browser.postForm('/accounts/sign-out', { _csrf: CookieClient.csrfTokenIn(await (await browser.get('/')).text()) });
    expect(await isSignedIn(browser)).toBe(false);

    expect((await signIn(browser, { email: account.email, password: NEW_PASSWORD })).status).toBe(303);
  });

  it('greets a verified account by its display name, escaped in the HTML part of the mail', async () => {
    const account = await storeAccount(server.prisma);
    const hostile = '<img src=x onerror="alert(1)"> & Co';
    await server.prisma.accountsUser.update({ where: { id: account.id }, data: { displayName: hostile, emailVerifiedAt: new Date() } });

    await requestReset(new CookieClient(server.baseUrl), account.email);
    const mail = await deliveredResetMail(server.app, account.email);

    expect(mail.html).toContain('Hello &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co,');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).toContain(`Hello ${hostile},`);
    expect(mail.toName).toBe(hostile);
  });

  // The name of an unverified account was typed by whoever signed up, who may not own the address.
  it('puts no display name of an unverified account in its mail: "Hello," and the bare address', async () => {
    const account = await storeAccount(server.prisma);
    const squatter = 'Security team: call +1 555 0100 now';
    await server.prisma.accountsUser.update({ where: { id: account.id }, data: { displayName: squatter } });

    await requestReset(new CookieClient(server.baseUrl), account.email);
    const mail = await deliveredResetMail(server.app, account.email);

    expect(mail.text.startsWith('Hello,\n')).toBe(true);
    expect(mail.html).toContain('<p>Hello,</p>');
    expect(mail.toName).toBe('');
    for (const part of [mail.subject, mail.text, mail.html, mail.raw]) expect(part).not.toContain('Security team');
  });

  it('writes no reset token, its hash or the new password into any log line of a whole reset', async () => {
    logger.lines.length = 0;
    const account = await storeAccount(server.prisma);
    const browser = new CookieClient(server.baseUrl);
    const path = await mailedResetPath(account, browser);
    await setNewPassword(browser, path, 'too short');
    await setNewPassword(browser, path, NEW_PASSWORD);
    await setNewPassword(browser, path, NEW_PASSWORD);
    await browser.get(`${PASSWORD_RESET_PATHS.newPassword}?token=${'A'.repeat(43)}`);
    await requestReset(browser, 'nobody-logged@example.test');
    await deliveredResetMail(server.app, account.email);

    const token = tokenOf(path);
    const hash = Buffer.from(emailTokenHash(token));
    const secrets = [
      token,
      hash.toString('hex'),
      hash.toString('base64'),
      hash.toString('base64url'),
      NEW_PASSWORD,
      encodeURIComponent(token),
    ];
    expect(logger.lines.length).toBeGreaterThan(0);
    const leaks = logger.lines.filter(({ text }) => secrets.some((secret) => text.includes(secret))).map(({ text }) => text);
    expect(leaks).toEqual([]);
  });
});
