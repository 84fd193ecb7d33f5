import { Inject, Injectable } from '@nestjs/common';
import { renderToStaticMarkup } from 'react-dom/server';
import { JobQueue } from '../jobs/job-queue';
import type { TransactionLike } from '../jobs/transaction-client';
import { MailLayout } from './mail-layout';
import type { MailMessage, RenderedMail } from './mail-message';
import { MAIL_SETTINGS, type MailSettings } from './mail-settings';
import { SendMail } from './send-mail.job';

/**
 * Composes mail and queues it for sending (the platform/send-mail job), so a
 * request never waits on an SMTP server and a refused message is retried.
 * Give `tx` to send only if that transaction commits: a reset token and the
 * mail carrying it exist together or not at all.
 */
@Injectable()
export class Mailer {
  constructor(
    private readonly queue: JobQueue,
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
  ) {}

  async send(message: MailMessage, options: { tx?: TransactionLike } = {}): Promise<{ id: string }> {
    const rendered: RenderedMail = {
      component: message.component,
      from: this.settings.from,
      to: message.to,
      subject: message.subject,
      html: `<!DOCTYPE html>${renderToStaticMarkup(<MailLayout subject={message.subject}>{message.html}</MailLayout>)}`,
      text: message.text,
    };
    return this.queue.enqueue(SendMail, rendered, { tx: options.tx });
  }

  /**
   * An absolute link for a mail: APP_URL plus `path` and `query`. Never built
   * from the request's Host header, which the sender of a request chooses.
   */
  link(path: string, query: Record<string, string> = {}): string {
    if (!path.startsWith('/') || path.startsWith('//')) {
      throw new Error(`Mailer.link('${path}'): give a path on this app that starts with a single /, e.g. '/accounts/verify-email'`);
    }
    const url = new URL(this.settings.appUrl + path);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.toString();
  }
}
