import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCTION_SETTINGS } from '../../../../testing/environment/production-settings';
import { jsonLogEntries, type LogEntry, requestLinesOf } from '../../../../testing/logging/log-lines';
import { FixtureAppInstance } from '../../../../testing/process/fixture-app-instance';

// The lines of a request being served, in the app as production runs it: a child process whose log the test reads
// once it has stopped it (every line of every finished request written by then). Platform only: GET /fixture/held
// of the fixture component, which answers once the test creates FIXTURE_HOLD_FILE (fixture-hold.ts), never the demo.
describe('the log lines of a request (NODE_ENV=production)', () => {
  let instance: FixtureAppInstance | undefined;
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'request-lines-'));
  });

  afterEach(async () => {
    await instance?.dispose();
    instance = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  /** An instance whose GET /fixture/held waits for `release()`; `held()` waits until it serves one and returns its log line. */
  async function started(name: string) {
    const file = join(dir, 'release');
    const app = await FixtureAppInstance.start({ name, env: { ...PRODUCTION_SETTINGS, LOG_LEVEL: 'info', FIXTURE_HOLD_FILE: file } });
    instance = app;
    return {
      app,
      held: async () => JSON.parse(await app.waitForLogLine(/holding GET \/fixture\/held/, 'that it holds GET /fixture/held')) as LogEntry,
      release: () => writeFileSync(file, ''),
    };
  }

  async function logOf(app: FixtureAppInstance): Promise<LogEntry[]> {
    expect(await app.terminate()).toEqual({ code: 0, signal: null });
    return jsonLogEntries(app.log());
  }

  it('carries the request’s X-Request-Id as reqId on each Nest Logger line made while serving it', async () => {
    const { app, held, release } = await started('request-lines-reqid');

    const answer = fetch(`${app.baseUrl}/fixture/held`);
    await held();
    release();
    const response = await answer;
    await response.arrayBuffer();
    const reqId = response.headers.get('x-request-id') ?? '';
    const entries = await logOf(app);

    expect(response.status).toBe(200);
    expect(reqId).not.toBe('');
    expect(entries.filter((entry) => entry.context === 'FixtureHold')).toEqual([
      expect.objectContaining({ level: 'info', msg: expect.stringMatching(/^holding /), reqId }),
      expect.objectContaining({ level: 'info', msg: expect.stringMatching(/^released /), reqId }),
    ]);
    expect(requestLinesOf(entries, reqId)).toEqual([expect.objectContaining({ level: 'info', status: 200, route: '/fixture/held' })]);
  });

  it('logs a request whose client went away before the answer as exactly one "request completed" line, at warn', async () => {
    const { app, held, release } = await started('request-lines-gone');
    const client = new AbortController();

    const answer = fetch(`${app.baseUrl}/fixture/held`, { signal: client.signal }).catch((error: Error) => error);
    const holding = await held();
    client.abort();
    expect(await answer).toMatchObject({ name: 'AbortError' });
    release();
    await app.waitForLogLine(/released GET \/fixture\/held/, 'that it released GET /fixture/held');
    const entries = await logOf(app);

    expect(holding.reqId).toEqual(expect.any(String));
    expect(entries.filter((entry) => entry.msg === 'request completed' && entry.route === '/fixture/held')).toEqual([
      expect.objectContaining({ level: 'warn', method: 'GET', reqId: holding.reqId }),
    ]);
  });
});
