import { createTransport } from 'nodemailer';
import { smtpOptions } from './mail-transport';

/** What nodemailer's SMTP transport ends up using: its options merged with the URL's. */
const effectiveRequireTls = (url: string) =>
  (createTransport(smtpOptions(url)) as unknown as { transporter: { options: { requireTLS?: boolean } } }).transporter.options.requireTLS;

describe('the SMTP options built from SMTP_URL', () => {
  it('require STARTTLS for smtp:// to another machine, so the password never crosses the network in clear text', () => {
    expect(smtpOptions('smtp://user:secret@smtp.example.com:587').requireTLS).toBe(true);
    expect(smtpOptions('smtp://10.0.0.5:25').requireTLS).toBe(true);
  });

  it('do not require STARTTLS on this machine, for smtps:// (TLS from the first byte) or when the URL opts out', () => {
    expect(smtpOptions('smtp://127.0.0.1:2525').requireTLS).toBe(false);
    expect(smtpOptions('smtp://localhost:1025').requireTLS).toBe(false);
    expect(smtpOptions('smtp://[::1]:1025').requireTLS).toBe(false);
    expect(smtpOptions('smtps://smtp.example.com:465').requireTLS).toBe(false);
    expect(effectiveRequireTls('smtp://mailpit:1025?requireTLS=false')).toBe(false);
    expect(effectiveRequireTls('smtp://mailpit:1025')).toBe(true);
  });
});
