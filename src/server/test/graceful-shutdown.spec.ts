import { EventEmitter } from 'node:events';
import { Agent, get, IncomingMessage } from 'node:http';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { PrismaService } from '../../database/runtime/prisma.service';
import { startTestServer, TestServer } from '../../testing/start-test-server';
import { createWorkerSchemaFixture, WorkerSchemaFixture } from '../../testing/worker-schema-fixture';
import { stopOnSignals, StopOptions, StopTarget } from '../lifecycle/stop-on-signals';

/** A gate the test opens: lets a request be "in progress" for exactly as long as the test wants. */
class Gate {
  entered!: Promise<void>;
  private enter!: () => void;
  opened!: Promise<void>;
  open!: () => void;
  constructor() {
    this.entered = new Promise((resolve) => (this.enter = resolve));
    this.opened = new Promise((resolve) => (this.open = resolve));
  }
  async pass(): Promise<void> {
    this.enter();
    await this.opened;
  }
}

let gate = new Gate();
/** What happened, in order, on the server's side; each test's stop adds its own steps. */
let events: string[] = [];

/** A request that is accepted, waits at the gate, then writes: what a form post in flight at SIGTERM does. */
@Controller('shutdown-probe')
class ShutdownProbeController {
  constructor(private readonly prisma: PrismaService) {}

  @Get('slow-write')
  async slowWrite(@Query('note') note: string): Promise<string> {
    await gate.pass();
    await this.prisma.$executeRaw`INSERT INTO shutdown_write (note) VALUES (${note})`;
    events.push('in-flight write stored');
    return 'written';
  }
}

@Module({ controllers: [ShutdownProbeController] })
class ShutdownProbeModule {}

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** A GET over a keep-alive connection, as browsers and proxies send them. */
function keepAliveGet(url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response: IncomingMessage) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
    }).on('error', reject);
  });
}

interface Stopping {
  signals: EventEmitter;
  events: string[];
  exited: Promise<number>;
  lines: string[];
}

/** The real stopOnSignals over a real app; signals come from an emitter instead of the Jest worker's own process. */
function watchSignals(server: TestServer, options: Partial<StopOptions> = {}, target: Partial<StopTarget> = {}): Stopping {
  const signals = new EventEmitter();
  const lines: string[] = [];
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const disconnect = server.prisma.$disconnect.bind(server.prisma);
  jest.spyOn(server.prisma, '$disconnect').mockImplementation(async () => {
    events.push('prisma disconnected');
    await disconnect();
  });
  stopOnSignals(
    signals,
    {
      app: () => server.app,
      stopDatabase: () => Promise.resolve(void events.push('database stopped')),
      stopDatabaseNow: () => events.push('database stopped at once'),
      ...target,
    },
    {
      timeoutMs: 5000,
      log: (line) => lines.push(line),
      warn: (line) => lines.push(line),
      error: (line) => lines.push(line),
      exit: (code) => {
        events.push(`exit ${code}`);
        exit(code);
      },
      ...options,
    },
  );
  return { signals, events, exited, lines };
}

describe('graceful shutdown', () => {
  let fixture: WorkerSchemaFixture;

  beforeAll(async () => {
    fixture = await createWorkerSchemaFixture({
      create: 'CREATE TABLE shutdown_write (id serial PRIMARY KEY, note text NOT NULL)',
      drop: 'DROP TABLE IF EXISTS shutdown_write',
    });
  });

  afterAll(() => fixture.drop());

  beforeEach(() => {
    gate = new Gate();
    events = [];
  });

  const storedNotes = async () =>
    (await fixture.owner.query<{ note: string }>('SELECT note FROM shutdown_write ORDER BY id')).rows.map((row) => row.note);

  it('lets a request in progress at SIGTERM finish and store its write, refuses new connections, then disconnects Prisma, stops the database and exits 0', async () => {
    const server = await startTestServer({ imports: [ShutdownProbeModule] });
    // A deadline far beyond what the gated write needs on any machine: this test is about finishing, the next one about the cut.
    const stopping = watchSignals(server, { timeoutMs: 120_000 });
    const agent = new Agent({ keepAlive: true });
    try {
      const inFlight = keepAliveGet(`${server.baseUrl}/shutdown-probe/slow-write?note=accepted-before-sigterm`, agent);
      await gate.entered;

      stopping.signals.emit('SIGTERM');
      stopping.signals.emit('SIGINT'); // a second signal (npm forwards Ctrl-C) changes nothing
      const refused = await fetch(`${server.baseUrl}/health/live`).then(
        () => 'answered',
        (error: Error) => (error.cause as NodeJS.ErrnoException | undefined)?.code,
      );
      gate.open();
      const answer = await inFlight;
      const code = await stopping.exited;

      expect(refused).toBe('ECONNREFUSED');
      expect(answer).toEqual({ status: 200, connection: 'close', body: 'written' });
      expect(await storedNotes()).toContain('accepted-before-sigterm');
      expect(code).toBe(0);
      expect(stopping.events).toEqual(['in-flight write stored', 'prisma disconnected', 'database stopped', 'exit 0']);
      expect(stopping.lines[0]).toBe('SIGTERM received: finishing the requests in progress (at most 120000 ms), then stopping');
    } finally {
      agent.destroy();
      gate.open();
    }
  });

  it('cuts a request still running after SHUTDOWN_TIMEOUT_MS, says how many, and still exits 0 without storing it', async () => {
    const server = await startTestServer({ imports: [ShutdownProbeModule] });
    const stopping = watchSignals(server, { timeoutMs: 300 });
    const agent = new Agent({ keepAlive: true });
    try {
      const inFlight = keepAliveGet(`${server.baseUrl}/shutdown-probe/slow-write?note=still-running-at-timeout`, agent).catch(
        (error: NodeJS.ErrnoException) => error.code,
      );
      await gate.entered;

      stopping.signals.emit('SIGTERM');
      const code = await stopping.exited;

      expect(await inFlight).toBe('ECONNRESET');
      expect(code).toBe(0);
      expect(stopping.lines).toContain('1 request(s) still running after SHUTDOWN_TIMEOUT_MS=300 were cut off');
      expect(await storedNotes()).not.toContain('still-running-at-timeout');
    } finally {
      agent.destroy();
    }
  });

  it('exits 1 by the hard-exit timer when a step of the stop hangs', async () => {
    const server = await startTestServer({ imports: [ShutdownProbeModule] });
    const stopping = watchSignals(
      server,
      { timeoutMs: 100, hardExitGraceMs: 200 },
      { stopDatabase: () => new Promise<void>(() => undefined) }, // never finishes
    );

    stopping.signals.emit('SIGTERM');
    const code = await stopping.exited;

    expect(code).toBe(1);
    // Whether Prisma finished disconnecting within those 300 ms depends on the machine; the end does not.
    expect(stopping.events.slice(-2)).toEqual(['database stopped at once', 'exit 1']);
    expect(stopping.lines).toContain('error: still stopping 300 ms after SIGTERM; exiting now');
  });
});
