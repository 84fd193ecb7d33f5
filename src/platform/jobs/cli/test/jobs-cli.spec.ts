import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Logger, runOnce } from 'graphile-worker';
import { describeDatabase } from '../../../environment/database-url';
import { queueSchemaFor } from '../../queue-schema';
import { migrateJobQueue, openQueueRowSecurity, queueRuntimeGrants, REQUIRED_QUEUE_MIGRATION } from '../../queue-migrations';

// `npm run jobs` as an operator runs it: a child process (tsx, as the npm
// script), as the runtime role, against a queue schema of graphile-worker's own migrations, with
// jobs added by its add_job function and failed by its runner. The queue is
// this file's own (`test_<k>_cli_jobs`, from DATABASE_SCHEMA=test_<k>_cli),
// so the worker's queue schema is never touched.

const repoRoot = join(__dirname, '..', '..', '..', '..', '..');
// DATABASE_SCHEMA is this Jest worker's schema, test_<k> (src/testing/jest/worker-environment.ts).
const appSchema = `${process.env.DATABASE_SCHEMA}_cli`;
const queue = queueSchemaFor(appSchema);
const ownerUrl = process.env.MIGRATION_DATABASE_URL as string;
const runtimeUrl = process.env.DATABASE_URL as string;
const silent = new Logger(() => () => undefined);
let owner: Client;

interface Run {
  code: number | null;
  stdout: string;
  /** stdout and stderr as they arrived. */
  output: string;
}

/** The CLI as the npm script runs it (tsx), with the test's database settings and no JOBS_DATABASE_URL unless `env` sets it. */
function jobs(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_SCHEMA: appSchema };
  delete env.JOBS_DATABASE_URL;
  Object.assign(env, options.env);
  const cli = [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'src', 'jobs-cli.ts')];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      output.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), output: Buffer.concat(output).toString('utf8') }),
    );
  });
}

async function addJob(task: string, spec: { runAt?: string; maxAttempts?: number } = {}): Promise<string> {
  const { rows } = await owner.query<{ id: string }>(
    `SELECT id::text FROM ${queue}.add_job($1, '{}'::json, run_at := now() + $2::interval, max_attempts := $3)`,
    [task, spec.runAt ?? '0 s', spec.maxAttempts ?? 10],
  );
  return rows[0].id;
}

/**
 * Dead-letters the due jobs of `task`, added with maxAttempts 1: graphile-worker's own runner runs each
 * once, the handler throwing `message`. (Only with one attempt: a job with attempts left is due again
 * after e seconds, and the runner would take it a second time if its loop outlasted that.)
 */
async function deadLetter(task: string, message: string): Promise<void> {
  await runOnce({
    connectionString: ownerUrl,
    schema: queue,
    logger: silent,
    noHandleSignals: true,
    taskList: {
      [task]: () => {
        throw new Error(message);
      },
    },
  });
}

/**
 * A job in the state its first failure leaves: 1 of `maxAttempts` attempts used, due again later. Set with
 * graphile-worker's reschedule_jobs rather than by failing it, so that no runner can take it twice.
 */
async function retryingJob(task: string, maxAttempts = 3): Promise<string> {
  const id = await addJob(task, { maxAttempts });
  await owner.query(`SELECT ${queue}.reschedule_jobs(ARRAY[$1::bigint], run_at := now() + interval '1 hour', attempts := 1)`, [id]);
  return id;
}

interface JobState {
  attempts: number;
  due: boolean;
  runAt: Date;
  lastError: string | null;
}

async function job(id: string): Promise<JobState> {
  const { rows } = await owner.query<JobState>(
    `SELECT attempts, run_at <= now() AS due, run_at AS "runAt", last_error AS "lastError" FROM ${queue}.jobs WHERE id = $1`,
    [id],
  );
  return rows[0];
}

beforeAll(async () => {
  owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query(`DROP SCHEMA IF EXISTS ${queue} CASCADE`);
  // graphile-worker's runMigrations, then its tables' rows let through to grants, as `npm run jobs -- migrate` does.
  await migrateJobQueue(ownerUrl, queue);
  // What the embedded cluster's default privileges grant; spelled out for a configured test database.
  await owner.query(queueRuntimeGrants(queue, decodeURIComponent(new URL(runtimeUrl).username)));
});

beforeEach(async () => {
  await owner.query(`DELETE FROM ${queue}._private_jobs`);
});

afterAll(async () => {
  await owner.query(`DROP SCHEMA IF EXISTS ${queue} CASCADE`);
  await owner.end();
});

describe('npm run jobs -- status', () => {
  it('counts the jobs of each task as pending, scheduled, running, retrying and dead, and points at the dead letters', async () => {
    await addJob('job:fixture.pending');
    await addJob('job:fixture.pending');
    await addJob('job:fixture.pending', { runAt: '1 hour' });
    await retryingJob('event:fixture.Listener.retrying');
    await addJob('event:fixture.Listener.dead', { maxAttempts: 1 });
    await deadLetter('event:fixture.Listener.dead', 'boom');
    const running = await addJob('schedule:fixture.running');
    // What graphile-worker's get_jobs does when a worker takes a job.
    await owner.query(`UPDATE ${queue}._private_jobs SET locked_at = now(), locked_by = 'test-pool', attempts = 1 WHERE id = $1`, [
      running,
    ]);

    const { code, stdout } = await jobs(['status']);

    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^job queue ${queue} in \\S+ \\(DATABASE_URL\\)$`));
    expect(lines[1].split(/\s+/)).toEqual(['task', 'pending', 'scheduled', 'running', 'retrying', 'dead', 'oldest', 'due']);
    const row = (task: string) => lines.find((line) => line.startsWith(`${task} `))?.split(/\s+/);
    //                                                         pending scheduled running retrying dead
    expect(row('event:fixture.Listener.dead')).toEqual(['event:fixture.Listener.dead', '0', '0', '0', '0', '1', '-']);
    expect(row('event:fixture.Listener.retrying')).toEqual(['event:fixture.Listener.retrying', '0', '0', '0', '1', '0', '-']);
    expect(row('job:fixture.pending')?.slice(0, 6)).toEqual(['job:fixture.pending', '2', '1', '0', '0', '0']);
    expect(row('job:fixture.pending')?.slice(6)).toEqual([expect.stringMatching(/^\d+$/), 's']);
    expect(row('schedule:fixture.running')).toEqual(['schedule:fixture.running', '0', '0', '1', '0', '0', '-']);
    expect(row('total')?.slice(0, 6)).toEqual(['total', '2', '1', '1', '1', '1']);
    expect(stdout).toContain('1 dead-lettered job: `npm run jobs -- failed` shows the errors');
    expect(stdout).not.toContain('stuck');
  });

  it('says the queue is stuck when a job has been due for ten minutes and no job is running, and still exits 0', async () => {
    await addJob('job:fixture.waiting', { runAt: '-10 minutes' });

    const { code, stdout } = await jobs(['status']);

    expect(code).toBe(0);
    expect(stdout).toContain(
      'stuck: 1 due job, the oldest waiting 10 min, and no job is running, so no worker is taking jobs from this queue',
    );
    expect(stdout).toContain('JOBS_CONCURRENCY above 0');
  });

  it('refuses a queue schema that was never migrated, naming it, the database and the command that creates it', async () => {
    const { code, output } = await jobs(['status'], { env: { DATABASE_SCHEMA: `${appSchema}_none` } });

    expect(code).toBe(1);
    expect(output).toMatch(
      new RegExp(
        `jobs: the job queue schema ${queue.replace('_jobs', '_none_jobs')} is missing in \\S+; run the migrations: .* \`npm run jobs -- migrate\` with MIGRATION_DATABASE_URL set`,
      ),
    );
  });
});

describe('npm run jobs and a queue schema newer than this graphile-worker', () => {
  const newer = REQUIRED_QUEUE_MIGRATION + 1;

  afterEach(async () => {
    await owner.query(`DELETE FROM ${queue}.migrations WHERE id > $1`, [REQUIRED_QUEUE_MIGRATION]);
  });

  it('goes on with a warning when the newer migrations are not breaking, as graphile-worker itself does', async () => {
    await owner.query(`INSERT INTO ${queue}.migrations (id, breaking) VALUES ($1, false)`, [newer]);

    const { code, output } = await jobs(['status']);

    expect(code).toBe(0);
    expect(output).toContain(
      `warning: the job queue schema ${queue} in ${describeDatabase(runtimeUrl)} is at migration ${newer}, newer than graphile-worker@0.17.3 knows (${REQUIRED_QUEUE_MIGRATION}); the newer migrations are not breaking`,
    );
    expect(output).toContain('no jobs waiting, running or failed');
  });

  it('refuses a schema past a breaking migration it does not know, saying to run the release that migrated it', async () => {
    await owner.query(`INSERT INTO ${queue}.migrations (id, breaking) VALUES ($1, true)`, [newer]);

    const { code, output } = await jobs(['status']);

    expect(code).toBe(1);
    expect(output).toContain(
      `jobs: the job queue schema ${queue} in ${describeDatabase(runtimeUrl)} is at migration ${newer}, past breaking migration ${newer}, but graphile-worker@0.17.3 knows migrations up to ${REQUIRED_QUEUE_MIGRATION} only`,
    );
    expect(output).toContain('a newer release migrated it; run that release');
  });
});

describe('npm run jobs with JOBS_DATABASE_URL set', () => {
  it('refuses a JOBS_DATABASE_URL that reaches another database than DATABASE_URL, naming both without the password and the fix', async () => {
    const other = new URL(runtimeUrl);
    other.pathname = '/postgres';

    const { code, output } = await jobs(['status'], { env: { JOBS_DATABASE_URL: other.toString() } });

    expect(code).toBe(1);
    expect(output).toContain(
      `jobs: JOBS_DATABASE_URL (${describeDatabase(other.toString())}) reaches another database than DATABASE_URL (${describeDatabase(runtimeUrl)}): database postgres of the server at `,
    );
    expect(output).toContain(`, not database ${new URL(runtimeUrl).pathname.slice(1)} of the server at `);
    expect(output).toContain('Point JOBS_DATABASE_URL at the database of DATABASE_URL, on PostgreSQL itself (not PgBouncer)');
    const password = decodeURIComponent(new URL(runtimeUrl).password);
    if (password) expect(output).not.toContain(password);
  });

  it('accepts a JOBS_DATABASE_URL written differently that reaches the same database', async () => {
    const same = new URL(runtimeUrl);
    same.searchParams.set('application_name', 'jobs-cli-spec');

    const { code, output } = await jobs(['status'], { env: { JOBS_DATABASE_URL: same.toString() } });

    expect(output).toMatch(new RegExp(`^job queue ${queue} in \\S+ \\(JOBS_DATABASE_URL\\)\n`));
    expect(code).toBe(0);
  });
});

describe('npm run jobs -- failed', () => {
  it('lists each dead-lettered job with its id, task, attempts and the first line of its last error, and no other job', async () => {
    const dead = await addJob('event:fixture.Listener.dead', { maxAttempts: 1 });
    await addJob('job:fixture.pending');
    await deadLetter('event:fixture.Listener.dead', 'the mail server said no\n    at send (mailer.ts:12)');

    const { code, stdout } = await jobs(['failed']);

    expect(code).toBe(0);
    expect(stdout).toContain('1 dead-lettered job (attempts used up; never run again unless retried):');
    expect(stdout).toMatch(new RegExp(`^job ${dead}  event:fixture\\.Listener\\.dead  1/1 attempts  created \\S+Z  failed \\S+Z$`, 'm'));
    expect(stdout).toContain('  last error: the mail server said no\n');
    expect(stdout).not.toContain('mailer.ts');
    expect(stdout).not.toContain('job:fixture.pending');
  });
});

describe('npm run jobs -- retry', () => {
  async function deadJob(task: string, error: string): Promise<string> {
    const id = await addJob(task, { maxAttempts: 1 });
    await deadLetter(task, error);
    return id;
  }

  it('makes one dead-lettered job due again with its attempts reset, and leaves the other dead letters alone', async () => {
    const retried = await deadJob('event:fixture.Listener.a', 'a failed');
    const untouched = await deadJob('event:fixture.Listener.b', 'b failed');

    const { code, stdout } = await jobs(['retry', retried]);

    expect(code).toBe(0);
    expect(stdout).toContain(`1 job due again with attempts reset: ${retried} (event:fixture.Listener.a)`);
    expect(await job(retried)).toMatchObject({ attempts: 0, due: true, lastError: 'a failed' });
    expect(await job(untouched)).toMatchObject({ attempts: 1, lastError: 'b failed' });
  });

  it('retries every dead-lettered job with `all`', async () => {
    const first = await deadJob('event:fixture.Listener.a', 'a failed');
    const second = await deadJob('job:fixture.b', 'b failed');

    const { code, stdout } = await jobs(['retry', 'all']);

    expect(code).toBe(0);
    expect(stdout).toContain('2 jobs due again with attempts reset');
    expect(await job(first)).toMatchObject({ attempts: 0, due: true });
    expect(await job(second)).toMatchObject({ attempts: 0, due: true });
  });

  it('refuses an unknown id and a job that is not dead-lettered with exit code 1, saying why for each, and changes nothing', async () => {
    const dead = await deadJob('event:fixture.Listener.a', 'a failed');
    const retrying = await retryingJob('job:fixture.retrying', 5);
    const unknown = String(Number(retrying) + 1000);
    const before = { dead: await job(dead), retrying: await job(retrying) };

    const { code, output } = await jobs(['retry', dead, unknown, retrying]);

    expect(code).toBe(1);
    expect(output).toContain(`jobs: cannot retry: job ${unknown} is not in the job queue ${queue} of `);
    expect(output).toContain(`job ${retrying} (job:fixture.retrying) is not dead-lettered: it has used 1 of 5 attempts`);
    expect(output).toContain('Nothing was changed');
    expect(await job(dead)).toMatchObject({ attempts: 1, runAt: before.dead.runAt, lastError: 'a failed' });
    expect(await job(retrying)).toMatchObject({ attempts: 1, runAt: before.retrying.runAt });
  });
});

describe('npm run jobs -- retry on a queue migrated by graphile-worker alone', () => {
  afterEach(async () => {
    await openQueueRowSecurity(owner, queue);
  });

  it('says the rows are hidden from the role and how to fix it, and changes nothing', async () => {
    const dead = await addJob('event:fixture.Listener.a', { maxAttempts: 1 });
    await deadLetter('event:fixture.Listener.a', 'a failed');
    // As graphile-worker's runMigrations alone leaves it.
    await owner.query(`DROP POLICY platform_runtime_access ON ${queue}._private_jobs`);

    const { code, output } = await jobs(['retry', dead]);

    expect(code).toBe(1);
    expect(output).toContain(`jobs: cannot retry: row level security hides the rows of the job queue ${queue} in `);
    expect(output).toContain('run `npm run jobs -- migrate` once as the owner');
    expect(await job(dead)).toMatchObject({ attempts: 1, lastError: 'a failed' });
  });
});

describe('npm run jobs -- migrate', () => {
  it('creates a missing queue schema with graphile-worker’s migrations, then finds nothing to do', async () => {
    const fresh = `${appSchema}_new`;
    const freshQueue = queueSchemaFor(fresh);
    try {
      const first = await jobs(['migrate'], { env: { DATABASE_SCHEMA: fresh } });
      const second = await jobs(['migrate'], { env: { DATABASE_SCHEMA: fresh } });

      expect(first.output).toMatch(
        new RegExp(`^job queue ${freshQueue} in \\S+ \\(MIGRATION_DATABASE_URL\\)\ncreated the schema at graphile-worker migration \\d+\n`),
      );
      expect(first.output).toContain(
        "let the rows of _private_job_queues, _private_jobs, _private_known_crontabs, _private_tasks through graphile-worker's row level security",
      );
      expect(first.code).toBe(0);
      expect(second.output).toMatch(/\nalready at graphile-worker migration \d+: nothing to do\n$/);
      expect(second.code).toBe(0);
      const { rows } = await owner.query<{ created: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS created`, [`${freshQueue}.jobs`]);
      expect(rows[0].created).toBe(true);
    } finally {
      await owner.query(`DROP SCHEMA IF EXISTS ${freshQueue} CASCADE`);
    }
  });
  it('as the runtime role, says it may not create the schema and to migrate as the owner, and creates nothing', async () => {
    const fresh = `${appSchema}_denied`;

    const { code, output } = await jobs(['migrate'], { env: { DATABASE_SCHEMA: fresh, MIGRATION_DATABASE_URL: '' } });

    expect(code).toBe(1);
    expect(output).toContain(`jobs: the role of DATABASE_URL may not create or change the job queue schema ${queueSchemaFor(fresh)} in `);
    expect(output).toContain('run migrate as the owner role');
    const { rows } = await owner.query<{ present: boolean }>(`SELECT to_regnamespace($1) IS NOT NULL AS present`, [queueSchemaFor(fresh)]);
    expect(rows[0].present).toBe(false);
  });
});

describe('npm run jobs without a database URL', () => {
  const folders: string[] = [];
  const noUrls = { DATABASE_URL: '', MIGRATION_DATABASE_URL: '' };

  /** A project folder to run the command in: the repository's node_modules (the PostgreSQL binaries are found from there), no .data yet. */
  function projectFolder(): string {
    const folder = mkdtempSync(join(tmpdir(), 'jobs-cli-'));
    folders.push(folder);
    // Readable by the postgres user pg_ctl runs as when the tests run as root.
    chmodSync(folder, 0o755);
    symlinkSync(join(repoRoot, 'node_modules'), join(folder, 'node_modules'));
    mkdirSync(join(folder, '.data'));
    return folder;
  }

  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('says there is no embedded PostgreSQL yet and that `npm start` creates it', async () => {
    const { code, output } = await jobs(['status'], { cwd: projectFolder(), env: noUrls });

    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'jobs: JOBS_DATABASE_URL and DATABASE_URL are unset and there is no embedded PostgreSQL in .data/dev yet; `npm start` creates and migrates it, or set JOBS_DATABASE_URL to your database',
    );
  });

  it('says the embedded PostgreSQL is not running and that `npm start` starts it, without starting it', async () => {
    const folder = projectFolder();
    const root = join(folder, '.data', 'dev');
    mkdirSync(join(root, 'postgres'), { recursive: true, mode: 0o755 });
    writeFileSync(join(root, 'postgres', 'PG_VERSION'), '15\n');
    const role = { name: 'nobody', password: 'unused' };
    writeFileSync(
      join(root, 'cluster.json'),
      JSON.stringify({ port: 1, database: 'app', superuser: role, owner: role, runtime: role, ready: true }),
    );

    const { code, output } = await jobs(['migrate'], { cwd: folder, env: noUrls });

    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'jobs: MIGRATION_DATABASE_URL and DATABASE_URL are unset and the embedded PostgreSQL in .data/dev is not running; start the app with `npm start` (in another terminal), or set MIGRATION_DATABASE_URL to your database',
    );
    expect(existsSync(join(root, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('uses the embedded PostgreSQL that runs in .data/dev and names it', async () => {
    const folder = projectFolder();
    // The test cluster stands in for the development one `npm start` runs.
    symlinkSync(join(repoRoot, '.data', 'test'), join(folder, '.data', 'dev'));

    const { output } = await jobs(['status'], { cwd: folder, env: noUrls });

    expect(output).toMatch(
      new RegExp(
        `^job queue ${queue} in 127\\.0\\.0\\.1:\\d+/\\w+ \\(the embedded PostgreSQL in \\.data/dev, as \\w+: JOBS_DATABASE_URL and DATABASE_URL unset\\)\n`,
      ),
    );
  });
});

describe('npm run jobs usage', () => {
  it('prints the usage and exits with 2 for an unknown command and for retry without a job', async () => {
    const unknown = await jobs(['stats']);
    const bare = await jobs(['retry']);

    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('jobs: unknown command "stats"\n\nusage: npm run jobs -- <command>');
    expect(bare.code).toBe(2);
    expect(bare.output).toContain('jobs: retry needs a job id (as `failed` lists them) or all\n\nusage:');
  });
});
