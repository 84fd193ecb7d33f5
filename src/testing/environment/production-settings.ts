/**
 * What NODE_ENV=production requires besides NODE_ENV, for a test server that
 * runs as production does: one CSRF secret shared by every instance
 * (src/security/csrf-secret.ts), an SMTP server and the address links in mail
 * point at (src/platform/mail/mail-settings.ts). These tests send no mail: the
 * SMTP_URL names a closed loopback port, so a message sent by mistake would
 * fail its job rather than leave the machine.
 */
export const PRODUCTION_SETTINGS = {
  NODE_ENV: 'production',
  CSRF_SECRET: 'a-test-secret-that-is-long-enough-for-production',
  SMTP_URL: 'smtp://127.0.0.1:1',
  APP_URL: 'https://app.example.test',
} as const satisfies Record<string, string>;
