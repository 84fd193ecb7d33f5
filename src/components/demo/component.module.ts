import { Module } from '@nestjs/common';
import { DemoComponentService } from './component.service';

@Module({
  providers: [DemoComponentService],
  exports: [DemoComponentService],
})
export class DemoComponentModule {}
