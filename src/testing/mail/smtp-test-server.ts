import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the test SMTP server accepted: the SMTP envelope and the message, parsed as a mail client would. */
export interface SmtpDelivery {
  /** MAIL FROM. */
  mailFrom: string;
  /** RCPT TO, in order. */
  rcptTo: string[];
  /** The user the client signed in as (AUTH), if it did. */
  user: string | undefined;
  /** The password the client signed in with, to check it was the one of SMTP_URL. */
  password: string | undefined;
  message: ParsedMail;
  raw: string;
}

export interface SmtpTestServer {
  /** smtp://[user:password@]127.0.0.1:<port> */
  url(credentials?: { user: string; password: string }): string;
  readonly port: number;
  /** The messages accepted, oldest first. */
  readonly delivered: SmtpDelivery[];
  /** How many times a client sent a whole message (DATA), accepted or refused. */
  readonly attempts: number;
  /** Answer the next `times` messages (at the end of DATA) with `reply` (a 4xx or 5xx code and its text), then accept again. */
  refuse(times: number, reply: { code: number; text: string }): void;
  /**
   * Answer RCPT TO of the next `times` recipients with `reply(address)`, as
   * Postfix does (`550 5.1.1 <user@example.com>: Recipient address rejected`),
   * then accept again.
   */
  refuseRecipients(times: number, reply: (address: string) => { code: number; text: string }): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the smtp-server package) on a free loopback port,
 * plain text (no TLS, no STARTTLS), any sign-in accepted: what the SMTP
 * transport talks to in tests. It keeps what it accepted and refuses on
 * demand, so a test sees retries and dead letters against real replies.
 */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const delivered: SmtpDelivery[] = [];
  const credentials = new Map<string, { user: string; password: string }>();
  let attempts = 0;
  let refusals = { left: 0, reply: { code: 451, text: '' } };
  let recipientRefusals: { left: number; reply: (address: string) => { code: number; text: string } } = {
    left: 0,
    reply: () => ({ code: 550, text: '' }),
  };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A stuck client must not hold the test: smtp-server closes it after this long.
    socketTimeout: 10_000,
    onAuth(auth, session, callback) {
      credentials.set(session.id, { user: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (recipientRefusals.left > 0) {
        recipientRefusals.left -= 1;
        const reply = recipientRefusals.reply(address.address);
        callback(Object.assign(new Error(reply.text), { responseCode: reply.code }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        attempts += 1;
        if (refusals.left > 0) {
          refusals.left -= 1;
          callback(Object.assign(new Error(refusals.reply.text), { responseCode: refusals.reply.code }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (message) => {
            const signedIn = credentials.get(session.id);
            delivered.push({
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              rcptTo: session.envelope.rcptTo.map((to) => to.address),
              user: signedIn?.user,
              password: signedIn?.password,
              message,
              raw,
            });
            callback(null, 'queued');
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: (signIn) =>
      `smtp://${signIn ? `${encodeURIComponent(signIn.user)}:${encodeURIComponent(signIn.password)}@` : ''}127.0.0.1:${port}`,
    port,
    delivered,
    get attempts() {
      return attempts;
    },
    refuse(times, reply) {
      refusals = { left: times, reply };
    },
    refuseRecipients(times, reply) {
      recipientRefusals = { left: times, reply };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
