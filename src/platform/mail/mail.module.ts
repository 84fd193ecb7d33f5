import { Global, Module } from '@nestjs/common';
import { MailDelivery } from './mail-delivery.service';
import { MAIL_SETTINGS, type MailSettings, readMailSettings } from './mail-settings';
import { createMailTransport, MAIL_TRANSPORT } from './mail-transport';
import { Mailer } from './mailer';

/** Mail for every component (docs/guides/mail.md): Mailer queues, MailDelivery sends through SMTP or to files. */
@Global()
@Module({
  providers: [
    { provide: MAIL_SETTINGS, useFactory: () => readMailSettings(process.env) },
    { provide: MAIL_TRANSPORT, useFactory: (settings: MailSettings) => createMailTransport(settings), inject: [MAIL_SETTINGS] },
    Mailer,
    MailDelivery,
  ],
  exports: [Mailer, MAIL_SETTINGS],
})
export class MailModule {}
