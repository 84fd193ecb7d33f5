import { randomUUID } from 'node:crypto';
import { eventScenario } from '../../../testing/events/event-scenario';
import { queuedJobs } from '../../../testing/events/queued-jobs';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp } from '../../../testing/http/sign-up';
import { mailbox, pathOf } from '../../../testing/mail/mailbox';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import * as passwordHasher from '../passwords/password-hasher';
import { csrfTokenFrom, storeAccount } from './account-fixtures';
import { startAccountsTestServer } from './accounts-test-server';

/**
 * Sign-up must not tell whether an address has an account (issue 23): the
 * answer, the rows written and the work done are the same for a new and a
 * taken address; only the address's owner learns of the attempt, by mail.
 */
describe('signing up with an address that has an account', () => {
  let server: TestServer;
  const unique = (name: string) => `${name}-${randomUUID()}@example.test`;

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  afterEach(() => jest.restoreAllMocks());

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
  });

  /** A sign-up from a new browser (its first visit: the form, then the POST), as an attacker probing addresses would send it. */
  async function signUpFromNewBrowser(email: string, displayName = 'Probe'): Promise<Response> {
    const browser = new CookieClient(server.baseUrl);
    const _csrf = await csrfTokenFrom(browser, '/accounts/sign-up');
    return browser.postForm('/accounts/sign-up', { _csrf, email, displayName, password: 'another long password' });
  }

  /**
   * Everything a client sees of an answer, but two headers that differ
   * between any two answers, whatever the address: `Date` (the clock's
   * second) and `X-Request-Id` (random per request, for the logs). The answer
   * sets no cookie, so there are no cookie values to leave out.
   */
  async function observable(response: Response) {
    const headers = [...response.headers.entries()].filter(([name]) => name !== 'date' && name !== 'x-request-id');
    return { status: response.status, headers, body: await response.text() };
  }

  const rowCounts = async () => ({
    users: await server.prisma.accountsUser.count(),
    sessions: await server.prisma.accountsSession.count(),
    tokens: await server.prisma.accountsEmailToken.count(),
  });

  it('answers byte for byte as for a new address: status, headers (but Date and the request id) and body', async () => {
    const owner = await signUp(new CookieClient(server.baseUrl), { email: unique('owner') });
    const legacyDeleted = await storeAccount(server.prisma, { deletedAt: new Date() });
    const placeholder = await storeAccount(server.prisma, { passwordHash: null });

    const forNew = await observable(await signUpFromNewBrowser(unique('newcomer')));
    const forTaken = await observable(await signUpFromNewBrowser(owner.email.toUpperCase()));
    const forDeleted = await observable(await signUpFromNewBrowser(legacyDeleted.email));
    const forPlaceholder = await observable(await signUpFromNewBrowser(placeholder.email));

    expect(forNew.status).toBe(303);
    expect(forNew.headers).toContainEqual(['location', '/accounts/sign-up/sent']);
    expect(forNew.headers.some(([name]) => name === 'set-cookie')).toBe(false);
    expect(forTaken).toEqual(forNew);
    expect(forDeleted).toEqual(forNew);
    expect(forPlaceholder).toEqual(forNew);
  });

  it('creates nothing and changes nothing for a taken address', async () => {
    const owner = await signUp(new CookieClient(server.baseUrl), { email: unique('owner'), displayName: 'The Owner' });
    await eventScenario(server.app).runPendingJobs();
    const before = await server.prisma.accountsUser.findUniqueOrThrow({ where: { email: owner.email } });
    const counts = await rowCounts();

    const response = await signUpFromNewBrowser(owner.email, 'Intruder');
    await eventScenario(server.app).runPendingJobs();

    expect(response.status).toBe(303);
    expect(await rowCounts()).toEqual(counts);
    expect(await server.prisma.accountsUser.findUniqueOrThrow({ where: { email: owner.email } })).toEqual(before);
  });

  it('mails the owner that someone tried, with links to sign in and to reset the password, and no token', async () => {
    const owner = await signUp(new CookieClient(server.baseUrl), { email: unique('owner'), displayName: 'The Owner' });
    await eventScenario(server.app).runPendingJobs();
    const mailsBefore = (await mailbox(server.app).to(owner.email)).length;

    await signUpFromNewBrowser(owner.email, 'Intruder');
    await eventScenario(server.app).runPendingJobs();

    const mails = await mailbox(server.app).to(owner.email);
    expect(mails).toHaveLength(mailsBefore + 1);
    const notice = mails[mails.length - 1];
    expect(notice.subject).toBe('Someone tried to create an account with your email address');
    expect(notice.text).toContain(`Someone just tried to create a new account with ${owner.email}, which already has an account.`);
    expect(notice.links.map(pathOf)).toEqual(['/accounts/sign-in', '/accounts/password-reset']);
    expect(notice.text).not.toContain('Intruder');
    expect(notice.raw).not.toContain('token=');
  });

  it('mails a new account a link to verify its address, and only that', async () => {
    const email = unique('newcomer');

    await signUpFromNewBrowser(email, 'Newcomer');
    expect(await mailbox(server.app).to(email)).toHaveLength(0);
    await eventScenario(server.app).runPendingJobs();

    const mails = await mailbox(server.app).to(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Confirm your email address');
    expect(mails[0].text.startsWith('Hello,\n')).toBe(true);
    expect(mails[0].text).toContain(
      'If you did not create an account, ignore this mail: nothing happens, and the account stays unverified.',
    );
    expect(mails[0].links[0]).toMatch(/^http:\/\/localhost:3000\/accounts\/verify-email\?token=[A-Za-z0-9_-]{43}$/);
    expect(await server.prisma.accountsEmailToken.count({ where: { purpose: 'VERIFY_EMAIL', email } })).toBe(1);
  });

  it('sends nothing to a placeholder account or to a deleted account that kept its address', async () => {
    const placeholder = await storeAccount(server.prisma, { passwordHash: null });
    const deleted = await storeAccount(server.prisma, { deletedAt: new Date() });

    await signUpFromNewBrowser(placeholder.email);
    await signUpFromNewBrowser(deleted.email);
    const report = await eventScenario(server.app).runPendingJobs();

    expect(report).toMatchObject({ ran: 2, failed: 0 });
    expect(await mailbox(server.app).to(placeholder.email)).toHaveLength(0);
    expect(await mailbox(server.app).to(deleted.email)).toHaveLength(0);
    expect(await server.prisma.accountsUser.count()).toBe(2);
  });

  it('does the same work for a taken address as for a new one: one password hashed and one job queued', async () => {
    const owner = await signUp(new CookieClient(server.baseUrl), { email: unique('owner') });
    await eventScenario(server.app).runPendingJobs();
    const hashing = jest.spyOn(passwordHasher, 'hashPassword');

    const work = async (email: string) => {
      hashing.mockClear();
      const jobsBefore = (await queuedJobs(server.app)).length;
      await signUpFromNewBrowser(email);
      const queued = (await queuedJobs(server.app)).slice(jobsBefore);
      await eventScenario(server.app).runPendingJobs();
      return { hashed: hashing.mock.calls.length, queued: queued.length };
    };

    const forNew = await work(unique('newcomer'));
    const forTaken = await work(owner.email);

    expect(forNew).toEqual({ hashed: 1, queued: 1 });
    expect(forTaken).toEqual(forNew);
  });

  // Whoever signs up chooses the name but may not own the address: until it is verified, no mail carries that name.
  it('puts the name chosen at sign-up in neither mail while the address is unverified: "Hello," and the bare address', async () => {
    const squatter = 'Security team: call +1 555 0100 now';
    const email = unique('squatted');

    await signUpFromNewBrowser(email, squatter);
    await eventScenario(server.app).runPendingJobs();
    await signUpFromNewBrowser(email, 'Someone Else');
    await eventScenario(server.app).runPendingJobs();

    const [verification, notice] = await mailbox(server.app).to(email);
    expect(verification.subject).toBe('Confirm your email address');
    expect(notice.subject).toBe('Someone tried to create an account with your email address');
    for (const mail of [verification, notice]) {
      expect(mail.text.startsWith('Hello,\n')).toBe(true);
      expect(mail.html).toContain('<p>Hello,</p>');
      expect(mail.toName).toBe('');
      for (const part of [mail.subject, mail.text, mail.html, mail.raw]) expect(part).not.toContain('Security team');
    }
  });

  it('greets the owner of a verified account by name in the notice, escaped in the HTML', async () => {
    const hostile = '<img src=x onerror="alert(1)"> & Co';
    const owner = await storeAccount(server.prisma);
    await server.prisma.accountsUser.update({ where: { id: owner.id }, data: { displayName: hostile, emailVerifiedAt: new Date() } });

    await signUpFromNewBrowser(owner.email, 'Someone Else');
    await eventScenario(server.app).runPendingJobs();

    const notice = await mailbox(server.app).latestTo(owner.email);
    expect(notice.subject).toBe('Someone tried to create an account with your email address');
    expect(notice.html).toContain('Hello &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co,');
    expect(notice.html).not.toContain('<img');
    expect(notice.text).toContain(`Hello ${hostile},`);
    expect(notice.toName).toBe(hostile);
  });
});
