import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/** A message of the file transport's folder, as /dev/mail lists it. */
export interface MailFileSummary {
  file: string;
  date: Date | undefined;
  to: string;
  subject: string;
  text: string;
}

/**
 * The names the file transport gives (`2026-12-07T14-03-11-123Z-mail-12localhost.eml`):
 * letters, digits, `-`, `_` and `.`, starting with a letter or digit. Anything else
 * (`..`, `/`, `\`, a NUL, a hidden temporary `.x.eml.tmp`) is no message of the folder.
 */
const MAIL_FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.eml$/;

export function isMailFileName(name: string): boolean {
  return MAIL_FILE.test(name) && !name.includes('..');
}

/** The .eml files of `directory`, newest first (their names start with the time they were written). */
export async function mailFileNames(directory: string): Promise<string[]> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter(isMailFileName).sort().reverse();
}

/** The raw text of one message of the folder, or undefined when `name` is not one of its messages. */
export async function readMailFileText(directory: string, name: string): Promise<string | undefined> {
  // Only a name the folder lists is read: no path is ever built from what the request said.
  if (!isMailFileName(name) || !(await mailFileNames(directory)).includes(name)) return undefined;
  return readFile(join(directory, name), 'utf8').catch(() => undefined);
}

/** The messages `names` of `directory`, parsed. */
export async function summariseMailFiles(directory: string, names: string[]): Promise<MailFileSummary[]> {
  return Promise.all(
    names.map(async (file) => {
      try {
        const parsed = await simpleParser(await readFile(join(directory, file)));
        const to = Array.isArray(parsed.to) ? parsed.to.map((address) => address.text).join(', ') : (parsed.to?.text ?? '');
        return { file, date: parsed.date, to, subject: parsed.subject ?? '', text: parsed.text ?? '' };
      } catch (error) {
        // Removed since the listing (the 500-file retention), or not a message: the page still shows the others.
        return {
          file,
          date: undefined,
          to: '',
          subject: '(unreadable file)',
          text: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
}
