import { sql } from 'kysely';
import { PrismaService } from '../../../database/runtime/prisma.service';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { countStatements } from '../../../testing/database/count-statements';
import { readSessionPolicy } from '../sessions/session-policy';
import { newSessionToken } from '../sessions/session-token';
import { SessionsService } from '../sessions/sessions.service';

// Every signed-in request runs the session check, so its statements are
// counted here: the query monitor counts the fast path's statements as it
// counts Prisma's (DATABASE_QUERY_WARN_COUNT is on outside production).
// The workers run fourteen hours ahead of UTC (jest.config.js sets TZ before
// they start; a test file cannot change it): a date the fast path read or
// wrote in local time, as node-postgres would, is off by hours.
describe('the session check of a signed-in request', () => {
  const MINUTE = 60_000;
  let prisma: PrismaService;
  let sessions: SessionsService;

  beforeAll(async () => {
    prisma = new PrismaService();
    await prisma.onModuleInit();
    sessions = new SessionsService(prisma, readSessionPolicy({}));
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  beforeEach(() => resetWorkerSchema(prisma));

  const counted = <T>(work: () => Promise<T>) => countStatements(prisma, work);

  async function signedInAt(now: Date) {
    const user = await prisma.accountsUser.create({ data: { email: 'grace@example.test', displayName: 'Grace' } });
    const { token } = await sessions.start(user.id, undefined, now);
    return { user, token };
  }

  it('reads the session and its user together in one statement', async () => {
    const start = new Date();
    const { user, token } = await signedInAt(start);

    const { result, statements } = await counted(() => sessions.resolve(token, new Date(start.getTime() + 1000)));

    expect(result).toEqual({ id: user.id, email: 'grace@example.test', displayName: 'Grace' });
    expect(statements).toBe(1);
  });

  it('writes last seen at most once a minute: one more statement past the minute, then none again within it', async () => {
    const start = new Date();
    const { user, token } = await signedInAt(start);

    const later = await counted(() => sessions.resolve(token, new Date(start.getTime() + MINUTE + 1000)));
    const soonAfter = await counted(() => sessions.resolve(token, new Date(start.getTime() + MINUTE + 2000)));

    expect(later).toEqual({ result: expect.objectContaining({ id: user.id }), statements: 2 });
    expect(soonAfter).toEqual({ result: expect.objectContaining({ id: user.id }), statements: 1 });
    const row = await prisma.accountsSession.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.lastSeenAt).toEqual(new Date(start.getTime() + MINUTE + 1000));
  });

  it('answers an unknown token with one statement, and a malformed one without asking the database', async () => {
    await signedInAt(new Date());

    expect(await counted(() => sessions.resolve(newSessionToken()))).toEqual({ result: null, statements: 1 });
    expect(await counted(() => sessions.resolve('not a token'))).toEqual({ result: null, statements: 0 });
  });

  it('reads a deleted account’s session as signed out', async () => {
    const start = new Date();
    const { user, token } = await signedInAt(start);
    await prisma.accountsUser.update({ where: { id: user.id }, data: { deletedAt: start } });

    expect(await sessions.resolve(token, new Date(start.getTime() + 1000))).toBeNull();
  });

  describe('its last-seen write, made from what the check read (one statement, no lock)', () => {
    interface TouchPath {
      touch(session: { id: string; lastSeenAt: Date; absoluteExpiresAt: Date }, now: Date): Promise<void>;
    }
    // The write is private: reached directly here so that the read and the write are apart on purpose, which a
    // real race does only sometimes.
    const touchOf = (service: SessionsService) => (service as unknown as TouchPath).touch.bind(service);

    /** The session row as the check read it: the write works from this copy, however old it is by then. */
    function readAs(userId: string) {
      return prisma.accountsSession.findFirstOrThrow({ where: { userId } });
    }

    /** The row's version (xmin): any UPDATE of it makes a new one, even one that sets the same values. */
    async function version(userId: string) {
      const row = await prisma.$kysely
        .selectFrom('AccountsSession')
        .select(sql<string>`xmin::text`.as('xmin'))
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow();
      return row.xmin;
    }

    it('leaves a session revoked between the read and the write revoked, its last seen unchanged', async () => {
      const start = new Date();
      const { user, token } = await signedInAt(start);
      const read = await readAs(user.id);
      await sessions.revoke(token, new Date(start.getTime() + 1000));
      const revoked = await readAs(user.id);

      await touchOf(sessions)(read, new Date(start.getTime() + MINUTE + 1000));

      const row = await readAs(user.id);
      expect(row).toEqual(revoked);
      expect(row.revokedAt).not.toBeNull();
      expect(row.lastSeenAt).toEqual(start);
    });

    it('is made once when two instances write the same session within the minute', async () => {
      const start = new Date();
      const { user } = await signedInAt(start);
      const [one, other] = [sessions, new SessionsService(prisma, readSessionPolicy({}))];
      const now = new Date(start.getTime() + MINUTE + 1000);
      const read = await readAs(user.id);

      await touchOf(one)(read, now);
      const afterFirst = await version(user.id);
      await touchOf(other)(read, now);

      expect(await version(user.id)).toBe(afterFirst);
      expect((await readAs(user.id)).lastSeenAt).toEqual(now);
    });
  });
});
