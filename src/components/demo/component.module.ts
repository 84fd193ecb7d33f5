import { Module } from '@nestjs/common';
import { AccountDeletedListener } from './account-deleted.listener';
import { DemoComponentController } from './component.controller';
import { DemoComponentService } from './component.service';

@Module({
  controllers: [DemoComponentController],
  providers: [DemoComponentService, AccountDeletedListener],
})
export class DemoComponentModule {}
