import { Controller, Get, Module, Param } from '@nestjs/common';
import { Client } from 'pg';
import { PrismaService } from '../../database/runtime/prisma.service';
import { withEnvironment } from '../../testing/environment/with-environment';
import { CapturedLogger } from '../../testing/logging/captured-logger';
import { startTcpProxy, TcpProxy } from '../../testing/network/tcp-proxy';
import { startTestServer, TestServer } from '../../testing/start-test-server';
import { createWorkerSchemaFixture, WorkerSchemaFixture } from '../../testing/worker-schema-fixture';

/**
 * Routes that make the real PostgreSQL fail in each way the error filter
 * maps, through the app's own PrismaService (adapter-pg): what a component's
 * query would meet. The fixture tables live in this worker's schema.
 */
@Controller('db-failure')
class DatabaseFailureController {
  constructor(private readonly prisma: PrismaService) {}

  @Get('read')
  async read(): Promise<string> {
    await this.prisma.$queryRaw`SELECT 1`;
    return 'read';
  }

  @Get('unique')
  async unique(): Promise<string> {
    await this.prisma.$executeRawUnsafe(`INSERT INTO failure_parent (id, code) VALUES (2, 'taken')`);
    return 'inserted';
  }

  @Get('foreign-key')
  async foreignKey(): Promise<string> {
    await this.prisma.$executeRawUnsafe(`INSERT INTO failure_child (id, parent_id) VALUES (1, 999)`);
    return 'inserted';
  }

  @Get('too-long')
  async tooLong(): Promise<string> {
    await this.prisma.$executeRawUnsafe(`INSERT INTO failure_parent (id, code) VALUES (3, 'far-too-long-for-the-column')`);
    return 'inserted';
  }

  @Get('missing-value')
  async missingValue(): Promise<string> {
    await this.prisma.$executeRawUnsafe(`INSERT INTO failure_parent (id, code) VALUES (4, NULL)`);
    return 'inserted';
  }

  /** Two serializable transactions that each read what the other writes: PostgreSQL aborts one (40001). */
  @Get('write-conflict')
  async writeConflict(): Promise<string> {
    let bothRead!: () => void;
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    let reads = 0;
    const transfer = (from: number, to: number) =>
      this.prisma.$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe(`SELECT sum(balance)::int FROM failure_account WHERE id = ${from}`);
          if (++reads === 2) bothRead();
          await barrier;
          await tx.$executeRawUnsafe(`UPDATE failure_account SET balance = balance + 1 WHERE id = ${to}`);
        },
        { isolationLevel: 'Serializable' },
      );
    await Promise.all([transfer(1, 2), transfer(2, 1)]);
    return 'both committed';
  }

  @Get('slow/:marker')
  async slow(@Param('marker') marker: string): Promise<string> {
    // The marker lets the test find this statement's backend in pg_stat_activity.
    await this.prisma.$queryRawUnsafe(`SELECT pg_sleep(3), '${marker.replace(/\W/g, '')}' AS marker`);
    return 'slept';
  }

  @Get('slow-transaction/:marker')
  async slowTransaction(@Param('marker') marker: string): Promise<string> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE failure_account SET balance = balance WHERE id = 1`);
      await tx.$queryRawUnsafe(`SELECT pg_sleep(3), '${marker.replace(/\W/g, '')}' AS marker`);
    });
    return 'slept';
  }

  @Get('statement-timeout')
  async statementTimeout(): Promise<string> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = 50`);
      await tx.$queryRawUnsafe(`SELECT pg_sleep(1)`);
    });
    return 'slept';
  }
}

@Module({ controllers: [DatabaseFailureController] })
class DatabaseFailureModule {}

const FIXTURE = {
  create: `
    CREATE TABLE failure_parent (id int PRIMARY KEY, code varchar(10) NOT NULL UNIQUE);
    CREATE TABLE failure_child (id int PRIMARY KEY, parent_id int REFERENCES failure_parent (id));
    CREATE TABLE failure_account (id int PRIMARY KEY, balance int NOT NULL);
    INSERT INTO failure_parent VALUES (1, 'taken');
    INSERT INTO failure_account VALUES (1, 10), (2, 10);`,
  drop: 'DROP TABLE IF EXISTS failure_child; DROP TABLE IF EXISTS failure_parent; DROP TABLE IF EXISTS failure_account;',
};

/** What must never reach a browser: Prisma's or PostgreSQL's own words, SQL, or our table names. */
const INTERNALS =
  /invocation|Raw query failed|violates|SELECT|INSERT|failure_(parent|child|account)|pg_sleep|ECONNREFUSED|DriverAdapterError|\bat \S+\.ts/;

async function getPage(server: TestServer, path: string, accept = 'text/html') {
  const response = await fetch(server.baseUrl + path, { headers: { accept } });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/**
 * Ends, with pg_terminate_backend, the session running a statement that
 * contains `marker`, as an operator or a server restart would; waits for it
 * to start. The runtime role may signal its own other sessions.
 * @returns how many sessions were ended
 */
async function terminateBackendRunning(marker: string): Promise<number> {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    // Until the statement shows up, however long a busy machine takes to send
    // it; the limit only stops a test whose statement never comes.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()`,
        [marker],
      );
      if (rowCount) return rowCount;
    }
    return 0;
  } finally {
    await admin.end();
  }
}

const databaseUrlWith = (change: (url: URL) => void) => {
  const url = new URL(process.env.DATABASE_URL ?? '');
  change(url);
  return url.toString();
};

describe('database failures, against the real PostgreSQL', () => {
  let fixture: WorkerSchemaFixture;
  let server: TestServer;
  let logger: CapturedLogger;

  beforeAll(async () => {
    fixture = await createWorkerSchemaFixture(FIXTURE);
    logger = new CapturedLogger();
    server = await startTestServer({ imports: [DatabaseFailureModule] }, { logger });
  });

  afterAll(async () => {
    await server.close();
    await fixture.drop();
  });

  it.each([
    ['/db-failure/unique', 409, 'That conflicts with existing data', /would duplicate/],
    ['/db-failure/foreign-key', 409, 'That conflicts with existing data', /refers to something that does not exist/],
    ['/db-failure/too-long', 400, 'That request could not be understood', /too long or missing/],
    ['/db-failure/missing-value', 400, 'That request could not be understood', /too long or missing/],
  ])('answers %s with %i and a readable page, no database text', async (path, status, heading, message) => {
    const page = await getPage(server, path);

    expect(page.status).toBe(status);
    expect(page.body).toContain(`<h1 id="error-heading">${heading}</h1>`);
    expect(page.body).toMatch(message);
    expect(page.body).not.toMatch(INTERNALS);
  });

  it('answers a serialization failure between two transactions with 409 and asks to try again', async () => {
    const page = await getPage(server, '/db-failure/write-conflict', 'application/json');

    expect(page.status).toBe(409);
    expect(JSON.parse(page.body)).toMatchObject({ statusCode: 409, message: expect.stringMatching(/try again/) });
    expect(page.body).not.toMatch(INTERNALS);
  });

  it('gives the connection of a transaction whose COMMIT failed back to the pool, so conflicts never exhaust it', async () => {
    // Prisma 6.19 over adapter-pg kept each such connection (vendor patch prisma-adapter-failed-transaction-end):
    // the request after the pool size's worth of conflicts waited for the pool, then failed.
    const statuses: number[] = [];
    for (let round = 0; round <= server.prisma.config.poolSize; round += 1) {
      statuses.push((await getPage(server, '/db-failure/write-conflict', 'application/json')).status);
    }

    expect(new Set(statuses)).toEqual(new Set([409]));
    expect((await getPage(server, '/db-failure/read')).status).toBe(200);
  });

  it('answers a statement cut by the statement timeout (57014) with 503 and Retry-After', async () => {
    const page = await getPage(server, '/db-failure/statement-timeout');

    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(page.body).toMatch(/took too long/);
    expect(page.body).not.toMatch(INTERNALS);
  });

  it('answers a query whose connection the server terminated (57P01) with 503, and the next request works again', async () => {
    const pending = getPage(server, '/db-failure/slow/terminateme');
    expect(await terminateBackendRunning('terminateme')).toBe(1);
    const page = await pending;

    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect((await getPage(server, '/db-failure/read')).status).toBe(200);
  });

  it('gives back the connection of a transaction whose session the server ended, so terminations never exhaust the pool', async () => {
    // Prisma 6.19 released it only after a successful ROLLBACK, which a dead session cannot run (vendor patch prisma-adapter-failed-transaction-end).
    // The same logger: Nest's logger is process-wide, and `logger: false` would silence the other tests' app.
    const small = await withEnvironment({ DATABASE_POOL_SIZE: '2' }, () =>
      startTestServer({ imports: [DatabaseFailureModule] }, { logger }),
    );
    try {
      for (let round = 0; round < 3; round += 1) {
        const marker = `txterminate${round}`;
        const pending = getPage(small, `/db-failure/slow-transaction/${marker}`);
        expect(await terminateBackendRunning(marker)).toBe(1);
        expect((await pending).status).toBe(503);
      }

      expect((await getPage(small, '/db-failure/read')).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('logs an unavailable database as one warning under the request id that the page shows', async () => {
    const page = await getPage(server, '/db-failure/statement-timeout');
    const id = page.headers.get('x-request-id') ?? '';

    expect(id).toMatch(/^[\w-]{12}$/);
    expect(page.body).toContain(`<code>${id}</code>`);
    expect(logger.lines).toContainEqual({
      level: 'warn',
      text: `${id} GET /db-failure/statement-timeout answered 503: database timeout (57014) Errors`,
    });
  });

  it('answers JSON with the reference for a client that asks for JSON', async () => {
    const page = await getPage(server, '/db-failure/statement-timeout', 'application/json');

    expect(JSON.parse(page.body)).toEqual({
      statusCode: 503,
      error: 'Temporarily unavailable',
      message: expect.stringMatching(/took too long/),
      reference: page.headers.get('x-request-id'),
    });
  });

  it('opens its sessions with the statement and idle-in-transaction timeouts of the settings', async () => {
    const [timeouts] = await server.prisma.$queryRaw<{ statement: string; idle: string }[]>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;

    expect(timeouts).toEqual({ statement: '10s', idle: '15s' });
  });

  describe('when the database goes away under a running app', () => {
    let proxy: TcpProxy;
    let behindProxy: TestServer;

    beforeAll(async () => {
      const target = new URL(process.env.DATABASE_URL ?? '');
      proxy = await startTcpProxy(target.hostname, Number(target.port));
      // The production default connect timeout (5 s), not a short one: a short
      // one made a busy machine's ordinary connections fail at startup.
      behindProxy = await withEnvironment({ DATABASE_URL: databaseUrlWith((url) => (url.port = String(proxy.port))) }, () =>
        startTestServer({ imports: [DatabaseFailureModule] }),
      );
    });

    afterAll(async () => {
      await proxy.setMode('forward');
      await behindProxy.close();
      await proxy.close();
    });

    it('answers 503 with Retry-After while connections are refused, then 200 again without a restart', async () => {
      expect((await getPage(behindProxy, '/db-failure/read')).status).toBe(200);

      await proxy.setMode('refuse');
      const down = await getPage(behindProxy, '/db-failure/read');
      const ready = await getPage(behindProxy, '/health/ready');
      const live = await getPage(behindProxy, '/health/live');
      await proxy.setMode('forward');
      const back = await getPage(behindProxy, '/db-failure/read');

      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect(down.body).toMatch(/cannot reach its database right now/);
      expect(down.body).not.toMatch(INTERNALS);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toMatchObject({ error: { database: { status: 'down' } } });
      expect(live.status).toBe(200);
      expect(back.status).toBe(200);
    });

    it('answers 503 once the connect timeout has passed when the database accepts connections but never answers', async () => {
      await proxy.setMode('silent');
      // The first request may meet a pooled connection the switch just cut; the next one must connect anew.
      await getPage(behindProxy, '/db-failure/read');
      const started = Date.now();
      const page = await getPage(behindProxy, '/db-failure/read');
      const elapsed = Date.now() - started;
      await proxy.setMode('forward');

      // It gave up after the connect timeout (DATABASE_CONNECT_TIMEOUT_MS,
      // 5000 by default), not before; that it gave up at all, rather than
      // hang, is the 503 arriving before the test's own timeout.
      expect(page.status).toBe(503);
      expect(elapsed).toBeGreaterThanOrEqual(4900);
      expect((await getPage(behindProxy, '/db-failure/read')).status).toBe(200);
    });
  });
});
