import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, signUp } from '../../../testing/http/sign-up';
import { CapturedLogger } from '../../../testing/logging/captured-logger';
import { eventScenario } from '../../../testing/events/event-scenario';
import { mailbox, pathOf } from '../../../testing/mail/mailbox';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { sessionTokenHash } from '../sessions/session-token';
import { SESSION_COOKIE_NAME } from './account-fixtures';

/** What one response showed: its body and every header but Set-Cookie, the only place a token may travel. */
interface Seen {
  request: string;
  status: number;
  body: string;
  headers: string;
}

/** A CookieClient that keeps every response it got and every session token it was given. */
class RecordingBrowser extends CookieClient {
  readonly seen: Seen[] = [];
  readonly tokens = new Set<string>();

  override async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.record(`GET ${path}`, await super.get(path, headers));
  }

  override async postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.record(`POST ${path}`, await super.postForm(path, fields, headers));
  }

  private async record(request: string, response: Response): Promise<Response> {
    const headers = [...response.headers].filter(([name]) => name !== 'set-cookie').map(([name, value]) => `${name}: ${value}`);
    this.seen.push({ request, status: response.status, body: await response.clone().text(), headers: headers.join('\n') });
    for (const cookie of response.headers.getSetCookie()) {
      const token = new RegExp(`^${SESSION_COOKIE_NAME}=([^;]+)`).exec(cookie)?.[1];
      if (token) this.tokens.add(token);
    }
    return response;
  }
}

describe('secrets in pages and logs', () => {
  let server: TestServer;
  const logger = new CapturedLogger();

  beforeAll(async () => {
    server = await startAccountsTestServer({ logger });
  });

  afterAll(() => server.close());

  beforeEach(() => resetWorkerSchema(server.prisma));

  it('shows no password, password hash, token hash or session token in any page or log line of a whole visit, nor the verification token in a log line', async () => {
    const password = 'my very secret passphrase 9f3b';
    const browser = new RecordingBrowser(server.baseUrl);
    const account = await signUp(browser, { email: 'secret-keeper@example.test', displayName: 'Secret Keeper', password });
    await browser.get('/');
    await browser.get('/accounts/me');
    await browser.get('/accounts/me', { accept: 'application/json' });
    await signIn(browser, account);
    await browser.get('/accounts/me');
    await signIn(browser, { email: account.email, password: `${password} but wrong` });
    await signIn(browser, { email: 'nobody@example.test', password });
    await browser.postForm('/accounts/sign-up', { _csrf: 'forged', email: account.email, displayName: 'Forged', password });
    await browser.postForm('/accounts/sign-up', {
      _csrf: CookieClient.csrfTokenIn(await (await browser.get('/accounts/sign-up')).text()),
      email: 'not an email',
      displayName: 'Invalid Form',
      password,
    });
    await browser.postForm('/accounts/sign-up', {
      _csrf: CookieClient.csrfTokenIn(await (await browser.get('/accounts/sign-up')).text()),
      email: account.email,
      displayName: 'Taken',
      password,
    });
    // The verification link: its token may be in the mail and on its own page, never in a log line.
    await eventScenario(server.app).runPendingJobs();
    const verification = (await mailbox(server.app).to(account.email))
      .filter((mail) => mail.subject === 'Confirm your email address')
      .at(-1);
    const verifyLink = pathOf(verification!.links[0]);
    const verificationToken = new URL(verifyLink, server.baseUrl).searchParams.get('token')!;
    const confirmPage = await browser.get(verifyLink);
    await browser.postForm('/accounts/verify-email', {
      _csrf: CookieClient.csrfTokenIn(await confirmPage.text()),
      token: verificationToken,
    });
    await browser.postForm('/accounts/verify-email', {
      _csrf: CookieClient.csrfTokenIn(await (await browser.get('/accounts/me')).text()),
      token: verificationToken,
    });
    await browser.postForm('/accounts/sign-out', { _csrf: CookieClient.csrfTokenIn(await (await browser.get('/')).text()) });
    await browser.get('/accounts/me');
    const signedOutOther = new RecordingBrowser(server.baseUrl);
    await signedOutOther.get('/accounts/me', { accept: 'application/json' });

    const stored = await server.prisma.accountsUser.findFirstOrThrow({ where: { email: account.email } });
    const tokenHashes = [
      ...(await server.prisma.accountsSession.findMany({ select: { tokenHash: true } })).map((row) => Buffer.from(row.tokenHash)),
      ...[...browser.tokens].map((token) => Buffer.from(sessionTokenHash(token))),
    ];
    const secrets = [
      ['the password', password],
      ['an argon2 hash', '$argon2'],
      ['the stored hash', stored.passwordHash!.split('$').at(-1)!],
      ...tokenHashes.flatMap((hash) => [
        ['a token hash (hex)', hash.toString('hex')],
        ['a token hash (base64)', hash.toString('base64')],
        ['a token hash (base64url)', hash.toString('base64url')],
      ]),
      ...[...browser.tokens].map((token) => ['a session token', token]),
    ] as const;
    const places = [
      ...[...browser.seen, ...signedOutOther.seen].flatMap(({ request, status, body, headers }) => [
        { where: `${request} (${status}) body`, text: body },
        { where: `${request} (${status}) headers`, text: headers },
      ]),
      ...logger.lines.map((line, n) => ({ where: `log line ${n + 1}`, text: line.text })),
    ];

    // Make sure the visit went where it should, or the check below would pass on a handful of error pages.
    expect(browser.tokens.size).toBe(2);
    // No 409 since sign-up answers a taken address like a new one (303).
    expect([...browser.seen, ...signedOutOther.seen].map(({ status }) => status)).toEqual(
      expect.arrayContaining([200, 303, 400, 401, 403]),
    );
    expect(stored.emailVerifiedAt).toBeInstanceOf(Date);
    expect(logger.lines.length).toBeGreaterThan(0);
    const logLines = places.filter(({ where }) => where.startsWith('log line'));
    const leaks = [
      ...secrets.flatMap(([what, secret]) => places.filter(({ text }) => text.includes(secret)).map(({ where }) => `${what} in ${where}`)),
      ...logLines.filter(({ text }) => text.includes(verificationToken)).map(({ where }) => `the verification token in ${where}`),
    ];
    expect(leaks).toEqual([]);
  });
});
