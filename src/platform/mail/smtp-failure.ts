import { MailDeliveryError } from '../errors/mail-delivery.error';
import { SendMail } from './send-mail.job';

/** What nodemailer puts on the errors it throws (nodemailer 10.6: lib/smtp-connection). */
interface NodemailerError {
  message?: string;
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
}

/** Where SMTP_URL points, as `host:port` (nodemailer's default port: 465 for smtps://, 587 for smtp://). */
export function smtpServerOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587')}`;
}

/** The user name of SMTP_URL, for a refused sign-in; never the password. */
function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `<user@example.com>`, and a bare `user@example.com` (its trailing dot, if any, is the sentence's). */
const ANGLED_ADDRESS = /<[^<>\s]*@[^<>\s]*>/g;
const BARE_ADDRESS = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]*[^\s<>"'(),;:@.]/g;

/**
 * The server's text without the e-mail addresses it echoes (Postfix:
 * `550 5.1.1 <user@example.com>: Recipient address rejected`): they are
 * personal data, and the text goes to the job's last_error, the logs, the
 * job span and the jobs CLI. The code and the rest stay, for the operator.
 * A refusal at MAIL FROM names the sender (MAIL_FROM), any other the recipient.
 */
function withoutAddresses(text: string, command: string | undefined): string {
  const placeholder = command === 'MAIL FROM' ? '<sender>' : '<recipient>';
  return text.replace(ANGLED_ADDRESS, placeholder).replace(BARE_ADDRESS, placeholder);
}

const RETRIES = `the send-mail job retries it, ${SendMail.maxAttempts} attempts in all (\`npm run jobs -- failed\` lists the messages that gave up)`;

/**
 * nodemailer's error turned into one line an operator can act on: which
 * server, what it answered (its reply, not ours, with the addresses it
 * echoes replaced: no address or content of the message), and what to check. The caller's error is not kept as the
 * cause, so nothing else of it reaches the job's last_error or a log.
 */
export function smtpFailure(error: unknown, url: string): MailDeliveryError {
  const server = smtpServerOf(url);
  const failure: NodemailerError = typeof error === 'object' && error !== null ? error : { message: String(error) };
  // The sign-in comes before MAIL FROM and RCPT TO: its reply names no recipient, and may name SMTP_URL's user.
  const scrub = (text: string) => (failure.code === 'EAUTH' ? text : withoutAddresses(text, failure.command));
  const reply = failure.response ? scrub(oneLine(failure.response)) : undefined;
  const detail = scrub(oneLine(failure.message ?? String(error)));
  if (failure.code === 'EAUTH') {
    return new MailDeliveryError(
      `the SMTP server ${server} refused the sign-in of user "${userOf(url)}" (${reply ?? detail}); check the user name and password in SMTP_URL; ${RETRIES}`,
    );
  }
  if (reply) {
    const at = failure.command ? ` at ${failure.command}` : '';
    const advice =
      failure.responseCode !== undefined && failure.responseCode >= 500
        ? 'a permanent refusal: check that the server lets this sender (MAIL_FROM) send to this recipient, and its log'
        : 'a temporary refusal';
    return new MailDeliveryError(`the SMTP server ${server} refused the message${at}: ${reply} (${advice}); ${RETRIES}`);
  }
  if (/SSL|TLS|wrong version number|certificate/i.test(detail)) {
    return new MailDeliveryError(
      `TLS with the SMTP server ${server} failed (${detail}); smtps:// speaks TLS from the first byte (usually port 465), smtp:// upgrades with STARTTLS (ports 587 and 25): check SMTP_URL's scheme and port; ${RETRIES}`,
    );
  }
  if (failure.code === 'ETIMEDOUT') {
    return new MailDeliveryError(
      `the SMTP server ${server} did not answer in time (${detail}); check SMTP_URL's host and port and that a firewall lets this machine reach it; ${RETRIES}`,
    );
  }
  if (failure.code === 'ESOCKET' || failure.code === 'ECONNECTION' || failure.code === 'EDNS') {
    return new MailDeliveryError(
      `cannot reach the SMTP server ${server} (${detail}); check SMTP_URL's host and port and that the server is running; ${RETRIES}`,
    );
  }
  return new MailDeliveryError(`sending through the SMTP server ${server} failed (${failure.code ?? 'no code'}: ${detail}); ${RETRIES}`);
}
