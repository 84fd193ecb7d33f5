// The "trace from GET /demo/posts to its SQL statements", against a real app instance (a child process)
// exporting over OTLP/HTTP to a receiver started here. Beside the demo, so the platform's suite runs without it
// (the platform's own trace specs: src/server/test/observability/traces/).
import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp } from '../../../testing/http/sign-up';
import { AppInstances } from '../../../testing/process/app-instances';
import { jestTimeoutFor } from '../../../testing/process/test-bounds';
import { descendsFrom, exportingTo, isSql, rootsOf, serverSpan } from '../../../testing/tracing/trace-spans';
import { INSTANCE_START_TIMEOUT_MS } from '../../../testing/process/fixture-app-instance';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../../../testing/process/wait-until';
import { OtlpReceiver } from '../../../testing/tracing/otlp-receiver';

const LIST = '/demo/posts';
const UNKNOWN_POST = '00000000-0000-4000-8000-000000000000';

describe('a trace of the demo post list', () => {
  const instances = new AppInstances();
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
  });

  afterAll(async () => {
    await instances.killAll();
    await receiver?.close();
  });

  it(
    'runs from the server span of GET /demo/posts (component demo) through the controller to its one fast-path statement, and a post page through Prisma’s operation',
    async () => {
      // JOBS_CONCURRENCY=0: it runs no jobs, so no job left in this worker's queue by another spec adds traces of its own.
      const app = await instances.start({ name: 'demo-traced', env: { ...exportingTo(receiver.endpoint), JOBS_CONCURRENCY: '0' } });

      expect((await fetch(`${app.baseUrl}${LIST}`)).status).toBe(200);
      const server = await receiver.waitFor(`the server span of GET ${LIST}`, (spans) => serverSpan(spans, 'GET', LIST));
      const trace = await receiver.waitFor('its controller and SQL spans', () => {
        const spans = receiver.trace(server.traceId);
        return spans.some(isSql) && spans.some((span) => span.name === 'DemoComponentController.list') ? spans : undefined;
      });

      expect(server.attributes).toMatchObject({ 'app.component': 'demo', 'http.route': LIST, 'http.response.status_code': 200 });
      expect(rootsOf(trace)).toEqual([server]);
      const controller = trace.find((span) => span.name === 'DemoComponentController.list')!;
      expect(descendsFrom(trace, controller, server)).toBe(true);
      const sql = trace.filter(isSql);
      expect(sql.some((span) => /"DemoPost"/.test(String(span.attributes['db.query.text'])))).toBe(true);
      for (const span of sql) expect(descendsFrom(trace, span, controller)).toBe(true);
      // The list is on the fast path (Kysely): the posts and their authors' names in one statement, no Prisma operation.
      expect(sql.some((span) => /"DemoPost".*join.*"AccountsUser"/is.test(String(span.attributes['db.query.text'])))).toBe(true);
      expect(trace.some((span) => span.name === 'prisma:client:operation')).toBe(false);

      // A post's delete page reads the post through Prisma: its instrumentation puts the operation, with its model,
      // between the request and the SQL.
      const browser = new CookieClient(app.baseUrl);
      await signUp(browser);
      expect((await browser.get(`${LIST}/${UNKNOWN_POST}/delete`)).status).toBe(404);
      const shown = await receiver.waitFor(`the server span of GET ${LIST}/:id/delete`, (spans) =>
        serverSpan(spans, 'GET', `${LIST}/:id/delete`),
      );
      const operation = await receiver.waitFor('its Prisma operation and SQL', () => {
        const spans = receiver.trace(shown.traceId);
        const found = spans.find((span) => span.name === 'prisma:client:operation' && span.attributes['model'] === 'DemoPost');
        return found && spans.some((span) => isSql(span) && descendsFrom(spans, span, found)) ? found : undefined;
      });
      expect(descendsFrom(receiver.trace(shown.traceId), operation, shown)).toBe(true);
    },
    jestTimeoutFor([
      INSTANCE_START_TIMEOUT_MS,
      DEFAULT_WAIT_TIMEOUT_MS,
      DEFAULT_WAIT_TIMEOUT_MS,
      DEFAULT_WAIT_TIMEOUT_MS,
      DEFAULT_WAIT_TIMEOUT_MS,
    ]),
  );
});
