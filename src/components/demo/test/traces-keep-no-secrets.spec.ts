// A production instance (NODE_ENV=production) exporting to a collector whose URL carries a user and password: a
// signed-in visitor opens links with a token and an email in their query, and /metrics is scraped (its queue read
// runs outside any request). After the stop (which exports the last spans), the exported spans and the log are read.
import { randomBytes, randomUUID } from 'node:crypto';
import { PRODUCTION_SETTINGS } from '../../../testing/environment/production-settings';
import { CookieClient } from '../../../testing/http/cookie-client';
import { signUp } from '../../../testing/http/sign-up';
import { jsonLogEntries, nonJsonLines } from '../../../testing/logging/log-lines';
import { AppInstances } from '../../../testing/process/app-instances';
import { INSTANCE_START_TIMEOUT_MS, LOG_LINE_TIMEOUT_MS, TERMINATE_BOUND_MS } from '../../../testing/process/fixture-app-instance';
import { jestTimeoutFor } from '../../../testing/process/test-bounds';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../../../testing/process/wait-until';
import { OtlpReceiver, type ReceivedSpan } from '../../../testing/tracing/otlp-receiver';
import { exportingTo, rootsOf, serverSpan } from '../../../testing/tracing/trace-spans';

const PASSWORD = 's3cret-collector-password';

describe('the traces and log of a production instance visited with secrets in its URLs', () => {
  const instances = new AppInstances();
  let receiver: OtlpReceiver;
  let log = '';
  const secrets: string[] = [];

  beforeAll(
    async () => {
      receiver = await OtlpReceiver.start();
      const endpoint = receiver.endpoint.replace('http://', `http://collector:${PASSWORD}@`);
      const app = await instances.start({
        name: 'secret-urls',
        env: { ...PRODUCTION_SETTINGS, ...exportingTo(endpoint), LOG_LEVEL: 'debug', METRICS_PORT: '0' },
      });
      const browser = new CookieClient(app.baseUrl);
      const account = await signUp(browser, { email: `trace-secrets-${randomUUID()}@example.test` });
      const token = randomBytes(24).toString('base64url');
      for (const path of [
        `/accounts/password-reset/new?token=${token}`,
        `/accounts/verify-email?token=${token}`,
        `/demo/posts?email=${encodeURIComponent(account.email)}&page=1`,
        `/no-such-page?token=${token}`,
      ]) {
        await (await browser.get(path)).arrayBuffer();
      }
      const metricsLine = await app.waitForLogLine(/metrics on http:\/\/[^\s"]+\/metrics/, 'the metrics address');
      const metrics = await fetch(/(http:\/\/[^\s"]+\/metrics)/.exec(metricsLine)![1]);
      expect(metrics.status).toBe(200);
      await receiver.waitFor('the server span of GET /demo/posts', (spans) => serverSpan(spans, 'GET', '/demo/posts'));
      expect(await app.terminate()).toEqual({ code: 0, signal: null });
      log = app.log();
      const cookies = browser
        .cookieHeader()
        .split('; ')
        .map((pair) => pair.slice(pair.indexOf('=') + 1));
      secrets.push(token, account.email, encodeURIComponent(account.email), ...cookies.filter((value) => value.length >= 16));
    },
    jestTimeoutFor([INSTANCE_START_TIMEOUT_MS, LOG_LINE_TIMEOUT_MS, DEFAULT_WAIT_TIMEOUT_MS, TERMINATE_BOUND_MS]),
  );

  afterAll(async () => {
    await instances.killAll();
    await receiver?.close();
  });

  it('exports no query string, token, email or cookie value in any span, only the paths', () => {
    const withSecrets = receiver.spans.filter((span) => secrets.some((secret) => JSON.stringify(span).includes(secret)));
    const withQueries = receiver.spans.filter(
      (span) =>
        Object.values(span.attributes).some((value) => /\?/.test(String(value))) &&
        !span.name.startsWith('pg') &&
        !span.name.startsWith('prisma'),
    );

    expect(secrets.length).toBeGreaterThanOrEqual(4); // the token, the email twice, the session cookie at least
    expect(withSecrets.map((span) => span.name)).toEqual([]);
    expect(withQueries.map((span) => span.name)).toEqual([]);
    const verify = serverSpan(receiver.spans, 'GET', '/accounts/verify-email');
    expect(verify?.attributes['url.path']).toBe('/accounts/verify-email');
    const controller = receiver.spans.find((span) => span.traceId === verify?.traceId && span.attributes['url.full'] !== undefined);
    expect(controller?.attributes['url.full']).toBe('/accounts/verify-email');
  });

  it('writes only JSON lines, the tracing line among them, and never the collector password', () => {
    expect(nonJsonLines(log)).toEqual([]);
    expect(log).not.toContain(PASSWORD);
    const tracing = jsonLogEntries(log).filter((entry) => entry.context === 'Tracing');
    expect(tracing).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: `tracing: exporting spans of service traces-spec to ${receiver.endpoint} (OTLP/HTTP JSON)`,
      }),
    ]);
  });

  it('starts no trace with a Prisma or pg span: background queries (the /metrics queue read, the relay) are not traced on their own', () => {
    const traces = new Map<string, ReceivedSpan[]>();
    for (const span of receiver.spans) traces.set(span.traceId, [...(traces.get(span.traceId) ?? []), span]);
    const roots = [...traces.values()].flatMap(rootsOf);

    expect(roots.some((root) => root.kind === 'server')).toBe(true);
    expect(roots.filter((root) => /^(prisma:|pg)/.test(root.name)).map((root) => root.name)).toEqual([]);
  });
});
