/**
 * A message could not be handed to the SMTP server. Its message says which
 * server (host:port), what it answered or why it could not be reached, and
 * what to check; never the message itself (it may carry a reset link) nor
 * SMTP_URL's password. The send-mail job records it as its last error.
 */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
}
