import { isProductionRuntime } from '../../environment/runtime-environment';
import { ConfigurationError } from '../../errors/configuration.error';

const WILDCARDS = new Set(['0.0.0.0', '::']);

export interface MetricsSettings {
  /** Undefined: no metrics endpoint and nothing recorded. 0: any free port (tests). */
  port?: number;
  /** Loopback unless the operator says otherwise: metrics tell an outsider a lot. */
  host: string;
}

/** METRICS_PORT and METRICS_HOST; a bad value stops the process with one line naming it and the fix. */
export function readMetricsSettings(env: NodeJS.ProcessEnv): MetricsSettings {
  const host = env.METRICS_HOST || '127.0.0.1';
  const raw = env.METRICS_PORT;
  if (raw === undefined || raw === '') return { host };
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigurationError(
      `METRICS_PORT="${raw}" is not a port number (0-65535); set it to e.g. 9464 to serve /metrics there, or remove it to turn metrics off`,
    );
  }
  if (port !== 0 && clashesWithApp(env, port, host)) {
    throw new ConfigurationError(
      `METRICS_PORT=${port} is also the app's PORT on the same host; the two servers cannot share it. Set METRICS_PORT to another port (e.g. 9464) or remove it to turn metrics off`,
    );
  }
  return { port, host };
}

/** The app's own address as src/server/listen-address.ts reads it (PORT default 3000; HOST loopback, 0.0.0.0 in production). */
function clashesWithApp(env: NodeJS.ProcessEnv, port: number, host: string): boolean {
  const appPort = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  const appHost = env.HOST || (isProductionRuntime(env) ? '0.0.0.0' : '127.0.0.1');
  return appPort === port && (appHost === host || WILDCARDS.has(appHost) || WILDCARDS.has(host));
}
