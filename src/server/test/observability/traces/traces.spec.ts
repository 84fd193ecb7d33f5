// Traces exported by a real app instance (a child process, src/testing/process/) over real OTLP/HTTP to a receiver
// started here: the request's span down to its SQL, the link from an event's publication to its deliveries, nothing
// at all when OTEL_EXPORTER_OTLP_ENDPOINT is unset, and requests unaffected by a collector that never answers.
import { createServer, type Server, type Socket } from 'node:net';
import { AppInstances } from '../../../../testing/process/app-instances';
import { QueueProbe } from '../../events-and-jobs/failures/queue-probe';
import { jestTimeoutFor } from '../../../../testing/process/test-bounds';
import { FIXTURE_NOTES_SQL } from '../../../../testing/fixture-component/fixture-notes.service';
import { CookieClient } from '../../../../testing/http/cookie-client';
import { signUp } from '../../../../testing/http/sign-up';
import { startSmtpTestServer } from '../../../../testing/mail/smtp-test-server';
import { INSTANCE_START_TIMEOUT_MS, LOG_LINE_TIMEOUT_MS, TERMINATE_BOUND_MS } from '../../../../testing/process/fixture-app-instance';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../../../../testing/process/wait-until';
import { OtlpReceiver, type ReceivedSpan } from '../../../../testing/tracing/otlp-receiver';
import { createWorkerSchemaFixture, type WorkerSchemaFixture } from '../../../../testing/worker-schema-fixture';
import { descendsFrom, exportingTo, isSql, rootsOf, serverSpan } from '../../../../testing/tracing/trace-spans';

const NOTES = '/fixture/notes';
const LISTENERS = ['fixture.FixtureListeners.recordNote', 'fixture.FixtureListeners.failOnDemand'];

/** Start, a wait for the spans, a second wait (the linked spans), SIGTERM. */
const TRACE_TIMEOUT_MS = jestTimeoutFor([INSTANCE_START_TIMEOUT_MS, DEFAULT_WAIT_TIMEOUT_MS, DEFAULT_WAIT_TIMEOUT_MS, TERMINATE_BOUND_MS]);
const STOP_TIMEOUT_MS = jestTimeoutFor([INSTANCE_START_TIMEOUT_MS, TERMINATE_BOUND_MS, LOG_LINE_TIMEOUT_MS]);

/** Adds a note through the form, as a browser would: the request publishes fixture/note-added in its transaction. */
async function addNote(baseUrl: string, title: string): Promise<void> {
  const browser = new CookieClient(baseUrl);
  const form = await browser.get(NOTES);
  const fields = { _csrf: CookieClient.csrfTokenIn(await form.text()), title, content: '', status: 'PUBLISHED', author: 'Traces' };
  const created = await browser.postForm(NOTES, fields, { referer: `${baseUrl}${NOTES}` });
  expect(created.status).toBe(303);
}

/** A TCP server that accepts connections and never answers: a collector that hangs. */
async function silentCollector(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('traces exported over OTLP/HTTP by an app instance', () => {
  const instances = new AppInstances();
  let receiver: OtlpReceiver;
  let table: WorkerSchemaFixture;
  let probe: QueueProbe;

  beforeAll(async () => {
    table = await createWorkerSchemaFixture(FIXTURE_NOTES_SQL);
    probe = await QueueProbe.connect(process.env.MIGRATION_DATABASE_URL!, process.env.DATABASE_SCHEMA!);
  });

  afterAll(async () => {
    await probe?.close();
    await table?.drop();
  });

  beforeEach(async () => {
    await probe.reset();
    receiver = await OtlpReceiver.start();
  });

  afterEach(async () => {
    await instances.killAll();
    await receiver.close();
  });

  it(
    'traces a request from its server span through the controller to each SQL statement, all in one trace',
    async () => {
      const app = await instances.start({ name: 'traced', env: exportingTo(receiver.endpoint) });

      expect((await fetch(`${app.baseUrl}${NOTES}`)).status).toBe(200);
      const server = await receiver.waitFor(`the server span of GET ${NOTES}`, (spans) => serverSpan(spans, 'GET', NOTES));
      const trace = await receiver.waitFor('its controller and SQL spans', () => {
        const spans = receiver.trace(server.traceId);
        return spans.some(isSql) && spans.some((span) => span.scope.includes('nestjs-core')) ? spans : undefined;
      });

      expect(server.service).toBe('traces-spec');
      expect(server.attributes['app.component']).toBe('platform'); // the fixture is no composed component: its routes are the platform's
      expect(rootsOf(trace)).toEqual([server]);
      const controller = trace.find((span) => span.name === 'FixtureComponentController.list');
      expect(controller).toBeDefined();
      expect(descendsFrom(trace, controller!, server)).toBe(true);
      const sql = trace.filter(isSql);
      expect(sql.some((span) => /fixture_note/.test(String(span.attributes['db.query.text'])))).toBe(true);
      for (const span of sql) expect(descendsFrom(trace, span, controller!)).toBe(true);
    },
    TRACE_TIMEOUT_MS,
  );

  it(
    'gives each delivery of an event a consumer span linked to the span of the request that published it',
    async () => {
      const app = await instances.start({ name: 'publishing', env: exportingTo(receiver.endpoint) });

      await addNote(app.baseUrl, 'a note whose deliveries are traced');
      const post = await receiver.waitFor(`the server span of POST ${NOTES}`, (spans) => serverSpan(spans, 'POST', NOTES));
      const deliveries = await receiver.waitFor('a delivery span per listener of fixture/note-added', (spans) => {
        const found = LISTENERS.map((listener) => spans.find((span) => span.name === `deliver fixture/note-added to ${listener}`));
        return found.every(Boolean) ? (found as ReceivedSpan[]) : undefined;
      });

      for (const delivery of deliveries) {
        expect(delivery).toMatchObject({ kind: 'consumer', attributes: { 'app.component': 'fixture' }, parentSpanId: '' });
        expect(delivery.traceId).not.toBe(post.traceId);
        expect(delivery.links).toHaveLength(1);
        expect(delivery.links[0].traceId).toBe(post.traceId);
        // Its own trace holds the listener's SQL.
        expect(receiver.trace(delivery.traceId).some(isSql)).toBe(true);
      }
      const linked = deliveries[0].links[0].spanId;
      expect(deliveries.map((delivery) => delivery.links[0].spanId)).toEqual([linked, linked]);
      const publishing = receiver.trace(post.traceId).find((span) => span.spanId === linked);
      expect(publishing).toBeDefined();
      expect(descendsFrom(receiver.trace(post.traceId), publishing!, post)).toBe(true);
    },
    TRACE_TIMEOUT_MS,
  );

  it(
    'traces the SMTP send of a mail job as a client span naming the server, never the recipient',
    async () => {
      const smtp = await startSmtpTestServer();
      try {
        const app = await instances.start({ name: 'mailing', env: { ...exportingTo(receiver.endpoint), SMTP_URL: smtp.url() } });

        const account = await signUp(new CookieClient(app.baseUrl));
        const send = await receiver.waitFor('an smtp send span', (spans) => spans.find((span) => span.name === 'smtp send'));
        const job = await receiver.waitFor('its job span', () =>
          receiver.trace(send.traceId).find((span) => span.spanId === send.parentSpanId),
        );

        expect(send).toMatchObject({ kind: 'client', attributes: { 'server.address': '127.0.0.1', 'server.port': smtp.port } });
        expect(job).toMatchObject({ name: 'job platform/send-mail', kind: 'consumer', attributes: { 'app.component': 'platform' } });
        expect(smtp.delivered.map((mail) => mail.rcptTo)).toContainEqual([account.email]);
        expect(JSON.stringify(receiver.spans)).not.toContain(account.email);
      } finally {
        await smtp.close();
      }
    },
    TRACE_TIMEOUT_MS,
  );

  it(
    'exports nothing and loads no tracer when OTEL_EXPORTER_OTLP_ENDPOINT is unset, even with other OTEL_ settings present',
    async () => {
      // The exporter would honour this one if tracing had started; the switch is OTEL_EXPORTER_OTLP_ENDPOINT alone.
      const env = {
        OTEL_EXPORTER_OTLP_ENDPOINT: '',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.endpoint}/v1/traces`,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      };
      const app = await instances.start({ name: 'untraced', env });

      expect((await fetch(`${app.baseUrl}${NOTES}`)).status).toBe(200);
      await addNote(app.baseUrl, 'a note published without tracing');
      // Once it has exited, nothing more can arrive: no waiting on an absence.
      expect(await app.terminate()).toEqual({ code: 0, signal: null });

      expect(receiver.exports).toBe(0);
      expect(app.log()).not.toMatch(/tracing:/);
    },
    STOP_TIMEOUT_MS,
  );

  it(
    'answers requests while the collector never answers, and still stops within its bound on SIGTERM, saying the last spans were lost',
    async () => {
      const collector = await silentCollector();
      try {
        // A patient exporter: without the bound on the final flush, the stop would wait for it.
        const env = { ...exportingTo(collector.endpoint), OTEL_EXPORTER_OTLP_TIMEOUT: '600000' };
        const app = await instances.start({ name: 'collector-down', env });

        for (let i = 0; i < 3; i++) expect((await fetch(`${app.baseUrl}${NOTES}`)).status).toBe(200);
        await addNote(app.baseUrl, 'a note published while the collector hangs');

        expect(await app.terminate()).toEqual({ code: 0, signal: null });
        expect(app.log()).toMatch(/tracing: the last spans were not exported within \d+ ms/);
      } finally {
        await collector.close();
      }
    },
    STOP_TIMEOUT_MS,
  );
});
