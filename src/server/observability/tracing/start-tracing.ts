import { createAppLogger } from '../logging/app-logger';
import { readLogSettings } from '../logging/log-settings';
import { readTracingSettings } from './tracing-settings';
import type { RunningTracing } from './tracing-sdk';

/** How long a stop waits for the last spans to be exported before it exits anyway. */
export const TRACING_SHUTDOWN_BOUND_MS = 5_000;

let running: { sdk: RunningTracing; warn(line: string): void } | undefined;

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (docs/operations.md, "Traces"); otherwise returns at once: the SDK is not
 * even loaded, no hook is installed, and the `@opentelemetry/api` calls in
 * the code stay no-ops. Entries call it through startProcessTracing.
 * Returns whether tracing runs.
 */
export function startTracing(env: NodeJS.ProcessEnv, log: { log(line: string): void; warn(line: string): void }): boolean {
  const settings = readTracingSettings(env);
  if (!settings.enabled) {
    if ('problem' in settings) log.warn(settings.problem);
    return false;
  }
  // Loaded only now: an app without tracing never loads the SDK or its instrumentations.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, synchronous so the hooks precede Nest, express and pg
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  const warn = (line: string) => log.warn(line);
  running = { sdk: startTracingSdk(env, settings.serviceName, warn), warn };
  log.log(`tracing: exporting spans of service ${settings.serviceName} to ${settings.origin} (OTLP/HTTP JSON)`);
  return true;
}

/**
 * startTracing for an entry's first import (trace-app.ts, trace-process.ts),
 * its lines (context `Tracing`) written by the app's own pino logger: JSON in
 * production, as every later line. Nest's Logger would print them before
 * main() hands it pino, and nestjs-pino or @nestjs/core must not load before
 * the hooks. A bad LOG_LEVEL is main()'s to report: these lines use info.
 */
export function startProcessTracing(env: NodeJS.ProcessEnv): boolean {
  let settings;
  try {
    settings = readLogSettings(env);
  } catch {
    settings = readLogSettings({ ...env, LOG_LEVEL: undefined });
  }
  const logger = createAppLogger(settings).child({ context: 'Tracing' });
  return startTracing(env, { log: (line) => logger.info(line), warn: (line) => logger.warn(line) });
}

/** Exports the spans still buffered, then stops tracing; resolves within TRACING_SHUTDOWN_BOUND_MS whatever the collector does. */
export async function stopTracing(boundMs = TRACING_SHUTDOWN_BOUND_MS): Promise<void> {
  const stopping = running;
  running = undefined;
  if (!stopping) return;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, boundMs, 'late')));
  const outcome = await Promise.race([stopping.sdk.shutdown(), bound]);
  clearTimeout(timer);
  if (outcome === 'late') {
    stopping.warn(
      `tracing: the last spans were not exported within ${boundMs} ms (the collector at OTEL_EXPORTER_OTLP_ENDPOINT did not answer); stopping without them`,
    );
  }
}
