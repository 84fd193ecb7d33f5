import { ConfigurationError } from '../errors/configuration.error';

/**
 * A whole number of at least 1 from the environment, or `fallback` when the
 * variable is unset or empty. Anything else stops the process with one line
 * naming the variable and the fix.
 */
export function positiveIntegerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigurationError(`${name}="${raw}" is not a positive whole number; set it to e.g. ${fallback} or remove it`);
  }
  return value;
}

/**
 * A whole number of 0 or more from the environment, or `undefined` when the
 * variable is unset or empty (the feature it switches on stays off).
 * Anything else stops the process with one line naming the variable and the fix.
 */
export function optionalWholeNumberSetting(env: NodeJS.ProcessEnv, name: string, example: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new ConfigurationError(`${name}="${raw}" is not a whole number of 0 or more; set it to e.g. ${example} or remove it`);
  }
  return value;
}
