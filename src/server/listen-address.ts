import { isProductionRuntime } from '../platform/environment/runtime-environment';
import { ConfigurationError } from '../platform/errors/configuration.error';

/**
 * `PORT` (default 3000) and `HOST`. Without `HOST` the server listens on
 * loopback only, except with NODE_ENV=production, where a container or
 * process manager needs it reachable from outside (0.0.0.0).
 */
export function listenAddress(env: NodeJS.ProcessEnv): { host: string; port: number } {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigurationError(
      `PORT="${env.PORT}" is not a port number; set it to a whole number from 0 to 65535, or remove it for 3000`,
    );
  }
  const host = env.HOST || (isProductionRuntime(env) ? '0.0.0.0' : '127.0.0.1');
  return { host, port };
}
