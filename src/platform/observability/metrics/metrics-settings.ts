import { ConfigurationError } from '../../errors/configuration.error';

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
  return { port, host };
}
