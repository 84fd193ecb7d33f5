import { Module } from '@nestjs/common';
import { DemoComponentModule } from './components/demo/component.module';
import { DatabaseModule } from './database/runtime/database.module';
import { HealthModule } from './health/health.module';

@Module({
  imports: [DatabaseModule, HealthModule, DemoComponentModule],
})
export class AppModule {}
