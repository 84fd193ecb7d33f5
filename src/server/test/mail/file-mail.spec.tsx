import { rm } from 'node:fs/promises';
import { Mailer } from '../../../surface';
import { eventScenario } from '../../../testing/events/event-scenario';
import { mailbox } from '../../../testing/mail/mailbox';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { startComponentTestServer, type TestServer } from '../../../testing/start-test-server';
import { MAIL_SETTINGS, type MailSettings } from '../../../platform/mail/mail-settings';

let server: TestServer;
let mailer: Mailer;

beforeAll(async () => {
  server = await startComponentTestServer('accounts');
  mailer = server.app.get(Mailer);
  const settings = server.app.get<MailSettings>(MAIL_SETTINGS);
  if (settings.transport.kind === 'file') await rm(settings.transport.directory, { recursive: true, force: true });
});

afterAll(async () => {
  await server?.close();
});

beforeEach(async () => {
  await resetWorkerSchema(server.prisma);
});

const hostileName = '<img src=x onerror="alert(1)"> & Co';

describe('mail through the file transport', () => {
  it('writes nothing until the send-mail job runs, then one .eml file with both parts', async () => {
    const to = 'reader-1@example.test';
    await mailer.send({
      component: 'accounts',
      to: { name: 'Reader One', address: to },
      subject: 'Your weekly figures',
      html: <p>Hello, the figures are in.</p>,
      text: 'Hello, the figures are in.',
    });
    expect(await mailbox(server.app).to(to)).toHaveLength(0);

    const report = await eventScenario(server.app).runPendingJobs();

    expect(report.failed).toBe(0);
    const mail = await mailbox(server.app).latestTo(to);
    expect(mail.subject).toBe('Your weekly figures');
    expect(mail.text.trim()).toBe('Hello, the figures are in.');
    expect(mail.html).toContain('<p>Hello, the figures are in.</p>');
    expect(mail.headers.get('x-component')).toBe('accounts');
    expect(mail.headers.get('message-id')).toMatch(/^<mail-\d+@localhost>$/);
    expect(mail.raw).toMatch(/\r\n/);
    expect(mail.raw.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('escapes markup in values of the HTML part, as pages do', async () => {
    const to = 'reader-2@example.test';
    await mailer.send({
      component: 'accounts',
      to,
      subject: 'Hello',
      html: <p>Welcome, {hostileName}.</p>,
      text: `Welcome, ${hostileName}.`,
    });
    await eventScenario(server.app).runPendingJobs();

    const mail = await mailbox(server.app).latestTo(to);
    expect(mail.html).toContain('Welcome, &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co.');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).toContain(`Welcome, ${hostileName}.`);
  });

  it('sends nothing when the transaction it was queued in rolls back', async () => {
    const to = 'reader-3@example.test';
    await expect(
      server.prisma.$transaction(async (tx) => {
        await mailer.send({ component: 'accounts', to, subject: 'Never', html: <p>Never</p>, text: 'Never' }, { tx });
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    await eventScenario(server.app).runPendingJobs();

    expect(await mailbox(server.app).to(to)).toHaveLength(0);
  });

  it('builds links on APP_URL, never on a relative or protocol-relative path', () => {
    expect(mailer.link('/accounts/verify-email', { token: 'a b' })).toBe('http://localhost:3000/accounts/verify-email?token=a+b');
    expect(() => mailer.link('//evil.example/x')).toThrow('give a path on this app that starts with a single /');
  });
});
