import { Client } from 'pg';
import { ConfigurationError } from '../../errors/configuration.error';
import { readJobsConfig } from '../jobs-config';
import { pgQueryRows, type JobsDatabase } from '../jobs-database';
import { checkJobsAtStartup } from '../jobs-startup-check';

// The app's startup check on the real test PostgreSQL: DATABASE_URL is this Jest worker's runtime URL,
// DATABASE_SCHEMA its test_<k> schema, whose queue schema test_<k>_jobs the test setup built.
const runtimeUrl = process.env.DATABASE_URL as string;
const schema = process.env.DATABASE_SCHEMA as string;
let client: Client;

/** What the runner gets from PrismaService (JOBS_DATABASE), its raw query on a pg client of the same URL. */
function appDatabase(): JobsDatabase {
  return {
    config: { url: runtimeUrl, schema },
    $queryRawUnsafe: (text: string, ...values: unknown[]) => pgQueryRows(client)(text, values),
  } as unknown as JobsDatabase;
}

const withJobsUrl = (url: string) => readJobsConfig({ DATABASE_URL: runtimeUrl, JOBS_DATABASE_URL: url });

beforeAll(async () => {
  client = new Client({ connectionString: runtimeUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

describe('the startup check of JOBS_DATABASE_URL', () => {
  it('refuses a JOBS_DATABASE_URL that reaches another database of the same server, naming both and the fix', async () => {
    const other = new URL(runtimeUrl);
    other.pathname = '/postgres';

    const check = checkJobsAtStartup(withJobsUrl(other.toString()), appDatabase());

    await expect(check).rejects.toThrow(ConfigurationError);
    await expect(check).rejects.toThrow(
      new RegExp(
        `^JOBS_DATABASE_URL \\(${other.hostname}:${other.port}/postgres\\) reaches another database than DATABASE_URL \\(${other.hostname}:${other.port}${new URL(runtimeUrl).pathname}\\): database postgres of the server at .+, not database ${new URL(runtimeUrl).pathname.slice(1)} of the server at .+; .+ Point JOBS_DATABASE_URL at the database of DATABASE_URL`,
      ),
    );
  });

  it('accepts a JOBS_DATABASE_URL written differently that reaches the same database', async () => {
    const same = new URL(runtimeUrl);
    same.searchParams.set('application_name', 'jobs-startup-check');

    await expect(checkJobsAtStartup(withJobsUrl(same.toString()), appDatabase())).resolves.toBeUndefined();
  });

  it('refuses a JOBS_DATABASE_URL it cannot connect with, saying it must reach the database of DATABASE_URL', async () => {
    const wrong = new URL(runtimeUrl);
    wrong.password = 'not-the-password';

    await expect(checkJobsAtStartup(withJobsUrl(wrong.toString()), appDatabase())).rejects.toThrow(
      /^cannot connect with JOBS_DATABASE_URL to .+ \(.+\), while DATABASE_URL reaches .+; JOBS_DATABASE_URL must reach the same database directly/,
    );
  });
});
