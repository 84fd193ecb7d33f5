import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isProductionRuntime } from '../platform/environment/runtime-environment';
import { ConfigurationError } from '../platform/errors/configuration.error';

/**
 * The key that signs CSRF tokens. Every instance behind a load balancer needs
 * the same one, so production requires `CSRF_SECRET`; in development a random
 * key is kept in `.data/csrf-secret`, so forms survive restarts.
 */
export function readCsrfSecret(env: NodeJS.ProcessEnv = process.env, file = join(process.cwd(), '.data', 'csrf-secret')): string {
  if (env.CSRF_SECRET) {
    if (env.CSRF_SECRET.length < 32)
      throw new ConfigurationError('CSRF_SECRET is shorter than 32 characters; set a long random value, e.g. `openssl rand -base64 48`');
    return env.CSRF_SECRET;
  }
  if (isProductionRuntime(env)) {
    throw new ConfigurationError(
      'CSRF_SECRET is not set; production needs the same long random value on every instance, e.g. `openssl rand -base64 48`',
    );
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
