import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { type AddressObject, simpleParser } from 'mailparser';
import { MAIL_SETTINGS, type MailSettings } from '../../platform/mail/mail-settings';

/** A message the file transport wrote, parsed as a mail client would. */
export interface ReceivedMail {
  file: string;
  from: string;
  /** The recipient's address (lower case). */
  to: string;
  /** The recipient's name in the `To` header, '' when it has none. */
  toName: string;
  subject: string;
  text: string;
  html: string;
  /** Every http(s) link of the plain-text part, in order. */
  links: string[];
  headers: Map<string, unknown>;
  /** The raw .eml text. */
  raw: string;
}

export interface Mailbox {
  /** Every message in this test server's mail folder, oldest first. */
  all(): Promise<ReceivedMail[]>;
  /** The messages to `address`, oldest first. */
  to(address: string): Promise<ReceivedMail[]>;
  /** The newest message to `address`; fails the test, listing what there is, when there is none. */
  latestTo(address: string): Promise<ReceivedMail>;
}

const LINK = /https?:\/\/[^\s<>"]+/g;

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(field) ? field[0] : field)?.value[0];
}

/** Parses one .eml file. */
export async function readMailFile(path: string): Promise<ReceivedMail> {
  const raw = await readFile(path, 'utf8');
  const parsed = await simpleParser(raw);
  const text = parsed.text ?? '';
  return {
    file: path,
    from: parsed.from?.text ?? '',
    to: (firstAddress(parsed.to)?.address ?? '').toLowerCase(),
    toName: firstAddress(parsed.to)?.name ?? '',
    subject: parsed.subject ?? '',
    text,
    html: typeof parsed.html === 'string' ? parsed.html : '',
    links: text.match(LINK) ?? [],
    headers: parsed.headers,
    raw,
  };
}

/**
 * The mail a test app wrote with the file transport (its MAIL_SETTINGS
 * folder). The platform sends mail as a job: with a test server in
 * `jobs: 'manual'` mode, run `eventScenario(app).runPendingJobs()` first.
 */
export function mailbox(app: INestApplication): Mailbox {
  const settings = app.get<MailSettings>(MAIL_SETTINGS);
  if (settings.transport.kind !== 'file')
    throw new Error('mailbox(app): this app sends mail through SMTP_URL, not to files; unset SMTP_URL for the test');
  const directory = settings.transport.directory;
  const all = async () => {
    const files = await readdir(directory).catch(() => [] as string[]);
    return Promise.all(
      files
        .filter((file) => file.endsWith('.eml'))
        .sort()
        .map((file) => readMailFile(join(directory, file))),
    );
  };
  const to = async (address: string) => (await all()).filter((mail) => mail.to === address.toLowerCase());
  return {
    all,
    to,
    async latestTo(address) {
      const messages = await to(address);
      if (messages.length === 0) {
        const seen = (await all()).map((mail) => `${mail.to}: ${mail.subject}`);
        throw new Error(`no mail to ${address} in ${directory}; there are ${seen.length}: ${seen.slice(-10).join(' | ')}`);
      }
      return messages[messages.length - 1];
    },
  };
}

/** A link of a mail, as a path and query to request on the test server (the link itself points at APP_URL). */
export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}
