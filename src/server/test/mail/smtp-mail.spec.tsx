import { findFreePort } from '../../../database/embedded/free-port';
import { Mailer } from '../../../surface';
import { withEnvironment } from '../../../testing/environment/with-environment';
import { eventScenario } from '../../../testing/events/event-scenario';
import { CapturedLogger } from '../../../testing/logging/captured-logger';
import { type SmtpTestServer, startSmtpTestServer } from '../../../testing/mail/smtp-test-server';
import { resetWorkerSchema } from '../../../testing/reset-worker-schema';
import { startComponentTestServer, type TestServer } from '../../../testing/start-test-server';
import { SendMail } from '../../../platform/mail/send-mail.job';

// Mail through SMTP_URL to a real SMTP server (smtp-server on loopback) and
// through the platform's send-mail job, as production sends it. The apps of
// the two describes share this worker's job queue, so they run one after
// the other, never side by side.

const APP_URL = 'https://app.example.test';
const SMTP_PASSWORD = 'smtp-pass-7Qx9-never-logged';
/** What a password-reset mail carries: it must reach the mailbox and nothing else. */
const TOKEN = 'tok_9d1f0b6c2e4a48f7b3c5d9e1a2f60718';

function resetMail(to: string) {
  return {
    component: 'accounts',
    to: { name: 'Reader', address: to },
    subject: 'Reset your password',
    html: (
      <p>
        Choose a new password: <a href={`${APP_URL}/accounts/password-reset/new?token=${TOKEN}`}>reset it</a>
      </p>
    ),
    text: `Choose a new password: ${APP_URL}/accounts/password-reset/new?token=${TOKEN}`,
  };
}

describe('mail through a real SMTP server (SMTP_URL)', () => {
  let smtp: SmtpTestServer;
  let server: TestServer;
  const logger = new CapturedLogger();

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    server = await withEnvironment(
      { SMTP_URL: smtp.url({ user: 'mailer', password: SMTP_PASSWORD }), APP_URL, MAIL_FROM: 'Platform <no-reply@app.example.test>' },
      () => startComponentTestServer('accounts', { logger }),
    );
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
    smtp.delivered.length = 0;
    smtp.refuse(0, { code: 451, text: '' });
    smtp.refuseRecipients(0, () => ({ code: 550, text: '' }));
    logger.lines.length = 0;
  });

  it('delivers the message with its envelope, both parts and the X-Component header, signed in as SMTP_URL says', async () => {
    await server.app.get(Mailer).send(resetMail('reader-1@example.test'));
    expect(smtp.delivered).toHaveLength(0);

    const report = await eventScenario(server.app).runPendingJobs();

    expect(report).toEqual({ ran: 1, failed: 0, deadLettered: 0 });
    expect(smtp.delivered).toHaveLength(1);
    const [delivery] = smtp.delivered;
    expect(delivery.mailFrom).toBe('no-reply@app.example.test');
    expect(delivery.rcptTo).toEqual(['reader-1@example.test']);
    expect({ user: delivery.user, password: delivery.password }).toEqual({ user: 'mailer', password: SMTP_PASSWORD });
    const { message } = delivery;
    expect(message.subject).toBe('Reset your password');
    expect(message.from?.value).toEqual([{ name: 'Platform', address: 'no-reply@app.example.test' }]);
    expect(message.to && !Array.isArray(message.to) ? message.to.value : []).toEqual([
      { name: 'Reader', address: 'reader-1@example.test' },
    ]);
    expect(message.text?.trim()).toBe(`Choose a new password: ${APP_URL}/accounts/password-reset/new?token=${TOKEN}`);
    expect(message.html).toContain(`<a href="${APP_URL}/accounts/password-reset/new?token=${TOKEN}">reset it</a>`);
    expect(message.headers.get('x-component')).toBe('accounts');
    expect(message.messageId).toMatch(/^<mail-\d+@app\.example\.test>$/);
  });

  it('retries a message the server refused once with 451, and delivers it exactly once', async () => {
    smtp.refuse(1, { code: 451, text: '4.3.0 Mailbox busy, try again later' });
    await server.app.get(Mailer).send(resetMail('reader-2@example.test'));

    const first = await eventScenario(server.app).runPendingJobs();
    expect(first).toEqual({ ran: 0, failed: 1, deadLettered: 0 });
    expect(smtp.delivered).toHaveLength(0);

    const retried = await eventScenario(server.app).runPendingJobs({ includeRetries: true });

    expect(retried).toEqual({ ran: 1, failed: 0, deadLettered: 0 });
    expect(smtp.delivered.map((delivery) => delivery.rcptTo)).toEqual([['reader-2@example.test']]);
    expect(await eventScenario(server.app).deadLetters()).toEqual([]);
  });

  it('dead-letters a message the server always refuses after 10 attempts, keeping the reply, never dropping it', async () => {
    smtp.refuse(Number.MAX_SAFE_INTEGER, { code: 550, text: '5.7.1 Relaying denied for this sender' });
    await server.app.get(Mailer).send(resetMail('reader-3@example.test'));

    const report = await eventScenario(server.app).runPendingJobs({ includeRetries: true });

    expect(report).toEqual({ ran: 0, failed: SendMail.maxAttempts, deadLettered: 1 });
    expect(smtp.delivered).toHaveLength(0);
    const deadLetters = await eventScenario(server.app).deadLetters();
    expect(deadLetters).toEqual([
      expect.objectContaining({ task: SendMail.task, attempts: SendMail.maxAttempts, lastError: expect.any(String) }),
    ]);
    expect(deadLetters[0].lastError).toBe(
      `the SMTP server 127.0.0.1:${smtp.port} refused the message at DATA: 550 5.7.1 Relaying denied for this sender (a permanent refusal: check that the server lets this sender (MAIL_FROM) send to this recipient, and its log); the send-mail job retries it, 10 attempts in all (\`npm run jobs -- failed\` lists the messages that gave up)`,
    );
    expect(logger.text).toContain(`job ${deadLetters[0].id} (job platform/send-mail) failed 10 times and will not run again`);
  });

  it('keeps the recipient address out of the job error and every log line when the server refuses it at RCPT TO, keeping the rest of its reply', async () => {
    const recipient = 'unknown-reader-7@example.test';
    // Postfix's answer for an unknown mailbox, which echoes the address (once in brackets, once bare).
    smtp.refuseRecipients(Number.MAX_SAFE_INTEGER, (address) => ({
      code: 550,
      text: `5.1.1 <${address}>: Recipient address rejected: User unknown in local recipient table (${address})`,
    }));
    await server.app.get(Mailer).send(resetMail(recipient));

    const report = await eventScenario(server.app).runPendingJobs({ includeRetries: true });

    expect(report).toEqual({ ran: 0, failed: SendMail.maxAttempts, deadLettered: 1 });
    const [dead] = await eventScenario(server.app).deadLetters();
    expect(dead.lastError).toBe(
      `the SMTP server 127.0.0.1:${smtp.port} refused the message at RCPT TO: 550 5.1.1 <recipient>: Recipient address rejected: User unknown in local recipient table (<recipient>) (a permanent refusal: check that the server lets this sender (MAIL_FROM) send to this recipient, and its log); the send-mail job retries it, 10 attempts in all (\`npm run jobs -- failed\` lists the messages that gave up)`,
    );
    // The failure was logged (graphile-worker's line and the dead letter's), without the address.
    expect(logger.text).toContain(`job ${dead.id} (job platform/send-mail) failed 10 times and will not run again`);
    expect(logger.text).toContain('Recipient address rejected');
    for (const text of [logger.text, dead.lastError]) {
      expect(text).not.toContain(recipient);
      expect(text).not.toContain('unknown-reader-7');
    }
  });

  it('writes neither the SMTP password nor a token of the message into a log line or the job error of a failing run', async () => {
    smtp.refuse(Number.MAX_SAFE_INTEGER, { code: 451, text: '4.3.0 Try again later' });
    await server.app.get(Mailer).send(resetMail('reader-4@example.test'));

    await eventScenario(server.app).runPendingJobs({ includeRetries: true });

    const lastErrors = (await eventScenario(server.app).deadLetters()).map((dead) => dead.lastError).join('\n');
    // The run failed and said so, in the log and in the job: the checks below look at real failure text.
    expect(logger.text).toContain(`127.0.0.1:${smtp.port}`);
    expect(lastErrors).toContain('451 4.3.0 Try again later');
    for (const text of [logger.text, lastErrors]) {
      expect(text).not.toContain(SMTP_PASSWORD);
      expect(text).not.toContain(encodeURIComponent(SMTP_PASSWORD));
      expect(text).not.toContain(TOKEN);
    }
  });
});

describe('mail when the SMTP server cannot be reached', () => {
  let server: TestServer;
  let closedPort: number;

  beforeAll(async () => {
    // Nothing listens there: the operating system refuses the connection at once.
    closedPort = await findFreePort();
    server = await withEnvironment({ SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${closedPort}`, APP_URL }, () =>
      startComponentTestServer('accounts'),
    );
  });

  afterAll(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    await resetWorkerSchema(server.prisma);
  });

  it('retries, then dead-letters the message with an error naming the host and port it could not reach', async () => {
    await server.app.get(Mailer).send(resetMail('reader-5@example.test'));

    const first = await eventScenario(server.app).runPendingJobs();
    expect(first).toEqual({ ran: 0, failed: 1, deadLettered: 0 });
    const report = await eventScenario(server.app).runPendingJobs({ includeRetries: true });

    expect(report).toEqual({ ran: 0, failed: SendMail.maxAttempts - 1, deadLettered: 1 });
    const [dead] = await eventScenario(server.app).deadLetters();
    expect(dead.lastError).toMatch(
      new RegExp(
        `^cannot reach the SMTP server 127\\.0\\.0\\.1:${closedPort} \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${closedPort}\\); check SMTP_URL's host and port`,
      ),
    );
    expect(dead.lastError).not.toContain(SMTP_PASSWORD);
  });
});
