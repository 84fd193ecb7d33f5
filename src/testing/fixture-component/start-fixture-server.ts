import { startTestServer, type TestServer, type TestServerOptions } from '../start-test-server';
import { createWorkerSchemaFixture } from '../worker-schema-fixture';
import { FixtureComponentModule } from './fixture-component.module';
import { FIXTURE_NOTES_SQL, FixtureNotesService } from './fixture-notes.service';

export interface FixtureServer extends TestServer {
  /** The fixture component's notes, to seed and to check what a request stored. */
  notes: FixtureNotesService;
}

/**
 * The whole app as startTestServer starts it, plus the fixture component
 * (src/testing/fixture-component/) at /fixture/notes, with its table created
 * in this worker's schema. `close()` stops the server and drops the table.
 */
export async function startFixtureServer(options: TestServerOptions = {}): Promise<FixtureServer> {
  const table = await createWorkerSchemaFixture(FIXTURE_NOTES_SQL);
  let server: TestServer;
  try {
    server = await startTestServer({ imports: [FixtureComponentModule] }, options);
  } catch (error) {
    await table.drop();
    throw error;
  }
  return {
    ...server,
    notes: server.app.get(FixtureNotesService),
    close: async () => {
      try {
        await server.close();
      } finally {
        await table.drop();
      }
    },
  };
}
