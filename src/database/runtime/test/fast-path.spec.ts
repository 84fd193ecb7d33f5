import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { TestingModule } from '@nestjs/testing';
import { sql } from 'kysely';
import { createDatabaseTestingModule } from '../../../testing/create-database-testing-module';
import { withEnvironment } from '../../../testing/environment/with-environment';
import { CapturedLogger } from '../../../testing/logging/captured-logger';
import { startTestServer, type TestServer } from '../../../testing/start-test-server';
import { PrismaService } from '../prisma.service';

/**
 * The fast path (`$kysely`) against the real PostgreSQL: the same pool,
 * settings and error mapping as Prisma. Platform only: it uses the accounts
 * tables, never the demo's, as the suite also runs without the demo.
 */
const TAKEN = `taken-${randomUUID()}@example.test`;

/** Each failure twice: through the fast path and through Prisma, which the fast path must answer alike. */
@Controller('fast-path')
class FastPathController {
  constructor(private readonly prisma: PrismaService) {}

  @Get('unique/:path')
  async unique(@Param('path') path: string): Promise<string> {
    if (path === 'kysely') {
      // No database default for `id` and `updatedAt`: Prisma fills them client-side, so the fast path passes them.
      await this.prisma.$kysely
        .insertInto('AccountsUser')
        .values({ id: randomUUID(), email: TAKEN, displayName: 'Second', updatedAt: new Date() })
        .execute();
    } else {
      await this.prisma.accountsUser.create({ data: { email: TAKEN, displayName: 'Second' } });
    }
    return 'inserted';
  }

  @Get('sleep/:path')
  async sleep(@Param('path') path: string): Promise<string> {
    // Far past the server's statement timeout (1 s below), so the timeout, not the sleep, ends it.
    if (path === 'kysely') await sql`SELECT pg_sleep(${60})`.execute(this.prisma.$kysely);
    else await this.prisma.$queryRaw`SELECT pg_sleep(${60})`;
    return 'slept';
  }

  @Get('terminated')
  async terminated(): Promise<string> {
    // One connection for both statements: the sleep outlasts the 1 s statement timeout only on it, and ends when a
    // test terminates its backend (marked by `AS ended_by_the_test`, which it looks for in pg_stat_activity).
    await this.prisma.$kysely.connection().execute(async (db) => {
      await sql`SET statement_timeout = 0`.execute(db);
      await sql`SELECT pg_sleep(5) AS ended_by_the_test`.execute(db);
    });
    return 'slept';
  }

  @Get('after')
  async after(): Promise<number> {
    const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(this.prisma.$kysely);
    return rows[0].one;
  }
}

@Module({ controllers: [FastPathController] })
class FastPathModule {}

async function getJson(server: TestServer, path: string) {
  const response = await fetch(server.baseUrl + path, { headers: { accept: 'application/json' } });
  const { reference, ...body } = (await response.json()) as { reference?: string } & Record<string, unknown>;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), reference, body };
}

describe('the fast path ($kysely) answers failures as Prisma does, over HTTP', () => {
  let server: TestServer;
  let logger: CapturedLogger;

  beforeAll(async () => {
    logger = new CapturedLogger();
    server = await withEnvironment({ DATABASE_STATEMENT_TIMEOUT_MS: '1000' }, () =>
      startTestServer({ imports: [FastPathModule] }, { logger }),
    );
    await server.prisma.accountsUser.create({ data: { email: TAKEN, displayName: 'First' } });
  });

  afterAll(async () => {
    await server.prisma.accountsUser.deleteMany({ where: { email: TAKEN } });
    await server.close();
  });

  it('answers a unique violation with 409 and the same message as a Prisma P2002', async () => {
    const [fast, prisma] = [await getJson(server, '/fast-path/unique/kysely'), await getJson(server, '/fast-path/unique/prisma')];

    expect(fast.status).toBe(409);
    expect(fast.body).toEqual(prisma.body);
    expect(fast.body).toMatchObject({ statusCode: 409, message: expect.stringMatching(/would duplicate/) });
    expect(await server.prisma.accountsUser.count({ where: { email: TAKEN } })).toBe(1);
  });

  it('ends a statement past DATABASE_STATEMENT_TIMEOUT_MS and answers 503, classified as a timeout like Prisma’s', async () => {
    const [fast, prisma] = [await getJson(server, '/fast-path/sleep/kysely'), await getJson(server, '/fast-path/sleep/prisma')];

    expect(fast).toMatchObject({ status: 503, retryAfter: '5', body: prisma.body });
    expect(fast.body).toMatchObject({ message: expect.stringMatching(/took too long/) });
    expect(logger.lines).toContainEqual({
      level: 'warn',
      text: `${fast.reference} GET /fast-path/sleep/kysely answered 503: database timeout (57014) Errors`,
    });
  });

  /** The backend running the sleep of /fast-path/terminated, once it runs (asked on another connection, Prisma's); a bounded poll. */
  async function sleepingBackend(): Promise<number | undefined> {
    for (let attempt = 0; attempt < 2000; attempt++) {
      const found = await server.prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%pg_sleep(5) AS ended_by_the_test%'`;
      if (found.length > 0) return found[0].pid;
    }
    return undefined;
  }

  it('answers 503 when the database ends the statement’s connection (pg_terminate_backend), and the next statement runs', async () => {
    const answer = getJson(server, '/fast-path/terminated');
    const pid = await sleepingBackend();
    if (pid === undefined) throw new Error('the sleep of /fast-path/terminated did not show in pg_stat_activity in 2000 looks');

    await server.prisma.$queryRaw`SELECT pg_terminate_backend(${pid})`;
    const ended = await answer;

    expect(ended).toMatchObject({ status: 503, body: { statusCode: 503, message: expect.stringMatching(/database/i) } });
    expect(logger.lines).toContainEqual({
      level: 'warn',
      text: expect.stringMatching(new RegExp(`^${ended.reference} GET /fast-path/terminated answered 503: database unavailable`)),
    });
    expect(await getJson(server, '/fast-path/after')).toMatchObject({ status: 200, body: {} });
    await expect(sql<{ one: number }>`SELECT 1 AS one`.execute(server.prisma.$kysely)).resolves.toEqual({ rows: [{ one: 1 }] });
  });
});

describe('the fast path ($kysely) uses Prisma’s pool and schema', () => {
  let moduleRef: TestingModule;
  let prisma: PrismaService;

  beforeAll(async () => {
    // One connection: whatever the fast path runs on, Prisma runs on too, or the pool is not the same.
    moduleRef = await withEnvironment({ DATABASE_POOL_SIZE: '1' }, () => createDatabaseTestingModule());
    prisma = moduleRef.get(PrismaService);
  });

  afterAll(() => moduleRef.close());

  it('runs on the connection Prisma uses, from PrismaService.pool, opening no other', async () => {
    const [{ pid: prismaPid }] = await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(prisma.$kysely);

    expect(rows).toEqual([{ pid: prismaPid }]);
    expect(prisma.pool.totalCount).toBe(1);
  });

  it('queries the configured worker schema (DATABASE_SCHEMA) through its search_path, not public', async () => {
    const schema = prisma.config.schema;
    expect(schema).not.toBe('public');
    const email = `schema-${randomUUID()}@example.test`;

    await prisma.$kysely
      .insertInto('AccountsUser')
      .values({ id: randomUUID(), email, displayName: 'Here', updatedAt: new Date() })
      .execute();
    const rowsIn = async (namespace: string) => {
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(`${namespace}.AccountsUser`)} WHERE email = ${email}`.execute(prisma.$kysely);
      return rows[0].n;
    };

    expect({ [schema]: await rowsIn(schema), public: await rowsIn('public') }).toEqual({ [schema]: 1, public: 0 });
    expect(await prisma.accountsUser.findUnique({ where: { email }, select: { displayName: true } })).toEqual({ displayName: 'Here' });
    await prisma.accountsUser.delete({ where: { email } });
  });
});

/** The test database's URL as the app takes it through PgBouncer; here it still reaches PostgreSQL, without startup parameters. */
function viaPgBouncer(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('pgbouncer', 'true');
  return url.toString();
}

describe('the fast path through PgBouncer (?pgbouncer=true)', () => {
  it('qualifies every table name with the schema, as no search_path reaches the server', async () => {
    const moduleRef = await withEnvironment({ DATABASE_URL: viaPgBouncer(process.env.DATABASE_URL ?? ''), DATABASE_SCHEMA: 'public' }, () =>
      createDatabaseTestingModule(),
    );
    try {
      const { $kysely } = moduleRef.get(PrismaService);

      const query = $kysely.selectFrom('AccountsUser').select('id').limit(1);

      expect(query.compile().sql).toBe('select "id" from "public"."AccountsUser" limit $1');
      await expect(query.execute()).resolves.toEqual(expect.any(Array));
    } finally {
      await moduleRef.close();
    }
  });
});
