import { ConfigurationError } from '../../../platform/errors/configuration.error';

/** pino's levels, most severe first; each shows itself and everything above it. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogSettings {
  /** LOG_LEVEL; `silent` only where a test asks for no output (never an operator's setting). */
  level: LogLevel | 'silent';
  /** NODE_ENV=production: one JSON object per line for a collector; otherwise readable lines for a person. */
  format: 'json' | 'pretty';
  /** Colours in readable lines: only on a terminal, and never with NO_COLOR set. */
  colors: boolean;
}

/** The provider token of the app's LogSettings (a test overrides it to silence the app). */
export const LOG_SETTINGS = Symbol('LOG_SETTINGS');

/** LOG_LEVEL (default info) and the format NODE_ENV implies; a bad level stops the process with one line naming it and the fix. */
export function readLogSettings(env: NodeJS.ProcessEnv, terminal = process.stdout.isTTY === true): LogSettings {
  const raw = env.LOG_LEVEL;
  const level = raw === undefined || raw === '' ? 'info' : raw.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigurationError(
      `LOG_LEVEL="${raw}" is not a log level; set it to one of ${LOG_LEVELS.join(', ')} (default info), or remove it`,
    );
  }
  return {
    level: level as LogLevel,
    format: env.NODE_ENV === 'production' ? 'json' : 'pretty',
    colors: terminal && !env.NO_COLOR,
  };
}
