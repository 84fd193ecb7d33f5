import { ComposedComponentsModule } from '../../platform/jobs/composed-components';
import { startTestServer, type TestServer, type TestServerOptions } from '../start-test-server';
import { createWorkerSchemaFixture } from '../worker-schema-fixture';
import { FixtureComponentModule } from './fixture-component.module';
import { FIXTURE_META } from './fixture-events';
import { FixtureListeners } from './fixture-listeners';
import { FIXTURE_NOTES_SQL, FixtureNotesService } from './fixture-notes.service';

export interface FixtureServer extends TestServer {
  /** The fixture component's notes, to seed and to check what a request stored. */
  notes: FixtureNotesService;
  /** Its listeners, job and schedule handlers: their effects, and `failure` to make one listener throw. */
  listeners: FixtureListeners;
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
    // Composed as a component (its meta's events and schedules), so its listeners and handlers are registered.
    const fixture = ComposedComponentsModule.for([{ meta: FIXTURE_META, module: FixtureComponentModule }]);
    server = await startTestServer({ imports: [FixtureComponentModule, fixture] }, options);
  } catch (error) {
    await table.drop();
    throw error;
  }
  return {
    ...server,
    notes: server.app.get(FixtureNotesService),
    listeners: server.app.get(FixtureListeners),
    close: async () => {
      try {
        await server.close();
      } finally {
        await table.drop();
      }
    },
  };
}
