import { join } from 'node:path';
import { ConfigurationError } from '../errors/configuration.error';
import { readMailSettings } from './mail-settings';

const PRODUCTION = { NODE_ENV: 'production', SMTP_URL: 'smtps://mailer:s3cret@smtp.example.com:465', APP_URL: 'https://app.example.com' };

/** The ConfigurationError readMailSettings throws for `env`, as the operator reads it. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    readMailSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`readMailSettings accepted ${JSON.stringify(env)}`);
}

describe('readMailSettings', () => {
  it('writes mail to .data/dev/mail/ by default, with links and the sender on localhost', () => {
    expect(readMailSettings({})).toEqual({
      transport: { kind: 'file', directory: join(process.cwd(), '.data', 'dev', 'mail') },
      from: 'Component Platform <no-reply@localhost>',
      appUrl: 'http://localhost:3000',
    });
    expect(readMailSettings({ PORT: '4100' }).appUrl).toBe('http://localhost:4100');
  });

  it('gives each test schema a mail folder of its own, and MAIL_DIR overrides both', () => {
    expect(readMailSettings({ NODE_ENV: 'test', DATABASE_SCHEMA: 'test_3' }).transport).toEqual({
      kind: 'file',
      directory: join(process.cwd(), '.data', 'test', 'mail', 'test_3'),
    });
    expect(readMailSettings({ NODE_ENV: 'test', MAIL_DIR: '/srv/mail' }).transport).toEqual({ kind: 'file', directory: '/srv/mail' });
  });

  it('sends through SMTP_URL in production, from MAIL_FROM or no-reply at APP_URL, with APP_URL as link base', () => {
    expect(readMailSettings(PRODUCTION)).toEqual({
      transport: { kind: 'smtp', url: PRODUCTION.SMTP_URL },
      from: 'Component Platform <no-reply@app.example.com>',
      appUrl: 'https://app.example.com',
    });
    expect(readMailSettings({ ...PRODUCTION, MAIL_FROM: 'Team <team@example.com>', APP_URL: 'https://example.com/app/' })).toMatchObject({
      from: 'Team <team@example.com>',
      appUrl: 'https://example.com/app',
    });
  });

  it('refuses production without SMTP_URL, naming the setting and an example', () => {
    expect(refusal({ ...PRODUCTION, SMTP_URL: '' })).toBe(
      'SMTP_URL is not set, and NODE_ENV=production sends mail only through SMTP (password resets, address verification); set SMTP_URL, e.g. smtps://user:password@smtp.example.com:465 (docs/operations.md, "Mail")',
    );
    expect(refusal({ NODE_ENV: 'production', APP_URL: PRODUCTION.APP_URL })).toMatch(/^SMTP_URL is not set/);
  });

  it('refuses production without APP_URL, so no link is ever built from a Host header', () => {
    expect(refusal({ NODE_ENV: 'production', SMTP_URL: PRODUCTION.SMTP_URL })).toBe(
      'APP_URL is not set, and NODE_ENV=production needs it to build the links in mail (password reset, verification); set APP_URL to the address people open, e.g. https://app.example.com',
    );
  });

  it('refuses an SMTP_URL that is no URL without repeating it, since it may hold the password', () => {
    const message = refusal({ SMTP_URL: 'smtps://mailer:s3/cret@smtp.example.com' });
    expect(message).toBe(
      'SMTP_URL is not an absolute URL; set it like smtps://user:password@smtp.example.com:465 (percent-encode @, : and / in the user name and password)',
    );
    expect(message).not.toContain('s3/cret');
  });

  it('refuses an SMTP_URL of another scheme, or without a host', () => {
    expect(refusal({ SMTP_URL: 'https://mailer:s3cret@smtp.example.com' })).toBe(
      'SMTP_URL must start with smtp:// or smtps://, not https://; e.g. smtps://user:password@smtp.example.com:465',
    );
    expect(refusal({ SMTP_URL: 'smtp://' })).toBe('SMTP_URL names no host; set it like smtps://user:password@smtp.example.com:465');
  });

  it('refuses an APP_URL that is no absolute URL, or plain http:// to another machine in production', () => {
    expect(refusal({ APP_URL: 'app.example.com' })).toBe(
      'APP_URL="app.example.com" is not an absolute URL; set it like https://app.example.com',
    );
    expect(refusal({ APP_URL: 'ftp://app.example.com' })).toBe(
      'APP_URL must start with https:// (http:// only outside production or on localhost), not ftp://: links in mail carry tokens; e.g. https://app.example.com',
    );
    expect(refusal({ ...PRODUCTION, APP_URL: 'http://app.example.com' })).toMatch(/^APP_URL must start with https:\/\/ .* not http:\/\//);
    expect(readMailSettings({ APP_URL: 'http://192.168.1.20:3000' }).appUrl).toBe('http://192.168.1.20:3000');
    expect(readMailSettings({ ...PRODUCTION, APP_URL: 'http://localhost:3000' }).appUrl).toBe('http://localhost:3000');
  });
});
