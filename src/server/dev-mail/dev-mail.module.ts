import { Module } from '@nestjs/common';
import { isProductionRuntime } from '../../platform/environment/runtime-environment';
import { DEV_MAIL_ENABLED, DevMailController } from './dev-mail.controller';

/** /dev/mail for development (docs/guides/mail.md); 404 with NODE_ENV=production. Not a component: no navigation entry. */
@Module({
  controllers: [DevMailController],
  providers: [{ provide: DEV_MAIL_ENABLED, useFactory: () => !isProductionRuntime(process.env) }],
})
export class DevMailModule {}
