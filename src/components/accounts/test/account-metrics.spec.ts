import { withEnvironment } from '../../../testing/environment/with-environment';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn, signUp } from '../../../testing/http/sign-up';
import { scrapeMetrics } from '../../../testing/metrics/scrape-metrics';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { MetricsRegistry } from '../../../platform/observability/metrics/metrics-registry';
import { ATTEMPT_LIMITS } from '../rate-limits/attempt-limits';
import { AttemptsService } from '../rate-limits/attempts.service';
import { storeAccount } from './account-fixtures';
import { startAccountsTestServer } from './accounts-test-server';
import { deliveredResetMail, requestReset, resetPathIn, setNewPassword } from './password-reset-flow';

const ACCOUNTS = { component: 'accounts' };

let server: TestServer;

beforeAll(async () => {
  server = await withEnvironment({ METRICS_PORT: '0' }, () => startAccountsTestServer());
});

afterAll(() => server?.close());

beforeEach(() => resetWorkerSchema(server.prisma));

async function counters() {
  const metrics = await scrapeMetrics(server.app);
  const signIns = (outcome: string) => metrics.find('accounts_sign_ins_total', { ...ACCOUNTS, outcome })[0]?.value ?? NaN;
  const resets = (stage: string) => metrics.find('accounts_password_resets_total', { ...ACCOUNTS, stage })[0]?.value ?? NaN;
  return {
    signInsSucceeded: signIns('succeeded'),
    signInsRefused: signIns('refused'),
    signInsLimited: signIns('limited'),
    signUps: metrics.find('accounts_sign_ups_total', ACCOUNTS)[0]?.value ?? NaN,
    resetsRequested: resets('requested'),
    resetsCompleted: resets('completed'),
  };
}

type Counters = Awaited<ReturnType<typeof counters>>;

/** How the counters moved while `act` ran (they are cumulative over the file's tests); untouched ones are left out. */
async function moved(act: () => Promise<unknown>): Promise<Partial<Counters>> {
  const before = await counters();
  await act();
  const after = await counters();
  return Object.fromEntries(
    Object.entries(after)
      .map(([key, value]) => [key, value - before[key as keyof Counters]])
      .filter(([, change]) => change !== 0),
  ) as Partial<Counters>;
}

describe('accounts counters', () => {
  it('starts every declared series at 0, labelled with the component and nothing else that varies', async () => {
    const text = await server.app.get(MetricsRegistry).exposition();
    const series = text.split('\n').filter((line) => line.startsWith('accounts_'));

    expect(series.map((line) => line.replace(/ \d+$/, '')).sort()).toEqual([
      'accounts_password_resets_total{component="accounts",stage="completed"}',
      'accounts_password_resets_total{component="accounts",stage="requested"}',
      'accounts_sign_ins_total{component="accounts",outcome="limited"}',
      'accounts_sign_ins_total{component="accounts",outcome="refused"}',
      'accounts_sign_ins_total{component="accounts",outcome="succeeded"}',
      'accounts_sign_ups_total{component="accounts"}',
    ]);
  });

  it('counts a sign-up that creates an account and the sign-in after it, but no sign-up for an address that has one', async () => {
    const account = await storeAccount(server.prisma);

    expect(await moved(() => signUp(new CookieClient(server.baseUrl)))).toEqual({ signUps: 1, signInsSucceeded: 1 });
    const browser = new CookieClient(server.baseUrl);
    const pageText = await (await browser.get('/accounts/sign-up')).text();
    const fields = { email: account.email, displayName: 'Someone else', password: 'a long enough password' };
    const signUpAgain = () => browser.postForm('/accounts/sign-up', { _csrf: CookieClient.csrfTokenIn(pageText), ...fields });

    expect(await moved(async () => expect((await signUpAgain()).status).toBe(303))).toEqual({});
  });

  it('counts a right password as succeeded, a wrong one as refused and one over the limit as limited', async () => {
    const account = await storeAccount(server.prisma);
    const browser = new CookieClient(server.baseUrl);

    expect(await moved(async () => expect((await signIn(browser, account)).status).toBe(303))).toEqual({ signInsSucceeded: 1 });
    expect(await moved(async () => expect((await signIn(browser, { ...account, password: 'not the password' })).status).toBe(400))).toEqual(
      {
        signInsRefused: 1,
      },
    );

    // The email's attempts used up, as ten wrong passwords would (without ten password hashes).
    const key = server.app.get(AttemptsService).counterKey('sign-in', 'email', account.email);
    const window = ATTEMPT_LIMITS['sign-in'].email;
    const usedUp = { points: window.points, expire: new Date(Date.now() + window.durationSeconds * 1000) };
    await server.prisma.accountsRateLimit.upsert({ where: { key }, create: { key, ...usedUp }, update: usedUp });
    expect(await moved(async () => expect((await signIn(browser, account)).status).toBe(429))).toEqual({ signInsLimited: 1 });
  });

  it('counts a reset request, whether or not the address has an account, and a completed reset', async () => {
    const account = await storeAccount(server.prisma);
    const browser = new CookieClient(server.baseUrl);

    expect(await moved(async () => expect((await requestReset(browser, 'nobody@example.test')).status).toBe(303))).toEqual({
      resetsRequested: 1,
    });
    expect(await moved(async () => expect((await requestReset(browser, account.email)).status).toBe(303))).toEqual({ resetsRequested: 1 });
    const path = resetPathIn(await deliveredResetMail(server.app, account.email));

    expect(
      await moved(async () => expect((await setNewPassword(browser, path, 'a brand new passphrase')).answer.status).toBe(303)),
    ).toEqual({
      resetsCompleted: 1,
    });
    // The used link counts nothing more.
    expect(
      await moved(async () => expect((await setNewPassword(browser, path, 'another new passphrase')).answer.status).toBe(400)),
    ).toEqual({});
  });
});
