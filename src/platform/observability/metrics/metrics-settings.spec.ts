import { ConfigurationError } from '../../errors/configuration.error';
import { readMetricsSettings } from './metrics-settings';

describe('readMetricsSettings', () => {
  it("refuses METRICS_PORT equal to the app's PORT on the same host, naming both and the fix", () => {
    const refusal =
      "METRICS_PORT=3000 is also the app's PORT on the same host; the two servers cannot share it. Set METRICS_PORT to another port (e.g. 9464) or remove it to turn metrics off";

    expect(() => readMetricsSettings({ METRICS_PORT: '3000' })).toThrow(new ConfigurationError(refusal));
    expect(() => readMetricsSettings({ METRICS_PORT: '8080', PORT: '8080' })).toThrow(ConfigurationError);
    expect(() => readMetricsSettings({ METRICS_PORT: '8080', PORT: '8080', METRICS_HOST: '0.0.0.0' })).toThrow(ConfigurationError);
    expect(() => readMetricsSettings({ METRICS_PORT: '3000', NODE_ENV: 'production', METRICS_HOST: '10.0.0.5' })).toThrow(
      ConfigurationError,
    );
  });

  it('accepts another port, another specific address, and port 0 for both', () => {
    expect(readMetricsSettings({ METRICS_PORT: '9464' })).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(readMetricsSettings({ METRICS_PORT: '3000', METRICS_HOST: '10.0.0.5' })).toEqual({ port: 3000, host: '10.0.0.5' });
    expect(readMetricsSettings({ METRICS_PORT: '0', PORT: '0' })).toEqual({ port: 0, host: '127.0.0.1' });
  });
});
