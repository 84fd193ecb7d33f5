/**
 * `npm run jobs -- <command>` (in a deployed tree `node dist/jobs.js
 * <command>`): the operator's view of the job queue, and its migration. The
 * commands live in src/platform/jobs/cli/; this entry point picks the
 * database as the app would (JOBS_DATABASE_URL, DATABASE_URL, else the
 * embedded PostgreSQL `npm start` runs), which takes the database layers, so
 * it sits beside main.ts. Exit codes: 0 done, 1 could not (the message says
 * why), 2 a command line it does not understand.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { APP_CLUSTER_ROOT } from './database/embedded/app-cluster-root';
import { runningEmbeddedCluster } from './database/embedded/embedded-cluster';
import { configuredDatabaseUrl } from './database/migration/cli-placeholder-url';
import { resolveDatabaseSchema } from './database/runtime/database-config';
import { describeDatabase } from './platform/environment/database-url';
import { ConfigurationError } from './platform/errors/configuration.error';
import { JobsCommand, JOBS_USAGE, parseJobsCommand } from './platform/jobs/cli/jobs-command-line';
import { JobsCommandError } from './platform/jobs/cli/jobs-command.error';
import { JobsTarget, runJobsCommand } from './platform/jobs/cli/jobs-command';
import { jobsDatabaseUrl } from './platform/jobs/jobs-config';
import { UsageError } from './platform/jobs/cli/usage.error';
import { queueSchemaFor } from './platform/jobs/queue-schema';

type RunnableCommand = Exclude<JobsCommand, { name: 'help' }>;

/** The connection for `command`: the configured one, else the running embedded cluster's. */
function resolveTarget(command: RunnableCommand, env: NodeJS.ProcessEnv): JobsTarget {
  const migrating = command.name === 'migrate';
  const configured = migrating ? configuredUrl(configuredDatabaseUrl(env), env) : jobsDatabaseUrl(env);
  const schema = queueSchemaFor(resolveDatabaseSchema(env, configured?.url ?? ''));
  const runtimeUrl = env.JOBS_DATABASE_URL || env.DATABASE_URL;
  if (configured) {
    return {
      url: configured.url,
      schema,
      where: describeDatabase(configured.url),
      source: configured.variable,
      runtimeRole: migrating && runtimeUrl ? roleOf(runtimeUrl) : undefined,
      appUrl: !migrating && configured.variable === 'JOBS_DATABASE_URL' && env.DATABASE_URL ? env.DATABASE_URL : undefined,
    };
  }
  const folder = relative(process.cwd(), APP_CLUSTER_ROOT) || APP_CLUSTER_ROOT;
  const unset = migrating ? 'MIGRATION_DATABASE_URL and DATABASE_URL are' : 'JOBS_DATABASE_URL and DATABASE_URL are';
  const cluster = runningEmbeddedCluster(APP_CLUSTER_ROOT);
  if (cluster === 'never-created') {
    throw new ConfigurationError(
      `${unset} unset and there is no embedded PostgreSQL in ${folder} yet; \`npm start\` creates and migrates it, or set ${migrating ? 'MIGRATION_DATABASE_URL' : 'JOBS_DATABASE_URL'} to your database`,
    );
  }
  if (cluster === 'stopped') {
    throw new ConfigurationError(
      `${unset} unset and the embedded PostgreSQL in ${folder} is not running; start the app with \`npm start\` (in another terminal), or set ${migrating ? 'MIGRATION_DATABASE_URL' : 'JOBS_DATABASE_URL'} to your database`,
    );
  }
  const url = migrating ? cluster.ownerUrl : cluster.runtimeUrl;
  return {
    url,
    schema,
    where: describeDatabase(url),
    source: `the embedded PostgreSQL in ${folder}, as ${roleOf(url)}: ${unset.replace(/ are$/, '')} unset`,
    runtimeRole: migrating ? cluster.state.runtime.name : undefined,
  };
}

function configuredUrl(url: string | undefined, env: NodeJS.ProcessEnv): { url: string; variable: string } | undefined {
  return url ? { url, variable: env.MIGRATION_DATABASE_URL ? 'MIGRATION_DATABASE_URL' : 'DATABASE_URL' } : undefined;
}

function roleOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).username) || undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let command: JobsCommand;
  try {
    command = parseJobsCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`jobs: ${error.message}\n\n${JOBS_USAGE}`);
    return 2;
  }
  if (command.name === 'help') {
    console.log(JOBS_USAGE);
    return 0;
  }
  try {
    await runJobsCommand(command, resolveTarget(command, process.env), (line) => console.log(line));
    return 0;
  } catch (error) {
    if (!(error instanceof JobsCommandError || error instanceof ConfigurationError)) throw error;
    console.error(`jobs: ${error.message}`);
    return 1;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`jobs: ${error.stack ?? error.message}`);
    process.exitCode = 1;
  },
);
