import type { ReactElement } from 'react';

/** An address with the name shown beside it, or just the address. */
export type MailAddress = string | { name: string; address: string };

/** A message as a component composes it (Mailer.send). */
export interface MailMessage {
  /** The component sending it: in the X-Component header and in the job's log lines. */
  component: string;
  to: MailAddress;
  subject: string;
  /** The HTML part, rendered to static markup like a page (React escapes every value). */
  html: ReactElement;
  /** The plain-text part. */
  text: string;
}

/** The message as the send-mail job carries it: rendered, so the job needs no component code. */
export interface RenderedMail {
  component: string;
  from: string;
  to: MailAddress;
  subject: string;
  html: string;
  text: string;
}
