import { DEFAULT_SERVICE_NAME, readTracingSettings } from './tracing-settings';

describe('readTracingSettings', () => {
  it('leaves tracing off when OTEL_EXPORTER_OTLP_ENDPOINT is unset or empty, whatever else is set', () => {
    expect(
      readTracingSettings({ OTEL_SERVICE_NAME: 'shop', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }),
    ).toEqual({
      enabled: false,
    });
    expect(readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toEqual({ enabled: false });
  });

  it('exports as component-platform unless OTEL_SERVICE_NAME names the service', () => {
    expect(readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      enabled: true,
      endpoint: 'http://collector:4318',
      origin: 'http://collector:4318',
      serviceName: DEFAULT_SERVICE_NAME,
    });
    expect(readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector', OTEL_SERVICE_NAME: 'shop' })).toMatchObject({
      enabled: true,
      serviceName: 'shop',
    });
  });

  it('keeps tracing off with a line naming the variable and the fix when the endpoint is no http(s) URL', () => {
    for (const endpoint of ['collector:4318', 'grpc://collector:4317', 'http//collector']) {
      expect(readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toEqual({
        enabled: false,
        problem: expect.stringMatching(
          new RegExp(
            `^OTEL_EXPORTER_OTLP_ENDPOINT="${endpoint}" is not an http\\(s\\) URL, so no traces are exported; set it to .*http://127\\.0\\.0\\.1:4318`,
          ),
        ) as string,
      });
    }
  });

  it('never shows a user or password of the endpoint: the origin alone, and the problem line without them', () => {
    expect(readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://user:s3cret@collector:4318/otlp' })).toMatchObject({
      origin: 'https://collector:4318',
    });
    for (const endpoint of ['grpc://user:s3cret@collector:4317', 'user:s3cret@collector:4318']) {
      const settings = readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
      expect('problem' in settings && settings.problem).toMatch(/^OTEL_EXPORTER_OTLP_ENDPOINT="(grpc:\/\/)?collector:431\d" is not/);
      expect(JSON.stringify(settings)).not.toContain('s3cret');
    }
  });
});
