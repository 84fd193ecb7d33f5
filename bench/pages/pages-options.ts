import { resolve } from 'node:path';
import { UsageError } from '../errors/usage.error';

export interface PagesOptions {
  rounds: number;
  /** Seconds of measured traffic per server and page size in each round. */
  durationS: number;
  connections: number;
  /** Seconds of uncounted traffic per server before the first round. */
  warmupS: number;
  /** Profile one extra run of the app (20 per page) with `node --cpu-prof` and print its top functions. */
  profile: boolean;
  /** `--before <dir>`: a built checkout of another commit, measured beside this build (before/after, same run). */
  before?: string;
}

export const DEFAULT_PAGES_OPTIONS: PagesOptions = { rounds: 2, durationS: 8, connections: 32, warmupS: 2, profile: false };

const USAGE =
  'usage: npm run bench:pages [-- --profile] [--rounds <n>] [--duration <seconds>] [--connections <n>] [--before <built checkout of another commit>]';

/** `--profile`, `--rounds 3`, `--duration 5`, `--connections 32`; anything else is a usage error naming the usage. */
export function parsePagesOptions(args: readonly string[]): PagesOptions {
  const options = { ...DEFAULT_PAGES_OPTIONS };
  const numeric = { '--rounds': 'rounds', '--duration': 'durationS', '--connections': 'connections' } as const;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--profile') {
      options.profile = true;
    } else if (arg === '--before') {
      const dir = args[++i];
      if (dir === undefined) throw new UsageError(`--before needs a directory, got nothing; ${USAGE}`);
      options.before = resolve(dir);
    } else if (arg in numeric) {
      const value = args[++i];
      if (value === undefined || !/^[1-9]\d*$/.test(value))
        throw new UsageError(`${arg} needs a whole number above 0, got ${value ?? 'nothing'}; ${USAGE}`);
      options[numeric[arg as keyof typeof numeric]] = Number(value);
    } else {
      throw new UsageError(`unknown argument ${arg}; ${USAGE}`);
    }
  }
  return options;
}
