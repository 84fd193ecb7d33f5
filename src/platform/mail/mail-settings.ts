import { join } from 'node:path';
import { ConfigurationError } from '../errors/configuration.error';
import { isProductionRuntime } from '../environment/runtime-environment';

/** How this process sends mail, from the environment (docs/operations.md, "Mail"). */
export interface MailSettings {
  /** `smtp`: SMTP_URL through nodemailer. `file`: one `.eml` file per message in `directory` (development and tests). */
  transport: { kind: 'smtp'; url: string } | { kind: 'file'; directory: string };
  /** The From header: MAIL_FROM. */
  from: string;
  /** The absolute base of every link in a mail: APP_URL, without a trailing slash. */
  appUrl: string;
}

/** Injection token of this process's MailSettings. */
export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');

/**
 * Where the file transport writes: MAIL_DIR, else `.data/dev/mail/` for the
 * app and `.data/test/mail/<DATABASE_SCHEMA>/` in tests (one folder per Jest
 * worker's schema, so parallel test files never read each other's mail).
 */
function mailDirectory(env: NodeJS.ProcessEnv): string {
  if (env.MAIL_DIR) return env.MAIL_DIR;
  if (env.NODE_ENV === 'test') return join(process.cwd(), '.data', 'test', 'mail', env.DATABASE_SCHEMA || 'public');
  return join(process.cwd(), '.data', 'dev', 'mail');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `value` parsed; SMTP_URL's value is never repeated in the message: it may hold the SMTP password. */
function absoluteUrl(value: string, variable: string, example: string, { secret = false } = {}): URL {
  try {
    return new URL(value);
  } catch {
    const shown = secret ? '' : `="${value}"`;
    const encoding = secret ? ' (percent-encode @, : and / in the user name and password)' : '';
    throw new ConfigurationError(`${variable}${shown} is not an absolute URL; set it like ${example}${encoding}`);
  }
}

/**
 * SMTP_URL, MAIL_FROM, APP_URL, MAIL_DIR. In production SMTP_URL and APP_URL
 * are required: a production app must not write mail to its disk, and links
 * in mail must never be built from a request's Host header (anyone can send
 * one, and a password-reset link pointing at their host would leak the token).
 */
export function readMailSettings(env: NodeJS.ProcessEnv): MailSettings {
  const production = isProductionRuntime(env);
  const smtpUrl = env.SMTP_URL || undefined;
  if (production && !smtpUrl) {
    throw new ConfigurationError(
      'SMTP_URL is not set, and NODE_ENV=production sends mail only through SMTP (password resets, address verification); set SMTP_URL, e.g. smtps://user:password@smtp.example.com:465 (docs/operations.md, "Mail")',
    );
  }
  if (smtpUrl) {
    const protocol = absoluteUrl(smtpUrl, 'SMTP_URL', 'smtps://user:password@smtp.example.com:465', { secret: true }).protocol;
    if (protocol !== 'smtp:' && protocol !== 'smtps:') {
      throw new ConfigurationError(
        `SMTP_URL must start with smtp:// or smtps://, not ${protocol}//; e.g. smtps://user:password@smtp.example.com:465`,
      );
    }
    if (!new URL(smtpUrl).hostname) {
      throw new ConfigurationError('SMTP_URL names no host; set it like smtps://user:password@smtp.example.com:465');
    }
  }
  const appUrlSetting = env.APP_URL || undefined;
  if (production && !appUrlSetting) {
    throw new ConfigurationError(
      'APP_URL is not set, and NODE_ENV=production needs it to build the links in mail (password reset, verification); set APP_URL to the address people open, e.g. https://app.example.com',
    );
  }
  const appUrl = appUrlSetting ?? `http://localhost:${env.PORT || 3000}`;
  const parsed = absoluteUrl(appUrl, 'APP_URL', 'https://app.example.com');
  // Production links travel over HTTPS (they carry tokens), except to this machine itself, as browsers allow Secure cookies there.
  const plainHttpAllowed = !production || LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && plainHttpAllowed)) {
    throw new ConfigurationError(
      `APP_URL must start with https:// (http:// only outside production or on localhost), not ${parsed.protocol}//: links in mail carry tokens; e.g. https://app.example.com`,
    );
  }
  return {
    transport: smtpUrl ? { kind: 'smtp', url: smtpUrl } : { kind: 'file', directory: mailDirectory(env) },
    from: env.MAIL_FROM || `Component Platform <no-reply@${parsed.hostname}>`,
    appUrl: appUrl.replace(/\/+$/, ''),
  };
}
