import { Global, Module } from '@nestjs/common';
import { METRICS_SETTINGS, MetricsRegistry } from './metrics-registry';
import { MetricsServer } from './metrics-server';
import { readMetricsSettings } from './metrics-settings';

/** The app's metrics registry, for every module, and its endpoint (METRICS_PORT; off when unset). */
@Global()
@Module({
  providers: [{ provide: METRICS_SETTINGS, useFactory: () => readMetricsSettings(process.env) }, MetricsRegistry, MetricsServer],
  exports: [MetricsRegistry, MetricsServer],
})
export class MetricsModule {}
