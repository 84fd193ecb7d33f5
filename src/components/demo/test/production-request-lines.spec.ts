// Beside the demo: it reads the demo's pages, and the platform's suite runs without the demo (docs/testing.md, "Platform tests").
import { FixtureAppInstance } from '../../../testing/process/fixture-app-instance';
import { READY_LINE } from '../../../testing/process/fixture-app-ready-line';
import { PRODUCTION_SETTINGS } from '../../../testing/environment/production-settings';
import { FIXTURE_NOTES_SQL } from '../../../testing/fixture-component/fixture-notes.service';
import { createWorkerSchemaFixture } from '../../../testing/worker-schema-fixture';
import { jsonLogEntries, type LogEntry, requestLinesOf } from '../../../testing/logging/log-lines';

// The app as production runs it (NODE_ENV=production, LOG_LEVEL=info), in a
// child process whose stdout and stderr the test reads: what a log collector
// would get. Each test stops the instance (SIGTERM) before it reads the log, so
// every line of every finished request has been written.

/** What a request line has, and nothing else: no URL, query, header, cookie or body. */
const REQUEST_LINE_FIELDS = ['component', 'durationMs', 'hostname', 'level', 'method', 'msg', 'pid', 'reqId', 'route', 'status', 'time'];

describe('the logs of an app with NODE_ENV=production', () => {
  let instance: FixtureAppInstance | undefined;

  afterEach(async () => {
    await instance?.dispose();
    instance = undefined;
  });

  async function started(): Promise<FixtureAppInstance> {
    instance = await FixtureAppInstance.start({ name: 'production-logs', env: { ...PRODUCTION_SETTINGS, LOG_LEVEL: 'info' } });
    return instance;
  }

  /** GET `path`; the X-Request-Id the app answered. */
  async function requestId(app: FixtureAppInstance, path: string): Promise<{ status: number; reqId: string }> {
    const response = await fetch(`${app.baseUrl}${path}`, { redirect: 'manual' });
    await response.arrayBuffer();
    return { status: response.status, reqId: response.headers.get('x-request-id') ?? '' };
  }

  /** Stops the instance (its requests and their lines finish first) and parses its whole log. */
  async function logOf(app: FixtureAppInstance): Promise<LogEntry[]> {
    expect(await app.terminate()).toEqual({ code: 0, signal: null });
    return jsonLogEntries(app.log());
  }

  it('writes every line as one JSON object, from the first bootstrap line to the last line of its stop', async () => {
    const app = await started();
    await requestId(app, '/demo/posts');

    const entries = await logOf(app);

    // The app's construction (routes, database), its start, the request, its stop: all JSON.
    const contexts = new Set(entries.map((entry) => entry.context));
    expect([...contexts]).toEqual(expect.arrayContaining(['RouterExplorer', 'PrismaService', 'NestApplication', 'Bootstrap']));
    expect(entries.some((entry) => entry.msg?.startsWith(READY_LINE))).toBe(true);
    expect(entries.at(-1)).toMatchObject({ level: 'info', context: 'Bootstrap', msg: 'stopped', component: 'platform' });
    for (const entry of entries) expect(entry).toEqual(expect.objectContaining({ level: expect.any(String), time: expect.any(String) }));
  });

  it('logs GET /demo/posts as exactly one "request completed" line with its component, route, status, duration and the X-Request-Id it answered', async () => {
    const app = await started();
    const { status, reqId } = await requestId(app, '/demo/posts');

    const lines = requestLinesOf(await logOf(app), reqId);

    expect(status).toBe(200);
    expect(reqId).not.toBe('');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', method: 'GET', route: '/demo/posts', status: 200, component: 'demo', reqId });
    expect(lines[0].durationMs).toEqual(expect.any(Number));
    expect(Object.keys(lines[0]).sort()).toEqual(REQUEST_LINE_FIELDS);
  });

  it('names the component and the route pattern a request matched, and "unrouted" and "platform" for a path no route serves', async () => {
    const app = await started();
    const signIn = await requestId(app, '/accounts/sign-in?next=%2Fdemo%2Fposts');
    const withId = await requestId(app, '/demo/posts/4242/delete');
    const unknown = await requestId(app, '/no-such-page/4242?email=someone%40example.test');
    // Refused by the body checks before any route is matched: still one line.
    const refused = await fetch(`${app.baseUrl}/demo/posts`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    await refused.arrayBuffer();

    const entries = await logOf(app);

    expect(requestLinesOf(entries, signIn.reqId)).toEqual([
      expect.objectContaining({ method: 'GET', route: '/accounts/sign-in', component: 'accounts', status: signIn.status }),
    ]);
    expect(requestLinesOf(entries, withId.reqId)).toEqual([
      expect.objectContaining({ route: '/demo/posts/:id/delete', component: 'demo', status: withId.status }),
    ]);
    expect(requestLinesOf(entries, unknown.reqId)).toEqual([
      expect.objectContaining({ level: 'info', route: 'unrouted', component: 'platform', status: 404 }),
    ]);
    expect(requestLinesOf(entries, refused.headers.get('x-request-id') ?? '')).toEqual([
      expect.objectContaining({ method: 'POST', route: 'unrouted', component: 'platform', status: 415 }),
    ]);
    // Neither the path's id nor the query string is anywhere in the log.
    expect(JSON.stringify(entries)).not.toMatch(/4242|someone|next=/);
  });

  it('writes a line logged while serving a request with its reqId and component, and a failure with its stack', async () => {
    // The fixture component's table is missing: its list fails inside the request, and the error filter logs it.
    const missing = await createWorkerSchemaFixture({ create: '', drop: FIXTURE_NOTES_SQL.drop });
    await missing.drop();
    const app = await started();
    const failed = await requestId(app, '/fixture/notes');

    const entries = await logOf(app);

    expect(failed.status).toBe(500);
    const logged = entries.filter((entry) => entry.reqId === failed.reqId && entry.msg !== 'request completed');
    // The fixture component is not in this app's route table, so its routes count as the platform's.
    expect(logged).toEqual([expect.objectContaining({ level: 'error', context: 'Errors', component: 'platform' })]);
    expect(logged[0].err).toEqual(expect.objectContaining({ stack: expect.stringMatching(/fixture_note[\s\S]*\n\s+at /) }));
    // The request's own line is a warning: LOG_LEVEL=warn keeps failed requests.
    expect(requestLinesOf(entries, failed.reqId)).toEqual([
      expect.objectContaining({ level: 'warn', status: 500, route: '/fixture/notes', component: 'platform' }),
    ]);
  });
});
