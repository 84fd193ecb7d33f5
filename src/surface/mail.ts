// Mail (docs/guides/mail.md): compose a message with a plain-text and an HTML
// part (JSX, escaped like pages) and queue it; the platform sends it as a
// background job, through SMTP in production and to .eml files elsewhere.
export type { MailAddress, MailMessage } from '../platform/mail/mail-message';
export { Mailer } from '../platform/mail/mailer';
