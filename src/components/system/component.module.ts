import { Module } from '@nestjs/common';
import { SystemComponentController } from './component.controller';

@Module({
  controllers: [SystemComponentController],
})
export class SystemComponentModule {}
