import { runComponentSeeds } from '../../../database/seeding/run-component-seeds';
import { withEnvironment } from '../../../testing/environment/with-environment';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { startAccountsTestServer } from './accounts-test-server';
import { needsRehash } from '../passwords/password-hasher';
import seed, { DEVELOPMENT_ACCOUNT } from '../prisma/seed';
import { isSignedIn } from './account-fixtures';

describe('the accounts seed against PostgreSQL', () => {
  let server: TestServer;
  const runSeed = () => runComponentSeeds(server.prisma, [{ componentId: 'accounts', seed }], () => undefined);

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(() => resetWorkerSchema(server.prisma));

  it('creates the development account, which can sign in over HTTP with the documented password', async () => {
    await runSeed();

    const user = await server.prisma.accountsUser.findUniqueOrThrow({ where: { email: 'demo@example.com' } });
    expect(user).toMatchObject({ displayName: 'Demo Author', deletedAt: null });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(needsRehash(user.passwordHash!)).toBe(false);
    const browser = new CookieClient(server.baseUrl);
    const response = await signIn(browser, { email: 'demo@example.com', password: 'correct horse battery staple' });
    expect(response.status).toBe(303);
    expect(await isSignedIn(browser)).toBe(true);
    expect(DEVELOPMENT_ACCOUNT).toEqual({
      email: 'demo@example.com',
      displayName: 'Demo Author',
      password: 'correct horse battery staple',
    });
  });

  it('creates one account when it runs twice', async () => {
    await runSeed();
    const { passwordHash } = await server.prisma.accountsUser.findFirstOrThrow();

    await runSeed();

    expect(await server.prisma.accountsUser.count()).toBe(1);
    expect((await server.prisma.accountsUser.findFirstOrThrow()).passwordHash).toBe(passwordHash);
  });

  it('creates nothing with NODE_ENV=production, so no production database has an account with a public password', async () => {
    await withEnvironment({ NODE_ENV: 'production' }, runSeed);

    expect(await server.prisma.accountsUser.count()).toBe(0);
  });
});
