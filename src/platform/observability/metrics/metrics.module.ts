import { Global, Module } from '@nestjs/common';
import { METRICS_SETTINGS, MetricsRegistry } from './metrics-registry';
import { readMetricsSettings } from './metrics-settings';

/** The app's metrics registry, for every module (METRICS_PORT; off when unset). */
@Global()
@Module({
  providers: [{ provide: METRICS_SETTINGS, useFactory: () => readMetricsSettings(process.env) }, MetricsRegistry],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
