import { Module } from '@nestjs/common';
import { DatabaseModule } from './database/runtime/database.module';
import { ComponentsModule } from './generated/components.module';
import { HealthModule } from './health/health.module';
import { SecurityModule } from './security/security.module';

/** Platform modules plus every component, discovered at build time (src/generated/). */
@Module({
  imports: [DatabaseModule, SecurityModule, HealthModule, ComponentsModule],
})
export class AppModule {}
