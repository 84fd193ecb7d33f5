import { PrismaService } from '../../../database/runtime/prisma.service';
import { withEnvironment } from '../../../testing/environment/with-environment';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp, TestAccount } from '../../../testing/http/sign-up';
import { CapturedLogger } from '../../../testing/logging/captured-logger';
import { startTcpProxy, TcpProxy } from '../../../testing/network/tcp-proxy';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { AccountsComponentService } from '../component.service';
import { sessionTokenHash } from '../sessions/session-token';

/** The session cookie's value in a response, if it sets one (a cleared one does not count). */
function sessionCookieIn(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const match = /^session=([^;]+)/.exec(header);
    if (match && !/expires=.*1970/i.test(header)) return match[1];
  }
  return undefined;
}

const clearsSessionCookie = (response: Response) => response.headers.getSetCookie().some((header) => header.startsWith('session=;'));

async function csrfTokenOf(browser: CookieClient, path: string): Promise<string> {
  const page = await browser.get(path);
  expect(page.status).toBe(200);
  return CookieClient.csrfTokenIn(await page.text());
}

describe('accounts when the database goes away under a running app', () => {
  let proxy: TcpProxy;
  let server: TestServer;
  const logger = new CapturedLogger();
  let browser: CookieClient;
  let account: TestAccount;

  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL ?? '');
    proxy = await startTcpProxy(target.hostname, Number(target.port));
    const behindProxy = new URL(target);
    behindProxy.port = String(proxy.port);
    // With production's connect timeout: a short one made a busy machine's ordinary connections fail at startup.
    server = await withEnvironment({ DATABASE_URL: behindProxy.toString() }, () => startAccountsTestServer({ logger }));
    browser = new CookieClient(server.baseUrl);
    account = await signUp(browser, { displayName: 'Outage Olga' });
  });

  afterAll(async () => {
    await proxy?.setMode('forward');
    await server?.close();
    await proxy?.close();
  });

  afterEach(() => proxy.setMode('forward'));

  it('answers a signed-in browser’s page with 503 and Retry-After, never 500 and never as if signed out; the cookie works again afterwards', async () => {
    await proxy.setMode('refuse');
    const pages = [];
    for (const path of ['/', '/accounts/me']) pages.push(await browser.get(path));
    await proxy.setMode('forward');
    const back = await browser.get('/accounts/me');

    for (const page of pages) {
      const html = await page.text();
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      expect(html).toMatch(/cannot reach its database right now/);
      // Not signed out: no sign-in links in the header, the cookie kept, no redirect to sign in.
      expect(html).not.toMatch(/>Sign in<|Create an account/);
      expect(clearsSessionCookie(page)).toBe(false);
    }
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('Signed in as <a href="/accounts/me">Outage Olga</a>');
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('answers a sign-in during the outage with 503 and sets no session cookie', async () => {
    const stranger = new CookieClient(server.baseUrl);
    // The sign-in page itself needs no database for a browser without a session.
    const _csrf = await csrfTokenOf(stranger, '/accounts/sign-in');

    await proxy.setMode('refuse');
    const html = await stranger.postForm('/accounts/sign-in', { _csrf, email: account.email, password: account.password });
    const json = await stranger.postForm(
      '/accounts/sign-in',
      { _csrf, email: account.email, password: account.password },
      { accept: 'application/json' },
    );
    await proxy.setMode('forward');

    expect(html.status).toBe(503);
    expect(html.headers.get('retry-after')).toBe('5');
    expect(sessionCookieIn(html)).toBeUndefined();
    expect(json.status).toBe(503);
    expect(await json.json()).toMatchObject({ statusCode: 503, message: expect.stringMatching(/cannot reach its database/) });
    expect(sessionCookieIn(json)).toBeUndefined();
    expect((await stranger.get('/accounts/me')).status).toBe(303);
  });

  it('answers a sign-up during the outage with 503 and creates nothing', async () => {
    const stranger = new CookieClient(server.baseUrl);
    const _csrf = await csrfTokenOf(stranger, '/accounts/sign-up');
    const email = `outage-${Date.now()}@example.test`;

    await proxy.setMode('refuse');
    const response = await stranger.postForm('/accounts/sign-up', {
      _csrf,
      email,
      displayName: 'Nobody',
      password: 'a long enough password',
    });
    await proxy.setMode('forward');

    expect(response.status).toBe(503);
    expect(sessionCookieIn(response)).toBeUndefined();
    expect(await server.prisma.accountsUser.count({ where: { email } })).toBe(0);
  });
});

describe('accounts when the server stops (SIGTERM) during a sign-in', () => {
  let prisma: PrismaService;

  beforeAll(async () => {
    prisma = new PrismaService();
    await prisma.$connect();
  });

  afterAll(async () => {
    await prisma?.$disconnect();
  });

  afterEach(() => jest.restoreAllMocks());

  /** Every session row of the account, as hashes: what the database says this account has. */
  const sessionHashesOf = async (email: string) =>
    (await prisma.accountsSession.findMany({ where: { user: { email } }, select: { tokenHash: true } })).map(({ tokenHash }) =>
      Buffer.from(tokenHash).toString('hex'),
    );
  const hashOf = (token: string) => Buffer.from(sessionTokenHash(token)).toString('hex');

  it('finishes a sign-in whose password is being verified when the stop begins; a session exists exactly for the cookie sent', async () => {
    const server = await startAccountsTestServer();
    let stopped = false;
    try {
      const account = await signUp(new CookieClient(server.baseUrl));
      const [signUpSession] = await sessionHashesOf(account.email);
      const late = new CookieClient(server.baseUrl);
      const lateToken = await csrfTokenOf(late, '/accounts/sign-in');
      const browser = new CookieClient(server.baseUrl);
      const _csrf = await csrfTokenOf(browser, '/accounts/sign-in');

      // The stop begins as soon as the sign-in has started (its account lookup under way): the argon2 verify and the writes run while the server drains.
      const service = server.app.get(AccountsComponentService);
      const signIn = service.signIn.bind(service);
      let verifying!: () => void;
      const started = new Promise<void>((resolve) => (verifying = resolve));
      jest.spyOn(service, 'signIn').mockImplementation((...args) => {
        const result = signIn(...args);
        verifying();
        return result;
      });

      const answer = browser.postForm('/accounts/sign-in', { _csrf, email: account.email, password: account.password });
      await started;
      const stopping = server.close();
      stopped = true;
      // Sent after the stop began: refused (no connection) or answered; either way nothing half-done.
      const lateAnswer = late
        .postForm('/accounts/sign-in', { _csrf: lateToken, email: account.email, password: account.password })
        .catch((error: unknown) => error as Error);
      const [response, lateResponse] = await Promise.all([answer, lateAnswer, stopping]);

      expect(response.status).toBe(303);
      const cookies = [sessionCookieIn(response), lateResponse instanceof Response ? sessionCookieIn(lateResponse) : undefined];
      expect(cookies[0]).toMatch(/^[\w-]{43}$/);
      const issued = cookies.filter((token): token is string => token !== undefined).map(hashOf);
      expect((await sessionHashesOf(account.email)).sort()).toEqual([signUpSession, ...issued].sort());
    } finally {
      if (!stopped) await server.close();
    }
  });
});
