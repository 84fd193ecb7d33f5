import { trace } from '@opentelemetry/api';
import { startTracing, stopTracing } from './start-tracing';

describe('startTracing', () => {
  const lines = () => {
    const seen: string[] = [];
    return { seen, log: { log: (line: string) => seen.push(line), warn: (line: string) => seen.push(`warn: ${line}`) } };
  };

  it('registers no tracer provider and says nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    const { seen, log } = lines();

    expect(startTracing({ OTEL_SERVICE_NAME: 'shop' }, log)).toBe(false);

    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    expect(seen).toEqual([]);
    await stopTracing(); // nothing to stop: resolves at once
  });

  it('stays off with one warning when the endpoint is no URL, so the app starts as without tracing', () => {
    const { seen, log } = lines();

    expect(startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, log)).toBe(false);

    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    expect(seen).toEqual([expect.stringMatching(/^warn: OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318" is not an http\(s\) URL/)]);
  });
});
