import { UsageError } from '../errors/usage.error';

export interface SignInTimingOptions {
  /** Measured rounds: each POSTs every kind of failed sign-in once. */
  rounds: number;
  /** Rounds before those, not counted: connections, JIT and caches warm up. */
  warmupRounds: number;
}

export const DEFAULT_SIGN_IN_TIMING_OPTIONS: SignInTimingOptions = { rounds: 30, warmupRounds: 3 };

const USAGE = 'usage: npm run bench:sign-in [-- --rounds <n>] [--warmup <n>]';

/** `--rounds 30`, `--warmup 3` (0 allowed); anything else is a usage error naming the usage. */
export function parseSignInTimingOptions(args: readonly string[]): SignInTimingOptions {
  const options = { ...DEFAULT_SIGN_IN_TIMING_OPTIONS };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--rounds') {
      if (value === undefined || !/^[1-9]\d*$/.test(value))
        throw new UsageError(`--rounds needs a whole number above 0, got ${value ?? 'nothing'}; ${USAGE}`);
      options.rounds = Number(value);
    } else if (arg === '--warmup') {
      if (value === undefined || !/^\d+$/.test(value))
        throw new UsageError(`--warmup needs a whole number, got ${value ?? 'nothing'}; ${USAGE}`);
      options.warmupRounds = Number(value);
    } else {
      throw new UsageError(`unknown argument ${arg}; ${USAGE}`);
    }
    i++;
  }
  return options;
}
