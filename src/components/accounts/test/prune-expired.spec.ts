import { randomBytes } from 'node:crypto';
import { eventScenario } from '../../../testing/events/event-scenario';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signIn } from '../../../testing/http/sign-up';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import type { TestServer } from '../../../testing/start-test-server';
import { TOKEN_PRUNE_BATCH } from '../email-tokens/email-tokens.service';
import { PRUNE_BATCH } from '../sessions/sessions.service';
import { storeAccount } from './account-fixtures';
import { startAccountsTestServer } from './accounts-test-server';

const HOUR = 3_600_000;

describe('the prune-expired schedule', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startAccountsTestServer();
  });

  afterAll(() => server.close());

  beforeEach(() => resetWorkerSchema(server.prisma));

  async function storeSessions(userId: string, count: number, expiresIn: number): Promise<void> {
    const at = new Date(Date.now() + expiresIn);
    await server.prisma.accountsSession.createMany({
      data: Array.from({ length: count }, () => ({ userId, tokenHash: randomBytes(32), idleExpiresAt: at, absoluteExpiresAt: at })),
    });
  }

  it('deletes every session that can never be used again, more than one batch of them, and keeps the live ones', async () => {
    const account = await storeAccount(server.prisma);
    await storeSessions(account.id, PRUNE_BATCH * 2 + 7, -HOUR);
    await storeSessions(account.id, 3, HOUR);

    await eventScenario(server.app).runSchedule('accounts', 'prune-expired');

    const left = await server.prisma.accountsSession.findMany({ select: { idleExpiresAt: true } });
    expect(left).toHaveLength(3);
    expect(left.every(({ idleExpiresAt }) => idleExpiresAt.getTime() > Date.now())).toBe(true);
  });

  it('deletes rate-limit counters whose window ended over an hour ago and keeps the others', async () => {
    await server.prisma.accountsRateLimit.createMany({
      data: [
        { key: 'sign-in:email:long-over', points: 3, expire: new Date(Date.now() - 2 * HOUR) },
        { key: 'sign-in:email:just-over', points: 3, expire: new Date(Date.now() - HOUR / 2) },
        { key: 'sign-in:email:running', points: 3, expire: new Date(Date.now() + HOUR) },
      ],
    });

    await eventScenario(server.app).runSchedule('accounts', 'prune-expired');

    const keys = (await server.prisma.accountsRateLimit.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map(({ key }) => key);
    expect(keys).toEqual(['sign-in:email:just-over', 'sign-in:email:running']);
  });

  it('deletes mailed-link tokens past their expiry, more than one batch of them, used or not, and keeps the live ones', async () => {
    const account = await storeAccount(server.prisma);
    const tokens = (count: number, expiresIn: number, usedAt: Date | null = null) =>
      Array.from({ length: count }, () => ({
        userId: account.id,
        purpose: 'PASSWORD_RESET' as const,
        tokenHash: randomBytes(32),
        email: account.email,
        expiresAt: new Date(Date.now() + expiresIn),
        usedAt,
      }));
    await server.prisma.accountsEmailToken.createMany({
      data: [...tokens(TOKEN_PRUNE_BATCH + 3, -HOUR), ...tokens(2, -HOUR, new Date()), ...tokens(4, HOUR)],
    });

    await eventScenario(server.app).runSchedule('accounts', 'prune-expired');

    const left = await server.prisma.accountsEmailToken.findMany({ select: { expiresAt: true } });
    expect(left).toHaveLength(4);
    expect(left.every(({ expiresAt }) => expiresAt.getTime() > Date.now())).toBe(true);
  });

  it('leaves expired sessions to the schedule: signing in no longer deletes them', async () => {
    const account = await storeAccount(server.prisma);
    await storeSessions(account.id, 2, -HOUR);

    const answer = await signIn(new CookieClient(server.baseUrl), { email: account.email, password: account.password });

    expect(answer.status).toBe(303);
    expect(await server.prisma.accountsSession.count({ where: { idleExpiresAt: { lt: new Date() } } })).toBe(2);
  });
});
