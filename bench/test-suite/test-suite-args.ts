import { UsageError } from '../errors/usage.error';

export interface TestSuiteCommand {
  /** JEST_WORKERS for the run. */
  workers: number;
  /** How many of the slowest files to list. */
  top: number;
  /** Summarise this `jest --json` output instead of running Jest. */
  from?: string;
  /** Test files or folders to run; all when empty. */
  paths: string[];
}

const USAGE =
  'usage: npm run bench:test-suite -- [--workers N] [--top N] [--from jest-output.json] [test paths…] (defaults: 2 workers, top 15, every file)';

/** `npm run bench:test-suite -- …`; throws with the usage for anything it does not understand. */
export function parseTestSuiteArgs(args: readonly string[]): TestSuiteCommand {
  const command: TestSuiteCommand = { workers: 2, top: 15, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--workers' || arg === '--top') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1)
        throw new UsageError(`${arg} needs a whole number of at least 1, not ${JSON.stringify(args[i])}; ${USAGE}`);
      if (arg === '--workers') command.workers = value;
      else command.top = value;
    } else if (arg === '--from') {
      if (args[i + 1] === undefined) throw new UsageError(`--from needs the path of a jest --json output file; ${USAGE}`);
      command.from = args[++i];
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"; ${USAGE}`);
    } else {
      command.paths.push(arg);
    }
  }
  if (command.from && command.paths.length > 0)
    throw new UsageError(`--from summarises a finished run, so it takes no test paths; ${USAGE}`);
  return command;
}
