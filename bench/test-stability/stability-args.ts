import { UsageError } from '../errors/usage.error';

export interface StabilityOptions {
  /** Full suite runs, one after the other. */
  runs: number;
  /** JEST_WORKERS for every run. */
  workers: number;
  /** Busy-loop processes competing for the CPU during the runs. */
  busy: number;
}

const USAGE = 'usage: npm run test:stability -- [--runs N] [--workers N] [--busy N]   (defaults: --runs 3 --workers 2 --busy 0)';

/** Reads `--runs 3 --workers 4 --busy 2`; throws a one-line usage error on anything else. */
export function readStabilityArgs(argv: readonly string[]): StabilityOptions {
  const options: StabilityOptions = { runs: 3, workers: 2, busy: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (!argv[i].startsWith('--') || !(name in options)) throw new UsageError(`test:stability: unknown option ${argv[i]}; ${USAGE}`);
    const minimum = name === 'busy' ? 0 : 1;
    if (value === undefined || !/^\d+$/.test(value) || Number(value) < minimum) {
      throw new UsageError(`test:stability: --${name} needs a whole number of at least ${minimum}, got ${value ?? 'nothing'}; ${USAGE}`);
    }
    options[name as keyof StabilityOptions] = Number(value);
  }
  return options;
}
