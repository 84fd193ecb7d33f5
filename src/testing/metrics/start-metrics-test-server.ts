import type { ModuleMetadata } from '@nestjs/common';
import { withEnvironment } from '../environment/with-environment';
import { startTestServer, type TestServer, type TestServerOptions } from '../start-test-server';

/**
 * startTestServer with metrics on, as an operator turns them on: METRICS_PORT=0
 * (any free loopback port; metricsUrlOf(app) says which) while the app is
 * built. Other test servers keep metrics off (src/testing/jest/worker-environment.ts).
 */
export function startMetricsTestServer(
  extra: ModuleMetadata = {},
  options: TestServerOptions = {},
  settings: Record<string, string> = {},
): Promise<TestServer> {
  return withEnvironment({ METRICS_PORT: '0', ...settings }, () => startTestServer(extra, options));
}
