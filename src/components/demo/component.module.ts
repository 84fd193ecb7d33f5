import { Module } from '@nestjs/common';
import { DemoComponentController } from './component.controller';
import { DemoComponentService } from './component.service';

@Module({
  controllers: [DemoComponentController],
  providers: [DemoComponentService],
})
export class DemoComponentModule {}
