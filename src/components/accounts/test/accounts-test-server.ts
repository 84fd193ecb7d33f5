import { StandInPagesModule } from '../../../testing/stand-in-pages.module';
import { startComponentTestServer, TestServer } from '../../../testing/start-test-server';

/**
 * accounts and the platform, plus stand-ins for the pages of other components
 * (src/testing/stand-in-pages.module.tsx): accounts sends browsers home (`/`,
 * component system's page) after signing in and out, and its header shows on
 * every page, but accounts depends on no other component, so its tests start none.
 */
export function startAccountsTestServer(options: Parameters<typeof startComponentTestServer>[1] = {}): Promise<TestServer> {
  return startComponentTestServer('accounts', { ...options, imports: [StandInPagesModule, ...(options.imports ?? [])] });
}
