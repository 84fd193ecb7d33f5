/** The service name spans carry when OTEL_SERVICE_NAME is unset. */
export const DEFAULT_SERVICE_NAME = 'component-platform';

/** Whether and where this process exports traces (docs/operations.md, "Traces"). */
export type TracingSettings =
  | { enabled: false }
  /** `origin`: the endpoint's scheme, host and port, without user:password, for log lines. */
  | { enabled: true; endpoint: string; origin: string; serviceName: string }
  /** Set but unusable: tracing stays off and `problem` is logged once; the app runs as without it. */
  | { enabled: false; problem: string };

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT switches tracing on (unset or empty: off, no
 * SDK loaded). The exporter reads the other standard OTEL_* variables itself
 * (OTEL_EXPORTER_OTLP_HEADERS, OTEL_EXPORTER_OTLP_TIMEOUT, OTEL_BSP_*,
 * OTEL_TRACES_SAMPLER, ...). A value that is not an http(s) URL would make
 * the exporter fall back to localhost quietly; it is refused here instead,
 * with a line saying how to fix it, and never stops the app.
 */
export function readTracingSettings(env: NodeJS.ProcessEnv): TracingSettings {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!endpoint) return { enabled: false };
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return {
      enabled: false,
      problem: `OTEL_EXPORTER_OTLP_ENDPOINT="${withoutCredentials(endpoint)}" is not an http(s) URL, so no traces are exported; set it to the collector's OTLP/HTTP base, like http://127.0.0.1:4318 (spans go to <endpoint>/v1/traces), or unset it`,
    };
  }
  return { enabled: true, endpoint, origin: url.origin, serviceName: env.OTEL_SERVICE_NAME?.trim() || DEFAULT_SERVICE_NAME };
}

/** `grpc://user:s3cret@collector:4317` -> `grpc://collector:4317`: a value logged must not show a password. */
function withoutCredentials(value: string): string {
  return value.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)?[^/@]*@/i, '$1');
}
