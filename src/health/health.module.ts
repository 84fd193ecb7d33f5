import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LifecycleModule } from '../platform/lifecycle/lifecycle.module';
import { DatabaseProbe } from './database-probe';
import { HealthController } from './health.controller';
import { DEFAULT_MIGRATIONS_DIR, MIGRATIONS_DIR, MigrationsAppliedIndicator } from './migrations-applied.indicator';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), LifecycleModule],
  controllers: [HealthController],
  providers: [DatabaseProbe, MigrationsAppliedIndicator, { provide: MIGRATIONS_DIR, useValue: DEFAULT_MIGRATIONS_DIR }],
})
export class HealthModule {}
