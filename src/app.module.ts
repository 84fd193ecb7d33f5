import { Module } from '@nestjs/common';
import { DatabaseModule } from './database/runtime/database.module';
import { ComponentsModule } from './generated/components.module';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './platform/lifecycle/lifecycle.module';
import { SecurityModule } from './security/security.module';
import { HttpPlatformModule } from './server/http-platform.module';

/** Platform modules plus every component, discovered at build time (src/generated/). */
@Module({
  imports: [LifecycleModule, DatabaseModule, SecurityModule, HttpPlatformModule, HealthModule, ComponentsModule],
})
export class AppModule {}
