import { UsageError } from './usage.error';

/** What `npm run jobs -- …` was asked to do. */
export type JobsCommand =
  { name: 'help' } | { name: 'status' } | { name: 'failed' } | { name: 'retry'; jobs: 'all' | string[] } | { name: 'migrate' };

export const JOBS_USAGE = `usage: npm run jobs -- <command>   (in a deployed tree: node dist/jobs.js <command>)

commands:
  status           jobs per task: pending (due now), scheduled (due later), running,
                   retrying (failed, attempts left), dead (attempts used up), and how long
                   the oldest due job has waited; says when the queue looks stuck
  failed           the dead-lettered jobs: id, task, attempts, last error, when created and failed
  retry <id>...    runs dead-lettered jobs again (attempts reset, due now)
  retry all        the same for every dead-lettered job
  migrate          creates or updates the queue schema (graphile-worker's migrations),
                   as MIGRATION_DATABASE_URL (else DATABASE_URL)

database: JOBS_DATABASE_URL, else DATABASE_URL, else the embedded PostgreSQL \`npm start\` runs;
queue schema: jobs, or <DATABASE_SCHEMA>_jobs when DATABASE_SCHEMA is not public (docs/operations.md, "Jobs and events")`;

/** Reads the arguments after `npm run jobs --`; throws {@link UsageError} for anything it does not know. */
export function parseJobsCommand(args: readonly string[]): JobsCommand {
  const [name, ...rest] = args;
  if (name === undefined) throw new UsageError('no command given');
  if (name === '--help' || name === '-h' || name === 'help') return { name: 'help' };
  switch (name) {
    case 'status':
    case 'failed':
    case 'migrate':
      if (rest.length > 0) throw new UsageError(`${name} takes no arguments, got "${rest.join(' ')}"`);
      return { name };
    case 'retry':
      return { name, jobs: retryTargets(rest) };
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}

function retryTargets(args: readonly string[]): 'all' | string[] {
  if (args.length === 0) throw new UsageError('retry needs a job id (as `failed` lists them) or all');
  if (args.includes('all')) {
    if (args.length > 1) throw new UsageError('retry all takes no job ids besides');
    return 'all';
  }
  const malformed = args.filter((arg) => !/^[1-9][0-9]{0,17}$/.test(arg));
  if (malformed.length > 0)
    throw new UsageError(`retry takes job ids (whole numbers, as \`failed\` lists them) or all, got "${malformed.join('", "')}"`);
  return [...new Set(args)];
}
