import { UsageError } from '../errors/usage.error';

export const SCENARIOS = ['steady', 'outage', 'sigterm', 'pgbouncer'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface LoadOptions {
  scenarios: ScenarioName[];
  /** True when the scenarios were named on the command line (a skipped one then fails the run). */
  explicit: boolean;
  /** Seconds of traffic per scenario; each scenario has its own default. */
  durationS?: number;
  connections: number;
}

export const DEFAULT_CONNECTIONS = 64;

/** Seconds of traffic when `--duration` is not given. */
export const DEFAULT_DURATION_S: Record<ScenarioName, number> = { steady: 30, outage: 30, sigterm: 20, pgbouncer: 30 };

export const USAGE = `usage: npm run load -- [${SCENARIOS.join('|')} …] [--duration <seconds>] [--connections <n>]
  no scenario: all of them, in this order; --duration applies to each (defaults: ${SCENARIOS.map((name) => `${name} ${DEFAULT_DURATION_S[name]} s`).join(', ')}); --connections defaults to ${DEFAULT_CONNECTIONS}`;

/** Reads `npm run load -- …` arguments; throws UsageError with the fix. */
export function parseLoadOptions(argv: readonly string[]): LoadOptions {
  const scenarios: ScenarioName[] = [];
  let durationS: number | undefined;
  let connections = DEFAULT_CONNECTIONS;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--duration' || flag === '--connections') {
      const raw = inline ?? argv[++i];
      const value = Number(raw);
      if (raw === undefined || !Number.isInteger(value) || value < 1) {
        throw new UsageError(`${flag} needs a whole number of at least 1, got ${raw === undefined ? 'nothing' : `"${raw}"`}\n${USAGE}`);
      }
      if (flag === '--duration') durationS = value;
      else connections = value;
    } else if ((SCENARIOS as readonly string[]).includes(argv[i])) {
      if (!scenarios.includes(argv[i] as ScenarioName)) scenarios.push(argv[i] as ScenarioName);
    } else {
      throw new UsageError(`unknown argument "${argv[i]}"\n${USAGE}`);
    }
  }
  return { scenarios: scenarios.length > 0 ? scenarios : [...SCENARIOS], explicit: scenarios.length > 0, durationS, connections };
}
