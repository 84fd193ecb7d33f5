import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HandlesJob } from '../jobs/job-handler.decorators';
import type { QueuedJob } from '../jobs/job-type';
import { inClientSpan } from '../observability/tracing/work-spans';
import type { RenderedMail } from './mail-message';
import { MAIL_SETTINGS, type MailSettings } from './mail-settings';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { SendMail } from './send-mail.job';

/**
 * Runs the send-mail job. The Message-ID is the job's, so a message sent
 * twice (the process died after the server accepted it, before the job was
 * marked done) reaches the mailbox with the same id and clients can fold it.
 */
@Injectable()
export class MailDelivery implements OnApplicationShutdown {
  constructor(
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
  ) {}

  @HandlesJob(SendMail, { transaction: false })
  async send(job: QueuedJob<RenderedMail>): Promise<void> {
    const host = new URL(this.settings.appUrl).hostname;
    const send = () => this.transport.send(job.payload, `<mail-${job.id}@${host}>`);
    const { transport } = this.settings;
    if (transport.kind !== 'smtp') return send();
    // The server only: the recipient is personal data, and the URL may hold the SMTP password.
    const server = new URL(transport.url);
    const port = Number(server.port) || (server.protocol === 'smtps:' ? 465 : 587);
    await inClientSpan('smtp send', { 'server.address': server.hostname, 'server.port': port }, send);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
