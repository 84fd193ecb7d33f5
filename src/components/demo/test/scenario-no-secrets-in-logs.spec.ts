// Beside the demo: it reads the demo's pages, and the platform's suite runs without the demo (docs/testing.md, "Platform tests").
import { randomUUID } from 'node:crypto';
import { PRODUCTION_SETTINGS } from '../../../testing/environment/production-settings';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, signUp } from '../../../testing/http/sign-up';
import { logLines } from '../../../testing/logging/log-lines';
import { pathOf } from '../../../testing/mail/mailbox';
import { type SmtpTestServer, startSmtpTestServer } from '../../../testing/mail/smtp-test-server';
import { FixtureAppInstance } from '../../../testing/process/fixture-app-instance';
import { waitUntil } from '../../../testing/process/wait-until';

// A whole visit to the app as production runs it (NODE_ENV=production, mail
// through a real SMTP server, LOG_LEVEL=debug for every line there is), then
// every line it wrote to stdout and stderr is searched for what the visitor
// typed or was given: the address, the passwords, the tokens of the mailed
// links, the CSRF tokens and the cookies.

/** A CookieClient that keeps every CSRF token of the pages it loaded and every cookie value it was given. */
class SecretKeepingBrowser extends CookieClient {
  readonly secrets = new Set<string>();

  override async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await super.get(path, headers));
  }

  override async postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await super.postForm(path, fields, headers));
  }

  private async keep(response: Response): Promise<Response> {
    for (const [, token] of (await response.clone().text()).matchAll(/name="_csrf" value="([^"]+)"/g)) this.secrets.add(token);
    for (const cookie of response.headers.getSetCookie()) {
      const value = /^[^=]+=([^;]*)/.exec(cookie)?.[1] ?? '';
      // Long, random values (session, CSRF, flash signatures); a cleared cookie's empty value is none.
      if (value.length >= 16) this.secrets.add(value);
    }
    return response;
  }
}

describe('the log of a whole visit with NODE_ENV=production', () => {
  let smtp: SmtpTestServer;
  let instance: FixtureAppInstance | undefined;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });

  afterAll(async () => {
    await instance?.dispose();
    await smtp.close();
  });

  /** The newest mail to `email` with a link to `path`; its link. */
  function mailedLink(email: string, path: string): Promise<string> {
    return waitUntil(`a mail to ${email} with a link to ${path}`, () => {
      const links = smtp.delivered
        .filter((delivery) => delivery.rcptTo.includes(email))
        .flatMap((delivery) => delivery.message.text?.match(/https?:\/\/[^\s<>"]+/g) ?? []);
      const link = links.reverse().find((candidate) => new URL(candidate).pathname === path);
      return link ? { done: true, value: link } : { done: false, seen: `${smtp.delivered.length} mail(s), links ${links.join(' ')}` };
    });
  }

  it('has no email address, password, mailed token, CSRF token or cookie value in any line (sign-up, sign-in, a post, a password reset)', async () => {
    instance = await FixtureAppInstance.start({
      name: 'log-secrets',
      env: { ...PRODUCTION_SETTINGS, SMTP_URL: smtp.url(), LOG_LEVEL: 'debug' },
    });
    const email = `log-secrets-${randomUUID()}@example.test`;
    const password = 'a secret passphrase 7d1e';
    const wrongPassword = 'a wrong passphrase 3c9a';
    const newPassword = 'a new secret passphrase 5b2f';
    const browser = new SecretKeepingBrowser(instance.baseUrl);
    const csrf = async (path: string) => CookieClient.csrfTokenIn(await (await browser.get(path)).text());

    await signUp(browser, { email, displayName: 'Log Secret', password });
    await browser.postForm('/accounts/sign-out', { _csrf: await csrf('/') });
    const refused = await signIn(browser, { email, password: wrongPassword });
    const signedIn = await signIn(browser, { email, password });
    const posted = await browser.postForm(
      '/demo/posts',
      { _csrf: await csrf('/demo/posts'), title: 'A post about logs', content: 'Nothing secret here.', status: 'PUBLISHED' },
      { referer: `${instance.baseUrl}/demo/posts` },
    );
    await browser.get(`/demo/posts?email=${encodeURIComponent(email)}&page=1`);
    await browser.postForm('/accounts/password-reset', { _csrf: await csrf('/accounts/password-reset'), email });
    const resetLink = await mailedLink(email, '/accounts/password-reset/new');
    const verifyLink = await mailedLink(email, '/accounts/verify-email');
    const resetToken = new URL(resetLink).searchParams.get('token') ?? '';
    const reset = await browser.postForm('/accounts/password-reset/new', {
      _csrf: await csrf(pathOf(resetLink)),
      token: resetToken,
      password: newPassword,
    });
    const signedInAgain = await signIn(browser, { email, password: newPassword });
    const exit = await instance.terminate();

    expect([refused.status, signedIn.status, posted.status, reset.status, signedInAgain.status]).toEqual([400, 303, 303, 303, 303]);
    expect(exit).toEqual({ code: 0, signal: null });
    const secrets = [
      email,
      encodeURIComponent(email),
      email.split('@')[0],
      password,
      wrongPassword,
      newPassword,
      resetToken,
      new URL(verifyLink).searchParams.get('token') ?? '',
      ...browser.secrets,
    ];
    expect(secrets.every((secret) => secret.length >= 16)).toBe(true);
    expect(browser.secrets.size).toBeGreaterThan(3);
    const lines = logLines(instance.log());
    // The scenario was logged (a line per request at least), and none of those lines has a secret.
    expect(lines.filter((line) => line.includes('"request completed"')).length).toBeGreaterThan(15);
    expect(lines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  });
});
