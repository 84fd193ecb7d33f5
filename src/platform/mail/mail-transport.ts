import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { RenderedMail } from './mail-message';
import type { MailSettings } from './mail-settings';
import { smtpFailure } from './smtp-failure';

/** Sends one rendered message; throws when it was not accepted (the job then retries). */
export interface MailTransport {
  send(mail: RenderedMail, messageId: string): Promise<void>;
  close(): void;
}

/** Injection token of this process's MailTransport. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** The file transport keeps this many messages; older files are removed as new ones arrive. */
export const KEPT_MAIL_FILES = 500;

function envelopeOf(mail: RenderedMail, messageId: string): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId,
    headers: { 'X-Component': mail.component },
  };
}

/**
 * How long one attempt may wait on the SMTP server (nodemailer's defaults are
 * 2 minutes to connect and 10 minutes of silence): a hung server fails the
 * attempt, and the job's retries take over.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * nodemailer's options for SMTP_URL. `smtp://` to any host but this machine
 * must upgrade with STARTTLS (`requireTLS`): without it nodemailer sends the
 * password and the message in clear text whenever the server does not offer
 * STARTTLS, which anyone on the path can arrange by stripping the offer.
 * `?requireTLS=false` in SMTP_URL opts out (a mail catcher on a private
 * network); the URL's options win over these.
 */
export function smtpOptions(url: string): { url: string; requireTLS: boolean } & typeof SMTP_TIMEOUTS {
  const parsed = new URL(url);
  return { url, requireTLS: parsed.protocol === 'smtp:' && !LOOPBACK_HOSTS.test(parsed.hostname), ...SMTP_TIMEOUTS };
}

/**
 * SMTP through nodemailer: a new connection per message (no pool to go stale
 * between rare mails). A failure becomes a MailDeliveryError naming the
 * server and its reply (smtp-failure.ts).
 */
function smtpTransport(url: string): MailTransport {
  const transporter = createTransport(smtpOptions(url));
  return {
    async send(mail, messageId) {
      try {
        await transporter.sendMail(envelopeOf(mail, messageId));
      } catch (error) {
        throw smtpFailure(error, url);
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * One RFC 5322 `.eml` file per message (CRLF line ends), named so that names
 * sort by time: `2026-12-07T14-03-11-123Z-<job id>.eml`. Written to a
 * temporary name and renamed, so a reader never sees half a message.
 */
function fileTransport(directory: string): MailTransport {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail, messageId) {
      const info = (await composer.sendMail(envelopeOf(mail, messageId))) as { message: Buffer };
      await mkdir(directory, { recursive: true });
      const id = messageId.replace(/[^\w.-]+/g, '');
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`;
      const temporary = join(directory, `.${name}.tmp`);
      await writeFile(temporary, info.message);
      await rename(temporary, join(directory, name));
      const files = (await readdir(directory)).filter((file) => file.endsWith('.eml')).sort();
      await Promise.all(
        files.slice(0, Math.max(0, files.length - KEPT_MAIL_FILES)).map((file) => rm(join(directory, file), { force: true })),
      );
    },
    close: () => undefined,
  };
}

export function createMailTransport(settings: MailSettings): MailTransport {
  return settings.transport.kind === 'smtp' ? smtpTransport(settings.transport.url) : fileTransport(settings.transport.directory);
}
