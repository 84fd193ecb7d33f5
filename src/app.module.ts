import { Module } from '@nestjs/common';
import { DatabaseModule } from './database/runtime/database.module';
import { componentRegistry } from './generated/component-registry';
import { componentModules } from './generated/components.module';
import { HealthModule } from './health/health.module';
import { MailModule } from './platform/mail/mail.module';
import { MetricsModule } from './platform/observability/metrics/metrics.module';
import { JobsModule } from './platform/jobs/jobs.module';
import { LifecycleModule } from './platform/lifecycle/lifecycle.module';
import { SecurityModule } from './security/security.module';
import { ComponentComposition } from './server/components/component-composition';
import { DevMailModule } from './server/dev-mail/dev-mail.module';
import { HttpPlatformModule } from './server/http-platform.module';
import { LoggingModule } from './server/observability/logging/logging.module';

/** What every app has, whatever its components. */
export const PLATFORM_MODULES = [
  LoggingModule,
  LifecycleModule,
  MetricsModule,
  DatabaseModule,
  SecurityModule,
  HttpPlatformModule,
  HealthModule,
  JobsModule,
  MailModule,
  DevMailModule,
];

/** Every component the build discovered (src/generated/), each module importing those of its dependsOn. */
export const components = ComponentComposition.of(componentRegistry.components, componentModules);

/** The platform plus every component. */
@Module({
  imports: [...PLATFORM_MODULES, ...components.modulesFor()],
})
export class AppModule {}
