import { type FixtureServer, startFixtureServer } from '../../../../testing/fixture-component/start-fixture-server';
import { AppInstances } from '../../../../testing/process/app-instances';
import { QueueProbe } from './queue-probe';

/** What a failure spec works with; `server` and `probe` exist from its beforeAll on. */
export interface FailureFixture {
  /** The fixture component in this process, jobs 'manual' (it runs none): creates the notes whose events the instances deliver. */
  readonly server: FixtureServer;
  /** This worker's queue and the fixture's tables, read and emptied as the owner. */
  readonly probe: QueueProbe;
  /** The app instances (child processes) a test starts; none survives its test. */
  readonly instances: AppInstances;
}

/**
 * The set-up every child-process failure spec shares, registered as Jest
 * hooks of the enclosing describe: the fixture server and the queue probe
 * for the file, an empty queue and fixture before each test, every instance
 * killed (and its temp files removed) after it.
 */
export function useFailureFixture(): FailureFixture {
  const instances = new AppInstances();
  let server: FixtureServer | undefined;
  let probe: QueueProbe | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    probe = await QueueProbe.connect(process.env.MIGRATION_DATABASE_URL!, process.env.DATABASE_SCHEMA!);
  });

  afterAll(async () => {
    await probe?.close();
    await server?.close();
  });

  beforeEach(() => probe!.reset());
  afterEach(() => instances.killAll());

  return {
    get server() {
      return server!;
    },
    get probe() {
      return probe!;
    },
    instances,
  };
}
