import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAIL_SETTINGS, type MailSettings } from '../../../platform/mail/mail-settings';
import { Mailer } from '../../../surface';
import { PRODUCTION_SETTINGS } from '../../../testing/environment/production-settings';
import { withEnvironment } from '../../../testing/environment/with-environment';
import { eventScenario } from '../../../testing/events/event-scenario';
import { sendRawHttp } from '../../../testing/http/raw-http';
import { mailbox } from '../../../testing/mail/mailbox';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { startComponentTestServer, type TestServer } from '../../../testing/start-test-server';

// /dev/mail over real HTTP: in development it lists the file transport's
// messages and serves each raw; with SMTP_URL it keeps nothing; in
// production it does not exist. The three servers share this worker's job
// queue, so they run one after the other.

/** A message as the file transport writes it (CRLF), for tests that need files of known names and times. */
function eml({ subject, to, date, text }: { subject: string; to: string; date: string; text: string }): string {
  return [
    'From: Component Platform <no-reply@localhost>',
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    'Message-ID: <mail-1@localhost>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 7bit',
    '',
    text,
    '',
  ].join('\r\n');
}

describe('/dev/mail in development', () => {
  let server: TestServer;
  let directory: string;

  beforeAll(async () => {
    server = await startComponentTestServer('accounts');
    const settings = server.app.get<MailSettings>(MAIL_SETTINGS);
    if (settings.transport.kind !== 'file') throw new Error('this test needs the file transport: unset SMTP_URL');
    directory = settings.transport.directory;
  });

  afterAll(async () => {
    await server?.close();
    await rm(join(dirname(directory), 'outside.eml'), { force: true });
  });

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    await rm(directory, { recursive: true, force: true });
  });

  it('lists a message the app sent, with its date, recipient, subject, and its links clickable and escaped', async () => {
    const link = server.app.get(Mailer).link('/accounts/password-reset/new', { token: 'abc-123' });
    await server.app.get(Mailer).send({
      component: 'accounts',
      to: 'reader@example.test',
      subject: 'Reset <b>your</b> password',
      html: <p>unused here</p>,
      text: `Hello <script>alert(1)</script>,\nchoose a new password: ${link}\nor ignore this mail.`,
    });
    await eventScenario(server.app).runPendingJobs();
    const [sent] = await mailbox(server.app).all();

    const response = await fetch(`${server.baseUrl}/dev/mail`);
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page).toContain('Reset &lt;b&gt;your&lt;/b&gt; password');
    expect(page).toContain('to reader@example.test');
    expect(page).toMatch(/<time dateTime="\d{4}-\d\d-\d\dT[\d:.]+Z">/);
    expect(page).toContain(
      `<a href="http://localhost:3000/accounts/password-reset/new?token=abc-123">http://localhost:3000/accounts/password-reset/new?token=abc-123</a>`,
    );
    expect(page).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(page).not.toContain('<script>alert(1)');
    const file = sent.file.slice(directory.length + 1);
    expect(page).toContain(`<a href="/dev/mail/${file}">${file}</a>`);
  });

  it('lists messages newest first, by the time in their file names', async () => {
    await mkdir(directory, { recursive: true });
    const days = ['2026-01-02', '2026-01-03', '2026-01-01'];
    for (const day of days) {
      await writeFile(
        join(directory, `${day}T10-00-00-000Z-mail-${day}.eml`),
        eml({ subject: `Mail of ${day}`, to: 'reader@example.test', date: `${day}T10:00:00Z`, text: 'Hello.' }),
      );
    }

    const page = await (await fetch(`${server.baseUrl}/dev/mail`)).text();

    const subjects = [...page.matchAll(/Mail of (\d{4}-\d\d-\d\d)/g)].map((match) => match[1]);
    expect(subjects).toEqual(['2026-01-03', '2026-01-02', '2026-01-01']);
  });

  it('says there is no mail yet when the folder is empty or missing', async () => {
    const page = await (await fetch(`${server.baseUrl}/dev/mail`)).text();

    expect(page).toContain('No mail yet.');
  });

  it('serves a message raw, as text/plain, byte for byte', async () => {
    await mkdir(directory, { recursive: true });
    const name = '2026-01-01T10-00-00-000Z-mail-7localhost.eml';
    const content = eml({ subject: 'Raw', to: 'reader@example.test', date: '2026-01-01T10:00:00Z', text: '<b>not html</b>' });
    await writeFile(join(directory, name), content);

    const response = await fetch(`${server.baseUrl}/dev/mail/${name}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(content);
  });

  it('refuses every name that is not a message of the folder: ../ and its encodings, other files, hidden temporary files', async () => {
    await mkdir(directory, { recursive: true });
    const secret = 'outside the mail folder: must not be served';
    await writeFile(join(dirname(directory), 'outside.eml'), secret);
    await writeFile(join(directory, 'notes.txt'), secret);
    await writeFile(join(directory, '.2026-01-01T10-00-00-000Z-mail-1.eml.tmp'), secret);
    const requested = [
      '/dev/mail/..%2Foutside.eml',
      '/dev/mail/%2e%2e%2Foutside.eml',
      '/dev/mail/%2E%2E%2foutside.eml',
      '/dev/mail/..%5Coutside.eml',
      '/dev/mail/%252e%252e%252Foutside.eml',
      '/dev/mail/..%2F..%2F..%2F..%2Fpackage.json',
      '/dev/mail/notes.txt',
      '/dev/mail/.2026-01-01T10-00-00-000Z-mail-1.eml.tmp',
      '/dev/mail/missing.eml',
      '/dev/mail/a.eml%00.txt',
    ];
    for (const path of requested) {
      const response = await fetch(`${server.baseUrl}${path}`);
      const body = await response.text();
      expect({ path, status: response.status, leaked: body.includes(secret) || body.includes('"name"') }).toEqual({
        path,
        status: 404,
        leaked: false,
      });
    }
    // Unencoded, as no browser sends it (fetch would resolve the dots first).
    for (const path of ['/dev/mail/../outside.eml', '/dev/mail/../../../../package.json']) {
      const { status, response } = await sendRawHttp(
        server.baseUrl,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
      expect({ path, status, leaked: response.includes(secret) || response.includes('"name"') }).toEqual({
        path,
        status: 404,
        leaked: false,
      });
    }
  });
});

describe('/dev/mail when mail goes through SMTP_URL', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await withEnvironment({ SMTP_URL: 'smtp://mailer:smtp-secret-pass@127.0.0.1:2525' }, () =>
      startComponentTestServer('accounts'),
    );
  });

  afterAll(async () => {
    await server?.close();
  });

  it('says mail goes through the SMTP server, names it without its password, and lists nothing', async () => {
    const response = await fetch(`${server.baseUrl}/dev/mail`);
    const page = await response.text();

    expect(response.status).toBe(200);
    expect(page).toContain('This app sends mail through the SMTP server 127.0.0.1:2525 (SMTP_URL), so no message is kept here.');
    expect(page).not.toContain('smtp-secret-pass');
    expect(page).not.toContain('class="card"');
  });
});

describe('/dev/mail in production', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await withEnvironment(PRODUCTION_SETTINGS, () => startComponentTestServer('accounts'));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers 404 exactly as an address nothing serves, for the list and for a file', async () => {
    const unknown = await fetch(`${server.baseUrl}/dev/nothing-here`);
    const unknownPage = await unknown.text();

    for (const path of ['/dev/mail', '/dev/mail/2026-01-01T10-00-00-000Z-mail-1localhost.eml']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
      expect(await response.text()).toBe(unknownPage);
    }
    expect(unknown.status).toBe(404);
  });
});
