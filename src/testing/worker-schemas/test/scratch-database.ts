import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface ScratchDatabase {
  name: string;
  /** Owner role URL of the scratch database. */
  ownerUrl: string;
  /** A connected owner client; `options` go to the server, e.g. `-c search_path=test_2,public`. */
  connect(options?: string): Promise<Client>;
  /** Closes every client from `connect` and drops the database `WITH (FORCE)`. */
  drop(): Promise<void>;
}

function ownerUrlOfTestRun(): string {
  const url = process.env.MIGRATION_DATABASE_URL;
  if (!url) throw new Error('MIGRATION_DATABASE_URL is not set; run these tests through `npm test` (jest.globalSetup.ts sets it)');
  return url;
}

/**
 * A database of its own for tests that rebuild schemas or need an empty
 * `public`, created by the test run's owner role (it has CREATEDB) next to the
 * shared test database, so nothing a suite does there reaches `test_<k>`.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const adminUrl = ownerUrlOfTestRun();
  const name = `scratch_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  const clients: Client[] = [];

  return {
    name,
    ownerUrl,
    async connect(options?: string) {
      const client = new Client({ connectionString: ownerUrl, options });
      await client.connect();
      clients.push(client);
      return client;
    },
    async drop() {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await withClient(adminUrl, async (admin) => {
        // A session that another role (the runtime role of a test) closed a
        // moment ago may still be ending on the server, and FORCE may only end
        // the owner's own: wait for those to go (the limit only catches a leak).
        for (const deadline = Date.now() + 60_000; ;) {
          const { rows } = await admin.query<{ others: number }>(
            'SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = $1 AND usename <> current_user',
            [name],
          );
          if (rows[0].others === 0) break;
          if (Date.now() > deadline)
            throw new Error(`scratch database ${name} still has ${rows[0].others} sessions of other roles; a test left a connection open`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
